import * as z from 'zod';
import { closeCase } from '../../shared/case/workflow-steps';
import { applicationId, stepHandler } from './step-handler';

export const handler = stepHandler(z.object({ applicationId }).strict(), (input) =>
  closeCase(input.applicationId),
);
