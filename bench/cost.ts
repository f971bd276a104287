import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { catalogueItem, departmentOf, type Item } from '../shared/case/items';
import { LOCAL_TABLE_NAME } from '../shared/config';
import { LIVE_ALIAS } from '../workflows/live-alias';
import { type MeterSnapshot, meterDelta } from './lib/dynamo-meter';
import { filedForms } from './lib/filed-form';
import type { MeteredPlatform } from './lib/platform';
import { LAMBDA_MEMORY_GB, PLATFORM_LOG_BYTES_PER_INVOCATION, PRICES } from './lib/prices';
import { mean, sleep } from './lib/stats';
import { v1Version } from './lib/workflow-versions';

/**
 * What one completed case costs on AWS, from what it actually does on the local runtime: state
 * transitions counted by the engine, workflow Lambda invocations and their measured durations, the
 * API requests of a fixed user journey, the DynamoDB units of every request to the app table (the
 * engine's journal exists only locally and is counted apart), and the bytes of EMF metric lines.
 */

const fixture = (name: string) => () =>
  JSON.parse(readFileSync(`test/fixtures/applications/${name}.json`, 'utf8')) as Record<string, unknown>;

/** A company-opening case (no bundle named: the default one). */
export const form = fixture('valid-baiyun-llc');
/** A restaurant case: company opening plus the food business licence and the fire-safety inspection. */
export const restaurantForm = fixture('valid-restaurant');

/** Per API and form, each founder's form with its materials filed once (bench/lib/filed-form.ts). */
const filedFormsByApi = new Map<string, ReturnType<typeof filedForms<Record<string, unknown>>>>();
const filedFormOf = (apiUrl: string, costCase: CostCase) => {
  const key = `${apiUrl} ${costCase.name}`;
  let filed = filedFormsByApi.get(key);
  if (!filed) {
    filed = filedForms(apiUrl, costCase.form);
    filedFormsByApi.set(key, filed);
  }
  return filed;
};

/**
 * The company-opening case must not cost more than this many times the transitions it cost on the
 * first kept definition (workflows/versions/1.json), the one before the catalogue generated it.
 */
export const MAX_TRANSITIONS_OVER_V1 = 1.1;

export type CaseKind = 'instant' | 'officer';

export interface CaseMeasurement {
  kind: CaseKind;
  transitions: number;
  workflowInvocations: number;
  workflowBilledMs: number;
  invocationsByFunction: Record<string, number>;
  apiRequests: number;
  apiBilledMs: number;
  apiByRoute: Record<string, number>;
  app: MeterSnapshot;
  journal: MeterSnapshot;
  dynaliteRequests: number;
  emfBytes: number;
}

export interface CaseCost {
  kind: CaseKind;
  measured: Omit<CaseMeasurement, 'app' | 'journal'> & {
    cases: number;
    /** Fewest and most app-table requests among the measured cases. */
    dynamoRequestsRange: [number, number];
    dynamoRequests: number;
    dynamoReads: number;
    dynamoWrites: number;
    readUnits: number;
    writeUnits: number;
    indexWriteUnits: number;
    largestItemBytes: number;
    journalRequests: number;
    journalWrites: number;
    byOperation: MeterSnapshot['byOperation'];
  };
  usd: {
    stepFunctions: number;
    lambdaRequests: number;
    lambdaDuration: number;
    dynamoWrites: number;
    dynamoReads: number;
    apiGateway: number;
    logs: number;
    total: number;
  };
  /** The same case with one transition per Lambda task: every Choice, Pass, Parallel, Succeed folded away. */
  floorUsd: number;
}

/** An uncounted reader, so that waiting for a task does not add to what a case costs. */
function uncountedReader(endpoint: string) {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'us-east-1' }));
}

async function openTaskId(
  reader: DynamoDBDocumentClient,
  applicationId: string,
  item: Item,
): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { Item: record } = await reader.send(
      new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk: `APP#${applicationId}`, sk: 'CASE' } }),
    );
    const taskId = record?.items?.[item]?.taskId as string | undefined;
    if (taskId) {
      const { Item: task } = await reader.send(
        new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk: `TASK#${taskId}`, sk: 'TASK' } }),
      );
      if (task?.status === 'open') return taskId;
    }
    if (Date.now() > deadline) throw new Error(`no open ${item} task for ${applicationId}`);
    await sleep(10);
  }
}

/** The case a measurement files: its form, how its items are decided, the workflow it starts on. */
export interface CostCase {
  /** Names the case in idempotency keys and token subjects. */
  name: string;
  kind: CaseKind;
  /** The bundle the form opens: checked on the submitted case, so a form that drifts fails loudly. */
  bundle: string;
  form: () => Record<string, unknown>;
  /** The CompanyOpening version the live alias routes the case to; the newest (today's) when absent. */
  version?: number;
}

/**
 * The case's items in the order officers can decide them: each wave holds the items whose
 * dependencies the earlier waves decided (registration; then invoice, seal and the licences together).
 */
function decisionWaves(items: readonly Item[]): Item[][] {
  const waves: Item[][] = [];
  const decided = new Set<Item>();
  let left = [...items];
  while (left.length > 0) {
    const ready = left.filter((item) =>
      catalogueItem(item).dependsOn.every(
        (dependency) => decided.has(dependency) || !items.includes(dependency),
      ),
    );
    if (ready.length === 0) throw new Error(`no item of ${left.join(', ')} can be decided first`);
    waves.push(ready);
    for (const item of ready) decided.add(item);
    left = left.filter((item) => !decided.has(item));
  }
  return waves;
}

/**
 * One case, alone on the runtime, along a fixed journey: the founder submits and looks at the case
 * twice (after submitting and once done); for each item an officer of its department opens the
 * inbox, the task, and decides (officer cases only).
 */
export async function measureCase(
  platform: MeteredPlatform,
  costCase: CostCase,
  index: number,
): Promise<CaseMeasurement> {
  const { runtime, api, tokens } = platform;
  const { name, kind } = costCase;
  const reader = uncountedReader(runtime.dynamoEndpoint);
  process.env.INSTANT_APPROVAL = kind === 'instant' ? 'on' : 'off';
  // One founder per kind of case: its materials are filed once, before any case of it is measured.
  const founderSub = `cost-founder-${name}`;
  const founder = await tokens.issue({ sub: founderSub, groups: ['applicants'] });
  const body = await filedFormOf(platform.url, costCase)(founderSub, founder);
  const apiCalls: { route: string; ms: number }[] = [];
  const call = async (
    route: string,
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => {
    const response = await api.call(method, path, { token, body, headers });
    apiCalls.push({ route, ms: response.ms });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
    return response.body as {
      id: string;
      status: string;
      bundle: { id: string };
      items: Record<Item, unknown>;
    };
  };

  const before = {
    transitions: runtime.engine.stats().transitions,
    invocations: platform.invocations.snapshot(),
    app: platform.meters.app.snapshot(),
    journal: platform.meters.journal.snapshot(),
    dynalite: runtime.dynamoRequests(),
    emf: platform.emf.bytes,
  };

  const submitted = await call('POST /api/applications', 'POST', '/api/applications', founder, body, {
    'idempotency-key': `cost-${name}-${index}-${Date.now()}`,
  });
  const id = submitted.id;
  if (submitted.bundle.id !== costCase.bundle)
    throw new Error(`${name}: the form opened a ${submitted.bundle.id} case, not ${costCase.bundle}`);
  await call('GET /api/applications/{id}', 'GET', `/api/applications/${id}`, founder);
  if (kind === 'officer') {
    const decide = async (item: Item) => {
      const department = departmentOf(item);
      const token = await tokens.issue({ sub: `cost-${department}`, groups: [`officers-${department}`] });
      const taskId = await openTaskId(reader, id, item);
      await call(
        'GET /api/departments/{department}/tasks',
        'GET',
        `/api/departments/${department}/tasks`,
        token,
      );
      await call('GET /api/tasks/{taskId}', 'GET', `/api/tasks/${taskId}`, token);
      await call('POST /api/tasks/{taskId}/decision', 'POST', `/api/tasks/${taskId}/decision`, token, {
        outcome: 'approved',
      });
    };
    for (const wave of decisionWaves(Object.keys(submitted.items))) await Promise.all(wave.map(decide));
  }
  await runtime.engine.drain();
  const done = await call('GET /api/applications/{id}', 'GET', `/api/applications/${id}`, founder);
  if (done.status !== 'completed') throw new Error(`case ${id} ended ${done.status}`);
  reader.destroy();

  const invocations = platform.invocations.snapshot();
  const invocationsByFunction = Object.fromEntries(
    Object.entries(invocations.byFunction)
      .map(([name, count]) => [name, count - (before.invocations.byFunction[name] ?? 0)] as const)
      .filter(([, count]) => count > 0),
  );
  const apiByRoute: Record<string, number> = {};
  for (const { route } of apiCalls) apiByRoute[route] = (apiByRoute[route] ?? 0) + 1;
  return {
    kind,
    transitions: runtime.engine.stats().transitions - before.transitions,
    workflowInvocations: invocations.count - before.invocations.count,
    workflowBilledMs: invocations.billedMs - before.invocations.billedMs,
    invocationsByFunction,
    apiRequests: apiCalls.length,
    apiBilledMs: apiCalls.reduce((sum, { ms }) => sum + Math.max(1, Math.ceil(ms)), 0),
    apiByRoute,
    app: meterDelta(platform.meters.app.snapshot(), before.app),
    journal: meterDelta(platform.meters.journal.snapshot(), before.journal),
    dynaliteRequests: runtime.dynamoRequests() - before.dynalite,
    emfBytes: platform.emf.bytes - before.emf,
  };
}

function price(
  measurement: Omit<CaseMeasurement, 'app' | 'journal'>,
  app: MeterSnapshot,
  transitions: number,
) {
  const invocations = measurement.workflowInvocations + measurement.apiRequests;
  const gbSeconds = ((measurement.workflowBilledMs + measurement.apiBilledMs) / 1000) * LAMBDA_MEMORY_GB;
  const logBytes = measurement.emfBytes + invocations * PLATFORM_LOG_BYTES_PER_INVOCATION;
  const usd = {
    stepFunctions: transitions * PRICES.stepFunctionsStandardPerTransition,
    lambdaRequests: invocations * PRICES.lambdaPerRequest,
    lambdaDuration: gbSeconds * PRICES.lambdaArmPerGbSecond,
    dynamoWrites: (app.writeUnits + app.indexWriteUnits) * PRICES.dynamoOnDemandPerWriteUnit,
    dynamoReads: app.readUnits * PRICES.dynamoOnDemandPerReadUnit,
    apiGateway: measurement.apiRequests * PRICES.httpApiPerRequest,
    logs: (logBytes / 2 ** 30) * PRICES.cloudWatchLogsPerGb,
    total: 0,
  };
  usd.total = Object.values(usd).reduce((sum, value) => sum + value, 0);
  return usd;
}

/** The mean of several snapshots: optimistic-locking races make the counts vary a little by case. */
function meanSnapshot(snapshots: MeterSnapshot[]): MeterSnapshot {
  const average = (pick: (snapshot: MeterSnapshot) => number) => mean(snapshots.map(pick));
  const operations = [...new Set(snapshots.flatMap((snapshot) => Object.keys(snapshot.byOperation)))];
  const byOperation = Object.fromEntries(
    operations.map((name) => {
      const tally = (field: keyof MeterSnapshot['byOperation'][string]) =>
        average((snapshot) => snapshot.byOperation[name]?.[field] ?? 0);
      return [
        name,
        {
          requests: tally('requests'),
          itemWrites: tally('itemWrites'),
          failedConditions: tally('failedConditions'),
          readUnits: tally('readUnits'),
          writeUnits: tally('writeUnits'),
          indexWriteUnits: tally('indexWriteUnits'),
          bytesWritten: tally('bytesWritten'),
        },
      ];
    }),
  );
  return {
    byOperation,
    requests: average((snapshot) => snapshot.requests),
    reads: average((snapshot) => snapshot.reads),
    writes: average((snapshot) => snapshot.writes),
    readUnits: average((snapshot) => snapshot.readUnits),
    writeUnits: average((snapshot) => snapshot.writeUnits),
    indexWriteUnits: average((snapshot) => snapshot.indexWriteUnits),
    itemSizes: {
      largest: Math.max(...snapshots.map((snapshot) => snapshot.itemSizes.largest)),
      writtenAverage: average((snapshot) => snapshot.itemSizes.writtenAverage),
    },
  };
}

/**
 * Everything averaged over the measured cases. Transitions and invocations repeat exactly; DynamoDB
 * requests vary a little, because parallel branches race on the case item's version and a lost race
 * costs a failed conditional write and a fresh read: the range is kept.
 */
export function costOf(measurements: CaseMeasurement[]): CaseCost {
  const last = measurements.at(-1) as CaseMeasurement;
  const averaged = {
    ...last,
    transitions: mean(measurements.map((m) => m.transitions)),
    workflowInvocations: mean(measurements.map((m) => m.workflowInvocations)),
    workflowBilledMs: mean(measurements.map((m) => m.workflowBilledMs)),
    apiBilledMs: mean(measurements.map((m) => m.apiBilledMs)),
    dynaliteRequests: mean(measurements.map((m) => m.dynaliteRequests)),
    emfBytes: mean(measurements.map((m) => m.emfBytes)),
    app: meanSnapshot(measurements.map((m) => m.app)),
    journal: meanSnapshot(measurements.map((m) => m.journal)),
  };
  const usd = price(averaged, averaged.app, averaged.transitions);
  const floor = price(averaged, averaged.app, averaged.workflowInvocations);
  const { app, journal, ...rest } = averaged;
  const requests = measurements.map((m) => m.app.requests);
  return {
    kind: last.kind,
    measured: {
      ...rest,
      cases: measurements.length,
      dynamoRequestsRange: [Math.min(...requests), Math.max(...requests)],
      dynamoRequests: app.requests,
      dynamoReads: app.reads,
      dynamoWrites: app.writes,
      readUnits: app.readUnits,
      writeUnits: app.writeUnits,
      indexWriteUnits: app.indexWriteUnits,
      largestItemBytes: app.itemSizes.largest,
      journalRequests: journal.requests,
      journalWrites: journal.writes,
      byOperation: app.byOperation,
    },
    usd,
    floorUsd: floor.total,
  };
}

/** Today's company-opening transitions against the same case on the first kept definition. */
export interface TransitionsAgainstV1 {
  v1: number;
  today: number;
  /** today ÷ v1; at most MAX_TRANSITIONS_OVER_V1. */
  ratio: number;
}

export interface CostResult extends Record<CaseKind, CaseCost> {
  /** A restaurant case, every item decided by its department's officer. */
  restaurant: CaseCost;
  againstV1: Record<CaseKind, TransitionsAgainstV1>;
}

/**
 * The company-opening case on today's definition and on v1 (the platform must have registered
 * workflows/versions/1.json: definitionsWithV1), by rule and by officers, then a restaurant case
 * decided by officers. Fails when company opening costs more than MAX_TRANSITIONS_OVER_V1 × v1's transitions.
 */
export async function benchCost(
  platform: MeteredPlatform,
  options: { cases: number },
  progress: (fraction: number, detail: string) => void,
): Promise<CostResult> {
  const kinds: CaseKind[] = ['instant', 'officer'];
  const { engine, stateMachineArn } = platform.runtime;
  const v1 = await v1Version(platform);
  const runs: CostCase[] = [
    ...kinds.map((kind) => ({ kind, name: kind, bundle: 'company-opening', form })),
    ...kinds.map((kind) => ({ kind, name: `${kind}-v1`, bundle: 'company-opening', form, version: v1 })),
    { kind: 'officer', name: 'restaurant', bundle: 'restaurant', form: restaurantForm },
  ];
  const costs: Record<string, CaseCost> = {};
  let done = 0;
  const total = runs.length * (options.cases + 1);
  try {
    for (const costCase of runs) {
      // Moving the alias is how a version is rolled back to: the API starts cases as it always does.
      await engine.routeAlias({ stateMachineArn, name: LIVE_ALIAS, version: costCase.version });
      await measureCase(platform, costCase, -1); // warm-up: first calls compile and connect
      progress(++done / total, `${costCase.name} case warm-up`);
      const measurements: CaseMeasurement[] = [];
      for (let index = 0; index < options.cases; index++) {
        measurements.push(await measureCase(platform, costCase, index));
        progress(++done / total, `${costCase.name} case ${index + 1}/${options.cases}`);
      }
      costs[costCase.name] = costOf(measurements);
    }
  } finally {
    process.env.INSTANT_APPROVAL = 'on';
    await engine.routeAlias({ stateMachineArn, name: LIVE_ALIAS });
  }
  const cost = (name: string) => costs[name] as CaseCost;
  const againstV1 = Object.fromEntries(
    kinds.map((kind) => [kind, transitionsAgainstV1(cost(`${kind}-v1`), cost(kind))]),
  ) as Record<CaseKind, TransitionsAgainstV1>;
  return { instant: cost('instant'), officer: cost('officer'), restaurant: cost('restaurant'), againstV1 };
}

function transitionsAgainstV1(v1: CaseCost, today: CaseCost): TransitionsAgainstV1 {
  const comparison = {
    v1: v1.measured.transitions,
    today: today.measured.transitions,
    ratio: today.measured.transitions / v1.measured.transitions,
  };
  if (comparison.ratio > MAX_TRANSITIONS_OVER_V1)
    throw new Error(
      `The ${today.kind} company-opening case takes ${comparison.today} state transitions, ${comparison.ratio.toFixed(3)}× the ${comparison.v1} it took on workflows/versions/1.json: more than the ${MAX_TRANSITIONS_OVER_V1}× allowed`,
    );
  return comparison;
}
