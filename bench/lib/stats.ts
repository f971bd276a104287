/** Small statistics for benchmark samples (milliseconds unless said otherwise). */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? Number.NaN : samples.reduce((sum, value) => sum + value, 0) / samples.length;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length === 0 ? Number.NaN : Math.max(...samples),
  };
}

/** Runs `task` from `concurrency` workers until `count` tasks ran or `deadline` passed; returns elapsed ms. */
export async function runConcurrently(
  concurrency: number,
  task: (index: number, worker: number) => Promise<void>,
  limits: { count?: number; durationMs?: number },
): Promise<{ completed: number; elapsedMs: number }> {
  const started = performance.now();
  const deadline = limits.durationMs === undefined ? Number.POSITIVE_INFINITY : started + limits.durationMs;
  const count = limits.count ?? Number.POSITIVE_INFINITY;
  let next = 0;
  let completed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < count && performance.now() < deadline) {
        const index = next++;
        await task(index, worker);
        completed++;
      }
    }),
  );
  return { completed, elapsedMs: performance.now() - started };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
