import * as z from 'zod';
import { applyCorrection } from '../../shared/case/workflow-steps';
import { applicationId, item, stepHandler } from './step-handler';

export const handler = stepHandler(z.object({ applicationId, item }).strict(), (input) =>
  applyCorrection(input.applicationId, input.item),
);
