import * as z from 'zod';
import { awaitCorrection } from '../../shared/case/workflow-steps';
import { applicationId, item, stepHandler, taskToken } from './step-handler';

export const handler = stepHandler(z.object({ applicationId, item, token: taskToken }).strict(), (input) =>
  awaitCorrection(input.applicationId, input.item, input.token),
);
