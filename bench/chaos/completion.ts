import type { CaseView } from '../../shared/api/responses';
import { sleep } from '../lib/stats';
import type { ChaosRun } from './run-state';
import type { ServerKiller } from './server-killer';

/**
 * Reads every case back until all have completed or ended, or time runs out, or nothing has moved
 * for 90 s; returns the ids of those completed.
 */
export async function awaitCompletion(
  run: ChaosRun,
  killer: ServerKiller,
  expectedDecisions: number,
): Promise<Set<string>> {
  const { options, started, budgetMs, stats, decisions, cases, call, founderTokens, say } = run;
  const { kills, maybeKill } = killer;
  const completed = new Set<string>();
  const ended = new Set<string>();
  let progressMark = '';
  let progressAt = Date.now();
  while (completed.size + ended.size < options.cases) {
    if (Date.now() - started > budgetMs - 60_000) {
      say('time is running out: stopping here and checking what there is');
      break;
    }
    const mark = `${completed.size}/${ended.size}/${decisions.size}/${stats.decisionAttempts}/${kills.length}`;
    if (mark !== progressMark) {
      progressMark = mark;
      progressAt = Date.now();
    } else if (Date.now() - progressAt > 90_000 && kills.length >= options.kills) {
      say('nothing has moved for 90 s: stopping here and checking what there is');
      break;
    }
    // A kill that the decision count did not bring (everyone waiting) comes by time instead.
    if (kills.length < options.kills && Date.now() - killer.lastKill > 20_000) await maybeKill(true);
    for (const state of cases) {
      if (!state.id || completed.has(state.id) || ended.has(state.id)) continue;
      const view = await call<CaseView>('GET', `/api/applications/${state.id}`, {
        token: founderTokens[state.founder] as string,
      });
      if (view.body.status === 'completed') completed.add(state.id);
      if (view.body.status === 'rejected' || view.body.failure) ended.add(state.id);
    }
    say(
      `${completed.size}/${options.cases} completed, ${decisions.size}/${expectedDecisions} decisions, ${kills.length}/${options.kills} kills`,
    );
    if (completed.size + ended.size < options.cases) await sleep(1000);
  }
  return completed;
}
