import * as z from 'zod';
import { openDepartmentTask } from '../../shared/case/workflow-steps';
import { applicationId, item, stepHandler, taskToken } from './step-handler';

export const handler = stepHandler(z.object({ applicationId, item, token: taskToken }).strict(), (input) =>
  openDepartmentTask(input.applicationId, input.item, input.token),
);
