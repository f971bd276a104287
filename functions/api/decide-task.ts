import { officerOf } from '../../shared/api/caller';
import { taskView } from '../../shared/api/views';
import { decideTask } from '../../shared/case/commands';
import { tasks } from '../../shared/data/tasks';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** POST /api/tasks/{taskId}/decision — approve, request correction (every problem at once), or reject. */
export const handler = httpHandler(ROUTES.decideTask, async ({ caller, params, body, now }) => {
  const task = await tasks.get(params.taskId);
  if (!task || !officerOf(caller, task.department)) throw notFound('Task', '任务');
  const decided = await decideTask({
    taskId: task.id,
    officer: { sub: caller.sub, department: task.department },
    outcome: body.outcome,
    reasons: body.reasons,
    note: body.note,
  });
  return {
    status: 200,
    body: {
      task: taskView(decided.task, now),
      decision: { outcome: decided.decision.outcome, decidedAt: decided.decision.decidedAt },
    },
  };
});
