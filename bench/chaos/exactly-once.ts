import type { CaseView, TaskView } from '../../shared/api/responses';
import type { Item } from '../../shared/case/items';
import { COMPANY_OPENING } from '../lib/bundle-scope';
import type { HttpResponse } from '../lib/http';
import { filedForm } from './founders';
import type { ChaosRun } from './run-state';

/**
 * Every case read back. Duplicated: a second case for one Idempotency-Key, a decision applied twice,
 * any timeline event recorded twice. Lost: a case not completed, a decision or a correction answer
 * not applied. Stale: an inbox still listing a task of a case that has ended.
 */
export async function checkExactlyOnce(
  run: ChaosRun,
): Promise<{ duplicated: string[]; lost: string[]; staleTasks: string[] }> {
  const { cases, decisions, call, founderTokens, officerTokens, stats } = run;
  const founderCount = founderTokens.length;
  const duplicated: string[] = [];
  const lost: string[] = [];
  const staleTasks: string[] = [];
  for (const state of cases) {
    const token = founderTokens[state.founder] as string;
    if (!state.id) {
      lost.push(`case ${state.key} was never accepted`);
      continue;
    }
    const view = (await call<CaseView>('GET', `/api/applications/${state.id}`, { token })).body;
    if (view.status !== 'completed') {
      const items = COMPANY_OPENING.items.map((item) => {
        const state = view.items[item];
        return state
          ? `${item} ${state.status} (round ${state.round}, task ${state.taskId})`
          : `${item} missing`;
      });
      const last = view.timeline
        .slice(-4)
        .map((event) => `${event.type}${event.item ? `(${event.item})` : ''}`);
      lost.push(
        `case ${state.id} (${state.key}) is ${view.status}${view.failure ? ` (${view.failure.error})` : ''}: ${items.join(', ')}; last events ${last.join(', ')}`,
      );
    }
    const expectCount = (type: string, expected: number, item?: Item) => {
      const seen = view.timeline.filter(
        (event) => event.type === type && (item === undefined || event.item === item),
      ).length;
      const what = `${type}${item ? ` (${item})` : ''}`;
      if (seen > expected) duplicated.push(`case ${state.id}: ${what} ${seen} times, expected ${expected}`);
      if (seen < expected && view.status === 'completed')
        lost.push(`case ${state.id}: ${what} ${seen} times, expected ${expected}`);
    };
    for (const type of ['submitted', 'review-started', 'delivered', 'completed']) expectCount(type, 1);
    for (const item of COMPANY_OPENING.items) {
      const corrections = item === 'registration' && state.correction ? 1 : 0;
      expectCount('approved', 1, item);
      expectCount('correction-requested', corrections, item);
      expectCount('corrected', corrections, item);
      expectCount('task-opened', 1 + corrections, item);
    }
    expectCount('correction-submitted', state.correction ? 1 : 0);
    const seen = new Set<string>();
    for (const event of view.timeline) {
      const key = JSON.stringify([event.type, event.item, event.details]);
      if (seen.has(key)) duplicated.push(`case ${state.id}: timeline event ${event.type} recorded twice`);
      seen.add(key);
    }
    for (const decision of decisions.values()) {
      if (decision.applicationId !== state.id) continue;
      const type = decision.outcome === 'approved' ? 'approved' : 'correction-requested';
      const applied = view.timeline.filter(
        (event) =>
          event.type === type && event.item === decision.item && event.details.taskId === decision.taskId,
      ).length;
      if (applied === 0)
        lost.push(`decision ${decision.outcome} on task ${decision.taskId} (${state.id}) not applied`);
      if (applied > 1) duplicated.push(`decision on task ${decision.taskId} applied ${applied} times`);
    }
  }
  // One case per Idempotency-Key: each founder's list holds exactly the cases that founder submitted.
  for (let founder = 0; founder < founderCount; founder++) {
    const token = founderTokens[founder] as string;
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: HttpResponse<{ items: { id: string }[]; nextCursor: string | null }> = await call(
        'GET',
        `/api/applications?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token },
      );
      listed.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const expected = cases.filter((state) => state.founder === founder).length;
    if (listed.length > expected || new Set(listed).size !== listed.length)
      duplicated.push(`founder ${founder}: ${listed.length} cases listed for ${expected} Idempotency-Keys`);
  }
  // The same key and body again answer the same case.
  for (const state of cases.filter((_, index) => index % 10 === 3)) {
    stats.resubmissions++;
    const token = founderTokens[state.founder] as string;
    const again = await call<{ id: string }>('POST', '/api/applications', {
      token,
      body: await filedForm(run, token),
      headers: { 'idempotency-key': state.key },
    });
    if (again.body.id === state.id) stats.resubmissionsSameCase++;
    else duplicated.push(`key ${state.key} answered ${again.body.id}, first ${state.id}`);
  }
  // No inbox still lists a task of a case that has ended.
  for (const department of COMPANY_OPENING.departments) {
    const inbox = await call<{ items: TaskView[] }>('GET', `/api/departments/${department}/tasks?limit=100`, {
      token: officerTokens[department] as string,
    });
    for (const task of inbox.body.items)
      staleTasks.push(
        `${department} inbox still lists task ${task.id} (${task.item} of ${task.applicationId})`,
      );
  }
  return { duplicated, lost, staleTasks };
}
