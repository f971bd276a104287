import * as z from 'zod';
import { recordFailure } from '../../shared/case/workflow-steps';
import { applicationId, stepHandler } from './step-handler';

/** Step Functions' Catch output: `Error` and `Cause` of what failed. */
const failure = z.object({ Error: z.string(), Cause: z.string().optional() }).loose();

export const handler = stepHandler(z.object({ applicationId, failure }).strict(), (input) =>
  recordFailure(input.applicationId, input.failure.Error, input.failure.Cause ?? ''),
);
