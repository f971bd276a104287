import { execFileSync, fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import type { benchBundles } from './bundles';
import type { CaseCost, CaseKind } from './cost';
import type { EngineBenchResult } from './engine';
import type { InboxResult } from './inbox';
import type { LatencyResult } from './latency';
import { PRICE_NAMES, PRICES } from './lib/prices';
import { Progress } from './lib/progress';
import { round } from './lib/stats';
import type { OpenCasesResult } from './open-cases';
import type { ThroughputResult } from './throughput';

/**
 * `npm run bench`: every benchmark, each beside its floor measured in the same run, written to
 * bench/results/latest.json and bench/results/latest.md. Each part runs in a process of its own
 * (bench/part.ts). BENCH_QUICK=1 runs every part at small sizes (for trying changes; labelled so).
 */

const quick = process.env.BENCH_QUICK === '1';
const SIZES = {
  bundles: { runs: 5 },
  engine: { throughputExecutions: quick ? 50 : 100, parked: quick ? 500 : 1_000 },
  platform: {
    cost: { cases: quick ? 2 : 5 },
    inbox: { sizes: quick ? [1_000, 5_000] : [1_000, 100_000], samples: quick ? 50 : 200 },
  },
  throughput: { cases: quick ? 20 : 60, concurrency: 16 },
  latency: { levels: [1, 8, 32], readMs: quick ? 300 : 800 },
  openCases: { cases: quick ? 1_000 : 10_000 },
};

interface Figure {
  id: string;
  group: string;
  name: string;
  value: number;
  unit: string;
  floor: number | null;
  floorName: string;
  /** value ÷ floor. */
  ratio: number | null;
  note?: string;
}

const progress = new Progress([
  { name: 'bundles', weight: 70 },
  { name: 'engine', weight: 30 },
  { name: 'platform', weight: 95 },
  { name: 'http', weight: 140 },
  { name: 'open-cases', weight: 170 },
]);

function runPart<T>(name: string, options: unknown): Promise<T> {
  progress.start(name);
  const started = performance.now();
  return new Promise<T>((resolve, reject) => {
    const child = fork('bench/part.ts', [name, JSON.stringify(options)], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
    });
    let settled = false;
    child.on(
      'message',
      (message: { progress?: { fraction: number; detail: string }; result?: T; error?: string }) => {
        if (message.progress) progress.update(message.progress.fraction, message.progress.detail);
        if (message.result !== undefined) {
          settled = true;
          progress.finish(`${Math.round((performance.now() - started) / 1000)} s`);
          resolve(message.result);
        }
        if (message.error) {
          settled = true;
          reject(
            new Error(
              `bench part ${name} failed:\n${message.error}\n--- its stderr ---\n${stderr.slice(-5000)}`,
            ),
          );
        }
      },
    );
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`bench part ${name} exited with ${code}:\n${stderr.slice(-5000)}`));
    });
  });
}

const usd = (value: number) => `$${value < 0.01 ? value.toPrecision(3) : value.toFixed(4)}`;
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
/** One decimal, none when whole: means of counts. */
const fixed = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const ratioOf = (value: number, floor: number | null) => (floor ? round(value / floor, 2) : null);

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim().length > 0;
    return `${commit}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

const startedAt = new Date();
const wallStarted = performance.now();
const loadStart = loadavg();
process.stderr.write(
  `npm run bench${quick ? ' (BENCH_QUICK=1: small sizes)' : ''} — ${cpus().length} cores, load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}\n`,
);

const bundles = await runPart<Awaited<ReturnType<typeof benchBundles>>>('bundles', SIZES.bundles);
const engine = await runPart<EngineBenchResult>('engine', SIZES.engine);
const platform = await runPart<{
  cost: Record<CaseKind, CaseCost>;
  inbox: { results: InboxResult[]; seedItemsPerSecond: number };
}>('platform', SIZES.platform);
const officerCase = platform.cost.officer.measured;
const writesPerCase = officerCase.dynamoWrites + officerCase.journalWrites;
const appBytes = officerCase.byOperation.PutItem?.bytesWritten ?? 0;
const itemBytes = Math.round(appBytes / Math.max(1, officerCase.byOperation.PutItem?.itemWrites ?? 1));
const http = await runPart<{ throughput: ThroughputResult; latency: LatencyResult }>('http', {
  throughput: { ...SIZES.throughput, writesPerCase, itemBytes },
  latency: SIZES.latency,
});
// The whole run must fit in BENCH_BUDGET_SECONDS (default 560, under the 10 minutes allowed). Open
// cases come last and cost about 16 ms each on this machine, plus two runtime starts: if what is left
// cannot fit the named 10,000, the size drops in steps of 1,000 and the results say so.
const budgetSeconds = Number(process.env.BENCH_BUDGET_SECONDS ?? 560);
const leftSeconds = budgetSeconds - (performance.now() - wallStarted) / 1000;
const fitting = Math.floor((leftSeconds - 45) / 0.016 / 1000) * 1000;
if (fitting < SIZES.openCases.cases) {
  const cases = Math.max(1_000, fitting);
  progress.note(
    `open cases: ${Math.round(leftSeconds)} s of the ${budgetSeconds} s budget left, ${cases.toLocaleString('en')} instead of ${SIZES.openCases.cases.toLocaleString('en')}`,
  );
  SIZES.openCases.cases = cases;
}
const openCases = await runPart<OpenCasesResult>('open-cases', SIZES.openCases);
const wallSeconds = (performance.now() - wallStarted) / 1000;
const loadEnd = loadavg();

// ---- figures -------------------------------------------------------------------------------------

const figures: Figure[] = [];
const add = (figure: Omit<Figure, 'ratio'> & { ratio?: number | null }) =>
  figures.push({ ...figure, ratio: figure.ratio ?? ratioOf(figure.value, figure.floor) });

for (const kind of ['instant', 'officer'] as const) {
  const cost = platform.cost[kind];
  add({
    id: `cost.${kind}`,
    group: 'cost per case on AWS',
    name:
      kind === 'instant'
        ? 'instant case (all three items approved by rule)'
        : 'officer-decided case (three departments decide through the API)',
    value: cost.usd.total,
    unit: 'USD',
    floor: cost.floorUsd,
    floorName:
      'same case with one state transition per Lambda task (Choice/Pass/Parallel/Succeed folded away)',
    note: `${fixed(cost.measured.transitions)} transitions, ${fixed(cost.measured.workflowInvocations)} workflow + ${cost.measured.apiRequests} API invocations, ${fixed(cost.measured.writeUnits + cost.measured.indexWriteUnits)} WRU (${fixed(cost.measured.indexWriteUnits)} of them GSI), ${fixed(cost.measured.readUnits)} RRU; ${usd(cost.usd.total * 1000)} per 1,000 cases`,
  });
}

const tp = http.throughput;
add({
  id: 'throughput.e2e',
  group: 'throughput',
  name: `end-to-end cases/s through the HTTP API (${tp.founders} founders + ${tp.officers} officers, ${tp.cases} cases, INSTANT_APPROVAL=off)`,
  value: tp.casesPerSecond,
  unit: 'cases/s',
  floor: tp.floorCasesPerSecond,
  floorName: `dynalite raw PutItem at ${tp.concurrency} concurrent (${tp.rawWritesPerSecond.toFixed(0)}/s, ${itemBytes}-byte items) ÷ ${fixed(tp.writesPerCase)} writes per case (${fixed(officerCase.dynamoWrites)} app + ${fixed(officerCase.journalWrites)} journal)`,
});

for (const route of http.latency.routes) {
  const raw = http.latency.rawGetItem.find((entry) => entry.concurrency === route.concurrency);
  for (const percentile of ['p50', 'p99'] as const) {
    add({
      id: `latency.${route.route}.c${route.concurrency}.${percentile}`,
      group: 'API latency',
      name: `${route.route} at ${route.concurrency} concurrent, ${percentile} (n=${route.latency.n})`,
      value: route.latency[percentile],
      unit: 'ms',
      floor: raw?.latency[percentile] ?? null,
      floorName: `raw dynalite GetItem (consistent, case item) at ${route.concurrency} concurrent, ${percentile}`,
    });
  }
}

const [smallInbox] = platform.inbox.results;
for (const inbox of platform.inbox.results) {
  for (const percentile of ['p50', 'p99'] as const) {
    add({
      id: `inbox.${inbox.openTasks}.${percentile}`,
      group: 'department inbox',
      name: `GET /api/departments/tax/tasks with ${inbox.openTasks.toLocaleString('en')} open tasks, ${percentile} (first page of ${inbox.pageSize}, n=${inbox.api.n})`,
      value: inbox.api[percentile],
      unit: 'ms',
      floor: inbox.rawQuery[percentile],
      floorName: `raw dynalite GSI Query for the same page at the same size, ${percentile}`,
      note:
        inbox === smallInbox
          ? undefined
          : `${round(inbox.api.p50 / (smallInbox?.api.p50 ?? inbox.api.p50), 2)}× the p50 with ${smallInbox?.openTasks.toLocaleString('en')} open tasks`,
    });
  }
}

add({
  id: 'open-cases.heap-per-case',
  group: 'open cases',
  name: `heap per open case, ${openCases.cases.toLocaleString('en')} open cases resumed in one runtime`,
  value: openCases.heapBytesPerCase,
  unit: 'bytes',
  floor: engine.heapBytesPerParkedExecution,
  floorName: 'heap per parked execution of a one-state machine on the durable engine (engine bench)',
  note: `heap ${(openCases.resumedHeapBytes / 2 ** 20).toFixed(0)} MiB with them vs ${(openCases.baselineHeapBytes / 2 ** 20).toFixed(0)} MiB with none; RSS ${(openCases.resumedRssBytes / 2 ** 20).toFixed(0)} MiB`,
});
add({
  id: 'open-cases.resume',
  group: 'open cases',
  name: `time to resume ${openCases.resumed.toLocaleString('en')} open cases after a restart`,
  value: openCases.resumeSeconds,
  unit: 's',
  floor: openCases.journalReadSeconds,
  floorName:
    'reading every journal back (one Query each, 16 at a time) without replaying: timed on 1,000, scaled to all',
  note: `restarted process ready in ${openCases.restartStartSeconds.toFixed(1)} s before resuming; a resumed case decided afterwards moved on: ${openCases.resumedCaseMovedOn ? 'yes' : 'NO'}`,
});

for (const bundle of bundles.bundles) {
  add({
    id: `bundle.${bundle.name}.bytes`,
    group: 'Lambda bundles',
    name: `${bundle.name} bundle size (${bundle.entry})`,
    value: bundle.bytes,
    unit: 'bytes',
    floor: bundles.empty.bytes,
    floorName: 'empty handler bundled the same way',
    note: `${kib(bundle.gzipBytes)} gzipped, source map ${kib(bundle.mapBytes)}`,
  });
  add({
    id: `bundle.${bundle.name}.cold-import`,
    group: 'Lambda bundles',
    name: `${bundle.name} cold import (median of ${bundle.coldImportRuns.length} fresh processes)`,
    value: bundle.coldImportMs,
    unit: 'ms',
    floor: bundles.empty.coldImportMs,
    floorName: 'empty handler bundle, same way',
  });
}

add({
  id: 'engine.transitions',
  group: 'durable engine',
  name: 'durable engine transitions/s, one execution at a time (12-state machine)',
  value: engine.durableTransitionsPerSecond,
  unit: 'transitions/s',
  floor: engine.bareTransitionsPerSecond,
  floorName: 'bare aws-local-stepfunctions on the same definition (no journal)',
});
add({
  id: 'engine.transitions-concurrent',
  group: 'durable engine',
  name: 'durable engine transitions/s, 16 executions at a time',
  value: engine.durableConcurrentTransitionsPerSecond,
  unit: 'transitions/s',
  floor: engine.bareTransitionsPerSecond,
  floorName: 'bare aws-local-stepfunctions, sequential',
});
add({
  id: 'engine.heap-per-parked',
  group: 'durable engine',
  name: `heap per parked execution (${engine.parkedExecutions.toLocaleString('en')} parked on a task token)`,
  value: engine.heapBytesPerParkedExecution,
  unit: 'bytes',
  floor: null,
  floorName: '—',
});
add({
  id: 'engine.resume',
  group: 'durable engine',
  name: `resume ${engine.resumedExecutions.toLocaleString('en')} parked executions in a new engine`,
  value: engine.resumeSeconds,
  unit: 's',
  floor: null,
  floorName: '—',
  note: `parking them took ${engine.parkSeconds.toFixed(1)} s`,
});

// ---- output --------------------------------------------------------------------------------------

const machine = {
  node: process.version,
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  loadAverageAtStart: loadStart.map((l) => round(l, 2)),
  loadAverageAtEnd: loadEnd.map((l) => round(l, 2)),
};
const results = {
  generatedAt: startedAt.toISOString(),
  wallSeconds: round(wallSeconds, 1),
  commit: gitCommit(),
  quick,
  sizes: SIZES,
  machine,
  prices: { asOf: PRICES.asOf, list: PRICE_NAMES },
  figures: figures.map((figure) => ({
    ...figure,
    value: round(figure.value, 6),
    floor: figure.floor === null ? null : round(figure.floor, 6),
  })),
  details: {
    cost: platform.cost,
    throughput: tp,
    latency: http.latency,
    inbox: platform.inbox,
    openCases,
    bundles,
    engine,
  },
};

function format(value: number, unit: string): string {
  switch (unit) {
    case 'USD':
      return usd(value);
    case 'ms':
      return `${ms(value)} ms`;
    case 'bytes':
      return value >= 10_240 ? kib(value) : `${Math.round(value)} B`;
    case 's':
      return `${value.toFixed(1)} s`;
    default:
      return `${value >= 100 ? value.toFixed(0) : value.toFixed(2)} ${unit}`;
  }
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const lines: string[] = [
  '# Benchmark results (latest)',
  '',
  `Generated by \`npm run bench\` at ${results.generatedAt} in ${Math.round(wallSeconds)} s on ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, commit ${results.commit}.`,
  `Load average ${machine.loadAverageAtStart.join(' / ')} at the start and ${machine.loadAverageAtEnd.join(' / ')} at the end (the machine is shared: absolute numbers move with it; ratios to floors measured in the same run move less).${quick ? ' **BENCH_QUICK=1: small sizes, not the named ones.**' : ''}`,
  '',
  'Ratio = figure ÷ floor. For rates (cases/s, transitions/s) the floor is a raw upper bound and the ratio is the share of it reached; for times, sizes, memory and cost it is the multiple of the floor. What each figure and floor mean, and why some are far apart: bench/README.md.',
  '',
];

const section = (title: string, groups: string[], include: (figure: Figure) => boolean = () => true) => {
  lines.push(
    `## ${title}`,
    '',
    row(['figure', 'value', 'floor', 'ratio', 'floor is', 'notes']),
    row(['---', '---:', '---:', '---:', '---', '---']),
  );
  for (const figure of figures.filter(
    (candidate) => groups.includes(candidate.group) && include(candidate),
  )) {
    lines.push(
      row([
        figure.name,
        format(figure.value, figure.unit),
        figure.floor === null ? '—' : format(figure.floor, figure.unit),
        figure.ratio === null ? '—' : `${figure.ratio}×`,
        figure.floorName,
        figure.note ?? '',
      ]),
    );
  }
  lines.push('');
};

section('Cost per completed case on AWS', ['cost per case on AWS']);
lines.push(
  `Prices: ${PRICES.asOf}. ${Object.values(PRICE_NAMES).join('; ')}. Lambda at 512 MB (the house default), durations measured on this machine as a stand-in for Lambda's (workflow functions: in-process handler time; API functions: HTTP round trip to the local server, an upper bound). Lambda's own log lines are estimated at 700 bytes per invocation. Not priced: Cognito, X-Ray traces, storage, PITR, data transfer, alarms, custom-metric storage, free tiers.`,
  '',
  row(['per case', 'instant', 'officer-decided']),
  row(['---', '---:', '---:']),
);
const costRows: [string, (cost: CaseCost) => string][] = [
  ['cases measured (after one warm-up)', (c) => String(c.measured.cases)],
  ['state transitions', (c) => fixed(c.measured.transitions)],
  ['workflow Lambda invocations', (c) => fixed(c.measured.workflowInvocations)],
  ['API requests (= API Lambda invocations)', (c) => String(c.measured.apiRequests)],
  [
    'billed Lambda ms (workflow + API)',
    (c) => `${Math.round(c.measured.workflowBilledMs)} + ${Math.round(c.measured.apiBilledMs)}`,
  ],
  [
    'DynamoDB requests, app table: mean (reads / writes) [fewest–most]',
    (c) =>
      `${fixed(c.measured.dynamoRequests)} (${fixed(c.measured.dynamoReads)} / ${fixed(c.measured.dynamoWrites)}) [${c.measured.dynamoRequestsRange.join('–')}]`,
  ],
  [
    '… of which conditional writes that failed (version races)',
    (c) =>
      fixed(Object.values(c.measured.byOperation).reduce((sum, tally) => sum + tally.failedConditions, 0)),
  ],
  [
    'write units: table + GSI',
    (c) => `${fixed(c.measured.writeUnits)} + ${fixed(c.measured.indexWriteUnits)}`,
  ],
  ['read units', (c) => fixed(c.measured.readUnits)],
  ['largest item written', (c) => `${c.measured.largestItemBytes} B`],
  ['engine journal requests (local only, not priced)', (c) => fixed(c.measured.journalRequests)],
  ['all dynalite requests (app + journal)', (c) => fixed(c.measured.dynaliteRequests)],
  ['EMF bytes', (c) => String(Math.round(c.measured.emfBytes))],
  ['Step Functions', (c) => usd(c.usd.stepFunctions)],
  ['Lambda requests', (c) => usd(c.usd.lambdaRequests)],
  ['Lambda duration', (c) => usd(c.usd.lambdaDuration)],
  ['DynamoDB writes', (c) => usd(c.usd.dynamoWrites)],
  ['DynamoDB reads', (c) => usd(c.usd.dynamoReads)],
  ['API Gateway', (c) => usd(c.usd.apiGateway)],
  ['CloudWatch Logs (EMF + Lambda log lines)', (c) => usd(c.usd.logs)],
  ['**total per case**', (c) => `**${usd(c.usd.total)}**`],
  ['per 1,000 cases', (c) => usd(c.usd.total * 1000)],
];
for (const [label, cell] of costRows)
  lines.push(row([label, cell(platform.cost.instant), cell(platform.cost.officer)]));
lines.push('');

section('Throughput', ['throughput']);

lines.push(
  '## API latency (ms, p50 / p99)',
  '',
  row(['route', ...http.latency.levels.map((level) => `${level} concurrent`)]),
  row(['---', ...http.latency.levels.map(() => '---:')]),
);
const routeNames = [...new Set(http.latency.routes.map((route) => route.route))];
for (const name of routeNames) {
  lines.push(
    row([
      name,
      ...http.latency.levels.map((level) => {
        const entry = http.latency.routes.find(
          (route) => route.route === name && route.concurrency === level,
        );
        return entry ? `${ms(entry.latency.p50)} / ${ms(entry.latency.p99)} (n=${entry.latency.n})` : '—';
      }),
    ]),
  );
}
lines.push(
  row([
    '**floor: raw dynalite GetItem**',
    ...http.latency.levels.map((level) => {
      const entry = http.latency.rawGetItem.find((raw) => raw.concurrency === level);
      return entry ? `${ms(entry.latency.p50)} / ${ms(entry.latency.p99)} (n=${entry.latency.n})` : '—';
    }),
  ]),
  '',
  'Every latency figure with its ratio to the floor is in latest.json (`latency.*`).',
  '',
);

section('Department inbox', ['department inbox']);
section('Open cases: memory and restart', ['open cases']);

lines.push(
  '## Lambda bundles',
  '',
  `esbuild with the house construct's own options (infra/house-function.ts: ESM, node24, minified, source maps, \`@aws-sdk/*\` external). Cold import: a fresh \`node --enable-source-maps\` process importing the bundle (SDK resolved from node_modules), median of ${SIZES.bundles.runs}.`,
  '',
);
lines.push(
  row(['function', 'size', 'gzipped', 'size ratio', 'cold import', 'import ratio']),
  row(['---', '---:', '---:', '---:', '---:', '---:']),
);
for (const bundle of [bundles.empty, ...bundles.bundles]) {
  lines.push(
    row([
      bundle.name,
      kib(bundle.bytes),
      kib(bundle.gzipBytes),
      `${Math.round(bundle.bytes / bundles.empty.bytes)}×`,
      `${ms(bundle.coldImportMs)} ms`,
      `${round(bundle.coldImportMs / bundles.empty.coldImportMs, 1)}×`,
    ]),
  );
}
const plain = bundles.withoutSourceMaps;
lines.push(
  '',
  `Without \`--enable-source-maps\` (which the house construct sets in NODE_OPTIONS), the largest bundle, ${plain.name}, imports in ${ms(plain.coldImportMs)} ms instead of ${ms(plain.withSourceMapsMs)} ms (median of ${SIZES.bundles.runs}).`,
  '',
);
section('Durable engine (bench/engine.ts)', ['durable engine']);

await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
await writeFile('bench/results/latest.md', `${lines.join('\n')}\n`);
progress.end();
process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write(
  `\nWritten: bench/results/latest.json, bench/results/latest.md (wall time ${Math.round(wallSeconds)} s)\n`,
);
