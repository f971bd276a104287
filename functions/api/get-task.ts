import { isOps, officerOf } from '../../shared/api/caller';
import { caseView, taskView } from '../../shared/api/views';
import { cases } from '../../shared/data/cases';
import { tasks } from '../../shared/data/tasks';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** GET /api/tasks/{taskId} — the task with the application data the officer needs to decide. */
export const handler = httpHandler(ROUTES.getTask, async ({ caller, params, now }) => {
  const task = await tasks.get(params.taskId);
  if (!task || !(officerOf(caller, task.department) || isOps(caller))) throw notFound('Task', '任务');
  const record = await cases.get(task.applicationId);
  if (!record) throw notFound('Task', '任务');
  const view = caseView(record, now);
  return {
    status: 200,
    body: {
      task: taskView(task, now),
      application: {
        id: view.id,
        status: view.status,
        submittedAt: view.submittedAt,
        form: view.application,
        item: view.items[task.item],
        corrections: view.corrections.filter((correction) => correction.item === task.item),
        sla: view.sla,
      },
    },
  };
});
