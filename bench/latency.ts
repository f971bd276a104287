import { LOCAL_TABLE_NAME } from '../shared/config';
import type { ChildServer } from '../test/integration/http/server';
import { form } from './cost';
import { filedForms } from './lib/filed-form';
import { apiClient, dynamoCall, type HttpResponse } from './lib/http';
import { type LatencySummary, runConcurrently, sleep, summarize } from './lib/stats';
import { roleTokens } from './throughput';

/**
 * API latency per route at 1, 8 and 32 concurrent clients against `npm start`'s server, beside a raw
 * dynalite GetItem (strongly consistent, on a case item) at the same concurrency in that same process.
 *
 * Reads are timed for a fixed time per level on a quiet server. Writes need fresh state per request:
 * each submission makes a case, each decision (a correction request) needs an open task, each
 * correction answer needs an open correction, so those three run a fixed number of requests per level,
 * in that order, each on what the one before left behind.
 */

export interface RouteLatency {
  route: string;
  concurrency: number;
  latency: LatencySummary;
  statuses: Record<string, number>;
}

export interface LatencyResult {
  levels: number[];
  routes: RouteLatency[];
  rawGetItem: { concurrency: number; latency: LatencySummary }[];
}

interface CaseView {
  status?: string;
  items?: { registration?: { taskId?: string | null } };
}

const writeSamples = (concurrency: number) => Math.max(20, concurrency * 2);

export async function benchLatency(
  server: ChildServer,
  options: { levels: number[]; readMs: number },
  progress: (fraction: number, detail: string) => void,
): Promise<LatencyResult> {
  const api = apiClient(server.url);
  const tokens = await roleTokens(api, 'lat', 1);
  const founder = tokens.founder[0] as string;
  const officer = tokens.officer['market-regulation'] as string;
  // Filed once, before any route is timed: every case and correction answer names the same uploads.
  const filed = await filedForms(server.url, form)('lat-founder-0', founder);
  const routes: RouteLatency[] = [];
  const rawGetItem: LatencyResult['rawGetItem'] = [];
  const steps = 1 + options.levels.length * 9;
  let step = 0;
  const tick = (detail: string) => progress(++step / steps, detail);

  const measure = async (
    route: string,
    concurrency: number,
    limits: { count?: number; durationMs?: number },
    request: (index: number) => Promise<HttpResponse>,
    expected: number,
  ) => {
    const ms: number[] = [];
    const statuses: Record<string, number> = {};
    await runConcurrently(
      concurrency,
      async (index) => {
        const response = await request(index);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status !== expected)
          throw new Error(
            `${route}: ${response.status} (expected ${expected}) ${response.text.slice(0, 300)}`,
          );
        ms.push(response.ms);
      },
      limits,
    );
    routes.push({ route, concurrency, latency: summarize(ms), statuses });
  };

  // 1. Submissions: each makes a case that parks on its registration task.
  const cases: string[][] = [];
  for (const concurrency of options.levels) {
    const ids: string[] = [];
    await measure(
      'POST /api/applications',
      concurrency,
      { count: writeSamples(concurrency) },
      async (index) => {
        const response = await api.call<{ id: string }>('POST', '/api/applications', {
          token: founder,
          body: filed,
          headers: { 'idempotency-key': `lat-${concurrency}-${index}-${Date.now()}` },
        });
        if (response.status === 201) ids.push(response.body.id);
        return response;
      },
      201,
    );
    cases.push(ids);
    tick(`POST /api/applications at ${concurrency}`);
  }
  const openTask = new Map<string, string>();
  const allCases = cases.flat();
  const deadline = Date.now() + 120_000;
  while (openTask.size < allCases.length) {
    if (Date.now() > deadline) throw new Error('registration tasks did not open within 2 minutes');
    await Promise.all(
      allCases
        .filter((id) => !openTask.has(id))
        .slice(0, 32)
        .map(async (id) => {
          const response = await api.call<CaseView>('GET', `/api/applications/${id}`, { token: founder });
          const taskId = response.body?.items?.registration?.taskId;
          if (taskId) openTask.set(id, taskId);
        }),
    );
    await sleep(100);
  }
  await sleep(1000);
  tick('registration tasks open');

  // 2. Reads, on a quiet server.
  const someCase = allCases[0] as string;
  const someTask = openTask.get(someCase) as string;
  const reads: [string, string, string][] = [
    ['GET /api/health', '/api/health', ''],
    ['GET /api/openapi.json', '/api/openapi.json', ''],
    ['GET /api/applications', '/api/applications', founder],
    ['GET /api/applications/{id}', `/api/applications/${someCase}`, founder],
    ['GET /api/departments/{department}/tasks', '/api/departments/market-regulation/tasks', officer],
    ['GET /api/tasks/{taskId}', `/api/tasks/${someTask}`, officer],
    ['GET /api/ops/sla', '/api/ops/sla', tokens.ops],
  ];
  for (const concurrency of options.levels) {
    for (const [route, path, token] of reads) {
      await measure(
        route,
        concurrency,
        { durationMs: options.readMs },
        () => api.call('GET', path, { token }),
        200,
      );
      tick(`${route} at ${concurrency}`);
    }
    const ms: number[] = [];
    await runConcurrently(
      concurrency,
      async () => {
        const response = await dynamoCall(server.dynamoEndpoint(), 'GetItem', {
          TableName: LOCAL_TABLE_NAME,
          Key: { pk: { S: `APP#${someCase}` }, sk: { S: 'CASE' } },
          ConsistentRead: true,
        });
        if (response.status !== 200) throw new Error(`raw GetItem: ${response.status}`);
        ms.push(response.ms);
      },
      { durationMs: options.readMs },
    );
    rawGetItem.push({ concurrency, latency: summarize(ms) });
  }

  // 3. Decisions: a correction request on each case's registration task.
  for (const [level, concurrency] of options.levels.entries()) {
    const ids = cases[level] as string[];
    await measure(
      'POST /api/tasks/{taskId}/decision',
      concurrency,
      { count: ids.length },
      (index) =>
        api.call('POST', `/api/tasks/${openTask.get(ids[index] as string)}/decision`, {
          token: officer,
          body: {
            outcome: 'correction-requested',
            reasons: [{ path: 'company.address.detail', message: 'Give the room number as on the lease' }],
          },
        }),
      200,
    );
    tick(`POST /api/tasks/{taskId}/decision at ${concurrency}`);
  }
  const waiting = new Set<string>();
  while (waiting.size < allCases.length) {
    if (Date.now() > deadline + 60_000) throw new Error('correction requests did not land within 3 minutes');
    await Promise.all(
      allCases
        .filter((id) => !waiting.has(id))
        .slice(0, 32)
        .map(async (id) => {
          const response = await api.call<CaseView>('GET', `/api/applications/${id}`, { token: founder });
          if (response.body?.status === 'correction-needed') waiting.add(id);
        }),
    );
    await sleep(100);
  }
  await sleep(1000);

  // 4. Correction answers.
  const corrected = structuredClone(filed) as { company: { address: { detail: string } } };
  corrected.company.address.detail = '示例路18号A栋302房';
  for (const [level, concurrency] of options.levels.entries()) {
    const ids = cases[level] as string[];
    await measure(
      'POST /api/applications/{id}/corrections',
      concurrency,
      { count: ids.length },
      (index) =>
        api.call('POST', `/api/applications/${ids[index]}/corrections`, {
          token: founder,
          body: { application: corrected, note: 'Room number fixed' },
        }),
      200,
    );
    tick(`POST /api/applications/{id}/corrections at ${concurrency}`);
  }
  return { levels: options.levels, routes, rawGetItem };
}
