import type { TaskView } from '../../shared/api/responses';
import type { Department } from '../../shared/case/items';
import { COMPANY_OPENING } from '../lib/bundle-scope';
import { sleep } from '../lib/stats';
import type { ChaosRun } from './run-state';

const OFFICERS_PER_DEPARTMENT = 2;

/**
 * Officers work their inboxes and decide each task until the run is finished, every decision sent
 * giving the server killer its chance.
 */
export function startOfficers(run: ChaosRun, maybeKill: () => Promise<void>): Promise<void>[] {
  const { byId, decisions, call, officerTokens, stats, say } = run;
  const claimed = new Set<string>();

  const decide = async (department: Department, task: TaskView) => {
    const state = byId.get(task.applicationId);
    const outcome =
      task.item === 'registration' && task.round === 1 && state?.correction
        ? ('correction-requested' as const)
        : ('approved' as const);
    const body =
      outcome === 'approved'
        ? { outcome }
        : {
            outcome,
            reasons: [{ path: 'company.address.detail', message: 'Give the room number as on the lease' }],
          };
    const recordApplied = () =>
      decisions.set(task.id, {
        taskId: task.id,
        applicationId: task.applicationId,
        item: task.item,
        outcome,
      });
    while (!run.finished) {
      stats.decisionAttempts++;
      void maybeKill();
      const response = await call('POST', `/api/tasks/${task.id}/decision`, {
        token: officerTokens[department] as string,
        body,
      });
      if (response.status === 200) {
        recordApplied();
        return;
      }
      if (response.status !== 409)
        throw new Error(`decision on ${task.id}: ${response.status} ${response.text}`);
      // 409: decided already (by an attempt whose answer was lost), or not resumable yet. Look.
      const current = await call<{ task: TaskView }>('GET', `/api/tasks/${task.id}`, {
        token: officerTokens[department] as string,
      });
      if (current.body.task.status === 'closed') {
        if (current.body.task.outcome !== outcome)
          throw new Error(`task ${task.id} closed as ${current.body.task.outcome}, not ${outcome}`);
        stats.decisionConflictsVerified++;
        recordApplied();
        return;
      }
      stats.spuriousConflicts++;
      if (stats.spuriousConflicts % 20 === 1)
        say(
          `409 on task ${task.id} (${task.item} of ${task.applicationId}) while it is still open; retrying`,
        );
      await sleep(500);
    }
  };

  return COMPANY_OPENING.departments.flatMap((department) =>
    Array.from({ length: OFFICERS_PER_DEPARTMENT }, async () => {
      while (!run.finished) {
        const inbox = await call<{ items: TaskView[] }>(
          'GET',
          `/api/departments/${department}/tasks?limit=50`,
          {
            token: officerTokens[department] as string,
          },
        );
        const mine = (inbox.body.items ?? []).filter((task) => !claimed.has(task.id)).slice(0, 3);
        if (mine.length === 0) {
          await sleep(250);
          continue;
        }
        for (const task of mine) claimed.add(task.id);
        for (const task of mine) await decide(department, task);
      }
    }),
  );
}
