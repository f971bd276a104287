import { readFileSync } from 'node:fs';
import type { CaseView } from '../../shared/api/responses';
import { runConcurrently, sleep } from '../lib/stats';
import type { CaseState, ChaosRun } from './run-state';

export const form = () =>
  JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')) as {
    company: { address: { detail: string } };
  };

/** Every case submitted once, each with its own Idempotency-Key. */
export async function submitCases(run: ChaosRun): Promise<void> {
  const { options, cases, byId, call, founderTokens } = run;
  await runConcurrently(
    10,
    async (index) => {
      const state = cases[index] as CaseState;
      const response = await call<{ id: string }>('POST', '/api/applications', {
        token: founderTokens[state.founder] as string,
        body: form(),
        headers: { 'idempotency-key': state.key },
      });
      if (response.status !== 201)
        throw new Error(`submit ${state.key}: ${response.status} ${response.text}`);
      state.id = response.body.id;
      byId.set(state.id, state);
    },
    { count: options.cases },
  );
}

/** Founders answer the correction requests on their cases until the run is finished. */
export function startFounders(run: ChaosRun): Promise<void> {
  const { cases, call, founderTokens, stats } = run;
  const corrected = form();
  corrected.company.address.detail = '示例路18号A栋302房';
  const answerCorrection = async (state: CaseState) => {
    const token = founderTokens[state.founder] as string;
    const applied = async (): Promise<boolean> => {
      stats.correctionAnswersChecked++;
      const view = await call<CaseView>('GET', `/api/applications/${state.id}`, { token });
      return (
        view.body.corrections.length > 0 &&
        view.body.corrections.every((correction) => correction.status !== 'open')
      );
    };
    const response = await call('POST', `/api/applications/${state.id}/corrections`, {
      token,
      body: { application: corrected, note: 'Room number fixed' },
    });
    if (response.status !== 200 && !(response.status === 409 && (await applied())))
      throw new Error(`correction answer for ${state.id}: ${response.status} ${response.text}`);
    state.answered = true;
  };
  return (async () => {
    while (!run.finished) {
      for (const state of cases.filter((candidate) => candidate.correction && !candidate.answered)) {
        const view = await call<CaseView>('GET', `/api/applications/${state.id}`, {
          token: founderTokens[state.founder] as string,
        });
        if (view.body.status === 'correction-needed') await answerCorrection(state);
      }
      await sleep(300);
    }
  })();
}
