import type { benchBundles } from './bundles';
import type { CostResult } from './cost';
import type { EngineBenchResult } from './engine';
import type { InboxResult } from './inbox';
import type { LatencyResult } from './latency';
import { RESTAURANT } from './lib/bundle-scope';
import { median, round } from './lib/stats';
import type { OpenCasesResult } from './open-cases';
import { fixed, kib, ms, usd } from './report/units';
import type { ThroughputResult } from './throughput';
import type { UploadsResult } from './uploads';

/** What the parts of `npm run bench` measured, as latest.json keeps it under `details`. */
export interface BenchDetails {
  cost: CostResult;
  throughput: ThroughputResult;
  latency: LatencyResult;
  inbox: { results: InboxResult[]; seedItemsPerSecond: number };
  openCases: OpenCasesResult;
  bundles: Awaited<ReturnType<typeof benchBundles>>;
  engine: EngineBenchResult;
  uploads: UploadsResult;
}

export interface Figure {
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

const ratioOf = (value: number, floor: number | null) => (floor ? round(value / floor, 2) : null);

/**
 * Every figure beside its floor. `itemBytes` is the size of the raw items the throughput floor was
 * measured with.
 */
export function benchFigures(details: BenchDetails, itemBytes: number): Figure[] {
  const { openCases, bundles, engine } = details;
  const officerCase = details.cost.officer.measured;
  const figures: Figure[] = [];
  const add = (figure: Omit<Figure, 'ratio'> & { ratio?: number | null }) =>
    figures.push({ ...figure, ratio: figure.ratio ?? ratioOf(figure.value, figure.floor) });

  const costNames = {
    instant: 'instant case (all three items approved by rule)',
    officer: 'officer-decided case (three departments decide through the API)',
    restaurant: `restaurant case (${RESTAURANT.items.length} items, ${RESTAURANT.departments.length} departments decide through the API)`,
  };
  for (const kind of ['instant', 'officer', 'restaurant'] as const) {
    const cost = details.cost[kind];
    add({
      id: `cost.${kind}`,
      group: 'cost per case on AWS',
      name: costNames[kind],
      value: cost.usd.total,
      unit: 'USD',
      floor: cost.floorUsd,
      floorName:
        'same case with one state transition per Lambda task (Choice/Pass/Parallel/Succeed folded away)',
      note: `${fixed(cost.measured.transitions)} transitions, ${fixed(cost.measured.workflowInvocations)} workflow + ${cost.measured.apiRequests} API invocations, ${fixed(cost.measured.writeUnits + cost.measured.indexWriteUnits)} WRU (${fixed(cost.measured.indexWriteUnits)} of them GSI), ${fixed(cost.measured.readUnits)} RRU; ${usd(cost.usd.total * 1000)} per 1,000 cases`,
    });
  }

  const tp = details.throughput;
  add({
    id: 'throughput.e2e',
    group: 'throughput',
    name: `end-to-end cases/s through the HTTP API (${tp.founders} founders + ${tp.officers} officers, ${tp.cases} cases, INSTANT_APPROVAL=off)`,
    value: tp.casesPerSecond,
    unit: 'cases/s',
    floor: tp.floorCasesPerSecond,
    floorName: `dynalite raw PutItem at ${tp.concurrency} concurrent (${tp.rawWritesPerSecond.toFixed(0)}/s, ${itemBytes}-byte items) ÷ ${fixed(tp.writesPerCase)} writes per case (${fixed(officerCase.dynamoWrites)} app + ${fixed(officerCase.journalWrites)} journal)`,
  });

  for (const route of details.latency.routes) {
    const raw = details.latency.rawGetItem.find((entry) => entry.concurrency === route.concurrency);
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

  const [smallInbox] = details.inbox.results;
  for (const inbox of details.inbox.results) {
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

  for (const upload of details.uploads.sizes) {
    add({
      id: `uploads.${upload.label.replace(' ', '')}.clean`,
      group: 'uploads',
      name: `${upload.label} PDF, upload to clean: createUpload + presigned POST + inspection and ClamAV scan, median (n=${upload.runs})`,
      value: median(upload.oursMs),
      unit: 'ms',
      floor: median(upload.floorMs),
      floorName: 'plain PutObject of the same bytes to the same local S3, median',
      note: `slot ${ms(median(upload.slotMs))} ms, POST stored ${ms(median(upload.storedMs))} ms, checks + scan ${ms(median(upload.settledMs))} ms (medians)`,
    });
  }

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
  return figures;
}
