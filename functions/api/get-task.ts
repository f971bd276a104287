import { officerOf } from '../../shared/api/caller';
import { taskDetail } from '../../shared/api/views';
import { cases } from '../../shared/data/cases';
import { tasks } from '../../shared/data/tasks';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** GET /api/tasks/{taskId} — the task with the application data its department reads to decide. */
export const handler = httpHandler(ROUTES.getTask, async ({ caller, params, now }) => {
  const task = await tasks.get(params.taskId);
  if (!task || !officerOf(caller, task.department)) throw notFound('Task', '任务');
  const record = await cases.get(task.applicationId);
  if (!record) throw notFound('Task', '任务');
  return { status: 200, body: taskDetail(task, record, now) };
});
