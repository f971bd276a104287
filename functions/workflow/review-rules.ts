import * as z from 'zod';
import { reviewRules } from '../../shared/case/workflow-steps';
import { applicationId, item, stepHandler } from './step-handler';

export const handler = stepHandler(z.object({ applicationId, item }).strict(), (input) =>
  reviewRules(input.applicationId, input.item),
);
