import * as z from 'zod';
import { rejectCase } from '../../shared/case/workflow-steps';
import { applicationId, item, stepHandler } from './step-handler';

export const handler = stepHandler(z.object({ applicationId, item }).strict(), (input) =>
  rejectCase(input.applicationId, input.item),
);
