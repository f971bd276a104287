import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { type BenchDetails, benchFigures } from './figures';
import { Progress } from './lib/progress';
import { benchResults } from './report/results-json';
import { resultsMarkdown } from './report/results-markdown';
import { runPart } from './run-part';
import { quick, SIZES } from './sizes';

/**
 * `npm run bench`: every benchmark, each beside its floor measured in the same run, written to
 * bench/results/latest.json and bench/results/latest.md. Each part runs in a process of its own
 * (bench/part.ts). BENCH_QUICK=1 runs every part at small sizes (for trying changes; labelled so).
 */

const progress = new Progress([
  { name: 'bundles', weight: 70 },
  { name: 'engine', weight: 30 },
  { name: 'platform', weight: 95 },
  { name: 'http', weight: 140 },
  { name: 'uploads', weight: 150 },
  { name: 'open-cases', weight: 170 },
]);

const startedAt = new Date();
const wallStarted = performance.now();
const loadStart = loadavg();
process.stderr.write(
  `npm run bench${quick ? ' (BENCH_QUICK=1: small sizes)' : ''} — ${cpus().length} cores, load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}\n`,
);

const bundles = await runPart<BenchDetails['bundles']>(progress, 'bundles', SIZES.bundles);
const engine = await runPart<BenchDetails['engine']>(progress, 'engine', SIZES.engine);
const platform = await runPart<Pick<BenchDetails, 'cost' | 'inbox'>>(progress, 'platform', SIZES.platform);
const officerCase = platform.cost.officer.measured;
const writesPerCase = officerCase.dynamoWrites + officerCase.journalWrites;
const appBytes = officerCase.byOperation.PutItem?.bytesWritten ?? 0;
const itemBytes = Math.round(appBytes / Math.max(1, officerCase.byOperation.PutItem?.itemWrites ?? 1));
const http = await runPart<Pick<BenchDetails, 'throughput' | 'latency'>>(progress, 'http', {
  throughput: { ...SIZES.throughput, writesPerCase, itemBytes },
  latency: SIZES.latency,
});
const uploads = await runPart<BenchDetails['uploads']>(progress, 'uploads', SIZES.uploads);
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
const openCases = await runPart<BenchDetails['openCases']>(progress, 'open-cases', SIZES.openCases);
const wallSeconds = (performance.now() - wallStarted) / 1000;
const loadEnd = loadavg();

const details: BenchDetails = {
  cost: platform.cost,
  throughput: http.throughput,
  latency: http.latency,
  inbox: platform.inbox,
  openCases,
  bundles,
  engine,
  uploads,
};
const figures = benchFigures(details, itemBytes);
const results = benchResults({
  startedAt,
  wallSeconds,
  quick,
  sizes: SIZES,
  loadStart,
  loadEnd,
  figures,
  details,
});
// latest.json rounds the figures and the wall time; the tables are printed from the values as measured.
const markdown = resultsMarkdown({ ...results, wallSeconds, figures });

await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
await writeFile('bench/results/latest.md', markdown);
progress.end();
process.stdout.write(markdown);
process.stdout.write(
  `\nWritten: bench/results/latest.json, bench/results/latest.md (wall time ${Math.round(wallSeconds)} s)\n`,
);
