import { readFileSync } from 'node:fs';
import type { CaseView } from '../../shared/api/responses';
import { declarationOf, postToStorage, samplePdf, withFiledUploads } from '../../test/support/uploads';
import { runConcurrently, sleep } from '../lib/stats';
import type { CaseState, ChaosRun } from './run-state';

export const form = () =>
  JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')) as {
    company: { address: { detail: string } };
  };

type Form = ReturnType<typeof form>;
const filedForms = new Map<string, Promise<Form>>();

/**
 * The form with its materials uploaded by this founder, as the web app uploads them, once per founder:
 * every case and every answer of theirs files the same uploads.
 */
export function filedForm(run: ChaosRun, token: string): Promise<Form> {
  let filed = filedForms.get(token);
  if (!filed) {
    filed = withFiledUploads(form(), async (placeholder, type) => {
      const file = {
        fileName: `${type}.pdf`,
        mediaType: 'application/pdf' as const,
        bytes: await samplePdf(`${type} ${placeholder}`),
      };
      const slot = await run.call<{ id: string; upload: { url: string; fields: Record<string, string> } }>(
        'POST',
        '/api/uploads',
        { token, body: declarationOf(file) },
      );
      if (slot.status !== 201) throw new Error(`upload slot: ${slot.status} ${slot.text}`);
      const stored = await postToStorage(slot.body.upload, file);
      if (stored.status !== 204) throw new Error(`storage: ${stored.status} ${stored.text}`);
      for (;;) {
        const status = await run.call<{ status: string }>('GET', `/api/uploads/${slot.body.id}`, { token });
        if (status.body.status === 'clean') return slot.body.id;
        if (status.body.status !== 'pending') throw new Error(`upload is ${status.body.status}`);
        await sleep(50);
      }
    });
    filedForms.set(token, filed);
  }
  return filed;
}

/** Every case submitted once, each with its own Idempotency-Key. */
export async function submitCases(run: ChaosRun): Promise<void> {
  const { options, cases, byId, call, founderTokens } = run;
  await runConcurrently(
    10,
    async (index) => {
      const state = cases[index] as CaseState;
      const token = founderTokens[state.founder] as string;
      const response = await call<{ id: string }>('POST', '/api/applications', {
        token,
        body: await filedForm(run, token),
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
  const answerCorrection = async (state: CaseState) => {
    const token = founderTokens[state.founder] as string;
    const corrected = structuredClone(await filedForm(run, token));
    corrected.company.address.detail = '示例路18号A栋302房';
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
