import * as z from 'zod';
import { armSlaTimer } from '../../shared/case/workflow-steps';
import { applicationId, stepHandler, taskToken } from './step-handler';

export const handler = stepHandler(
  z.object({ applicationId, token: taskToken, revision: z.number().int().nonnegative() }).strict(),
  (input) => armSlaTimer(input.applicationId, input.token, input.revision),
);
