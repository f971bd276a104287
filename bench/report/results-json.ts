import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { BenchDetails, Figure } from '../figures';
import { PRICE_NAMES, PRICES } from '../lib/prices';
import { round } from '../lib/stats';
import type { BenchSizes } from '../sizes';

/** What bench/results/latest.json holds: the run, the machine it ran on, every figure, every detail. */
export type BenchResults = ReturnType<typeof benchResults>;

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim().length > 0;
    return `${commit}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

export function benchResults(run: {
  startedAt: Date;
  wallSeconds: number;
  quick: boolean;
  sizes: BenchSizes;
  loadStart: number[];
  loadEnd: number[];
  figures: Figure[];
  details: BenchDetails;
}) {
  const { startedAt, wallSeconds, quick, loadStart, loadEnd, figures } = run;
  const machine = {
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadStart.map((l) => round(l, 2)),
    loadAverageAtEnd: loadEnd.map((l) => round(l, 2)),
  };
  return {
    generatedAt: startedAt.toISOString(),
    wallSeconds: round(wallSeconds, 1),
    commit: gitCommit(),
    quick,
    sizes: run.sizes,
    machine,
    prices: { asOf: PRICES.asOf, list: PRICE_NAMES },
    figures: figures.map((figure) => ({
      ...figure,
      value: round(figure.value, 6),
      floor: figure.floor === null ? null : round(figure.floor, 6),
    })),
    details: run.details,
  };
}
