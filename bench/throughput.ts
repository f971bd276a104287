import type { Department } from '../shared/case/items';
import { LOCAL_TABLE_NAME } from '../shared/config';
import type { ChildServer } from '../test/integration/http/server';
import { form } from './cost';
import { COMPANY_OPENING } from './lib/bundle-scope';
import { filedForms } from './lib/filed-form';
import { type ApiClient, apiClient, dynamoCall } from './lib/http';
import { runConcurrently, sleep } from './lib/stats';

/**
 * End-to-end cases per second through the HTTP API of `npm start`'s server (INSTANT_APPROVAL=off, so
 * every item waits for its department): founders submit, officers work their inboxes and decide, all
 * over HTTP. The floor is dynalite's raw write rate in that same server process, at the same
 * concurrency, divided by the writes one case needs (app table and engine journal).
 */

/** The company-opening cases this files wait on these departments only. */
const DEPARTMENTS = COMPANY_OPENING.departments;

/** Raw PutItem of a case-sized item into the app table, no SDK: what dynalite can write at most. */
export async function rawWriteRate(
  endpoint: string,
  concurrency: number,
  durationMs: number,
  itemBytes: number,
): Promise<number> {
  const padding = 'x'.repeat(Math.max(0, itemBytes - 60));
  const { completed, elapsedMs } = await runConcurrently(
    concurrency,
    async (index) => {
      const response = await dynamoCall(endpoint, 'PutItem', {
        TableName: LOCAL_TABLE_NAME,
        Item: { pk: { S: `BENCH#raw-${index}` }, sk: { S: 'RAW' }, padding: { S: padding } },
      });
      if (response.status !== 200) throw new Error(`raw PutItem: ${response.status} ${response.text}`);
    },
    { durationMs },
  );
  return completed / (elapsedMs / 1000);
}

export async function roleTokens(api: ApiClient, prefix: string, founders: number) {
  const officer = Object.fromEntries(
    await Promise.all(
      DEPARTMENTS.map(
        async (department) =>
          [department, await api.token(`${prefix}-${department}`, [`officers-${department}`])] as const,
      ),
    ),
  ) as Record<Department, string>;
  const founder = await Promise.all(
    Array.from({ length: founders }, (_, index) => api.token(`${prefix}-founder-${index}`, ['applicants'])),
  );
  const ops = await api.token(`${prefix}-ops`, ['ops']);
  return { officer, founder, ops };
}

export interface ThroughputResult {
  cases: number;
  concurrency: number;
  founders: number;
  officers: number;
  seconds: number;
  casesPerSecond: number;
  apiRequests: number;
  rawWritesPerSecond: number;
  writesPerCase: number;
  floorCasesPerSecond: number;
}

export async function benchThroughput(
  server: ChildServer,
  options: { cases: number; concurrency: number; writesPerCase: number; itemBytes: number },
  progress: (fraction: number, detail: string) => void,
): Promise<ThroughputResult> {
  const api = apiClient(server.url);
  const founders = Math.max(1, Math.floor(options.concurrency / 2));
  const officers = Math.max(DEPARTMENTS.length, options.concurrency - founders);
  const tokens = await roleTokens(api, 'tp', founders);

  progress(0.02, `raw dynalite PutItem at ${options.concurrency} concurrent`);
  const rawWritesPerSecond = await rawWriteRate(
    server.dynamoEndpoint(),
    options.concurrency,
    4000,
    options.itemBytes,
  );

  progress(0.05, `${founders} founders file their materials`);
  const filed = filedForms(server.url, form);
  const forms = await Promise.all(
    tokens.founder.map((token, worker) => filed(`tp-founder-${worker}`, token)),
  );

  let apiRequests = 0;
  const call = async (
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => {
    for (let attempt = 1; ; attempt++) {
      apiRequests++;
      const response = await api.call(method, path, { token, body, headers });
      if (response.status < 500 || attempt >= 5) return response;
      await sleep(50 * attempt);
    }
  };

  const owner = new Map<string, number>();
  const completed = new Set<string>();
  let submitted = 0;
  let decided = 0;
  const started = performance.now();
  const founderWork = runConcurrently(
    founders,
    async (index, worker) => {
      const response = await call(
        'POST',
        '/api/applications',
        tokens.founder[worker] as string,
        forms[worker],
        {
          'idempotency-key': `tp-${index}-${Date.now()}`,
        },
      );
      if (response.status !== 201) throw new Error(`submit: ${response.status} ${response.text}`);
      owner.set((response.body as { id: string }).id, worker);
      submitted++;
    },
    { count: options.cases },
  );

  let finished = false;
  const inFlight = new Set<string>();
  const officerWork = Promise.all(
    Array.from({ length: officers }, async (_, officerIndex) => {
      const department = DEPARTMENTS[officerIndex % DEPARTMENTS.length] as Department;
      const token = tokens.officer[department] as string;
      while (!finished) {
        const inbox = await call('GET', `/api/departments/${department}/tasks?limit=20`, token);
        const open = ((inbox.body as { items?: { id: string }[] }).items ?? []).filter(
          (task) => !inFlight.has(task.id),
        );
        // An officer takes a few tasks per look at the inbox; colleagues take the others.
        const mine = open.slice(0, 3);
        if (mine.length === 0) {
          await sleep(25);
          continue;
        }
        for (const task of mine) inFlight.add(task.id);
        for (const task of mine) {
          const decision = await call('POST', `/api/tasks/${task.id}/decision`, token, {
            outcome: 'approved',
          });
          if (decision.status !== 200 && decision.status !== 409)
            throw new Error(`decision: ${decision.status} ${decision.text}`);
          if (decision.status === 200) decided++;
        }
      }
    }),
  );

  const monitor = (async () => {
    while (completed.size < options.cases) {
      await sleep(200);
      const pending = new Set([...owner].filter(([id]) => !completed.has(id)).map(([, worker]) => worker));
      for (const worker of pending) {
        const list = await call('GET', '/api/applications?limit=100', tokens.founder[worker] as string);
        for (const summary of (list.body as { items: { id: string; status: string }[] }).items) {
          if (summary.status === 'completed' && owner.has(summary.id)) completed.add(summary.id);
          if (summary.status === 'rejected' || summary.status === 'correction-needed')
            throw new Error(`case ${summary.id} went ${summary.status}`);
        }
      }
      progress(
        0.1 + (0.9 * completed.size) / options.cases,
        `${submitted} submitted, ${decided} decisions, ${completed.size}/${options.cases} completed`,
      );
      if (performance.now() - started > 300_000) throw new Error('throughput run took over 5 minutes');
    }
  })();
  await founderWork;
  await monitor;
  const seconds = (performance.now() - started) / 1000;
  finished = true;
  await officerWork;

  return {
    cases: options.cases,
    concurrency: options.concurrency,
    founders,
    officers,
    seconds,
    casesPerSecond: options.cases / seconds,
    apiRequests,
    rawWritesPerSecond,
    writesPerCase: options.writesPerCase,
    floorCasesPerSecond: rawWritesPerSecond / options.writesPerCase,
  };
}
