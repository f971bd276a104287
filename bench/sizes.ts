/** How much each part of `npm run bench` measures: the named sizes, or small ones with BENCH_QUICK=1. */
export const quick = process.env.BENCH_QUICK === '1';
export const SIZES = {
  bundles: { runs: 5 },
  engine: { throughputExecutions: quick ? 50 : 100, parked: quick ? 500 : 1_000 },
  platform: {
    cost: { cases: quick ? 2 : 5 },
    inbox: { sizes: quick ? [1_000, 5_000] : [1_000, 100_000], samples: quick ? 50 : 200 },
  },
  throughput: { cases: quick ? 20 : 60, concurrency: 16 },
  latency: { levels: [1, 8, 32], readMs: quick ? 300 : 800 },
  openCases: { cases: quick ? 1_000 : 10_000 },
  uploads: {
    sizes: [
      { label: '1 MiB', bytes: 2 ** 20, runs: quick ? 2 : 5 },
      { label: '20 MiB', bytes: 20 * 2 ** 20, runs: quick ? 1 : 3 },
    ],
  },
};

export type BenchSizes = typeof SIZES;
