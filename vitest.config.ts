import { defineConfig } from 'vitest/config';

/** Code that reads the wall clock must not depend on the process time zone: Lambda runs in UTC. */
const timeZoneSensitive = [
  'test/unit/calendar/**/*.test.ts',
  'test/unit/ops/**/*.test.ts',
  'test/unit/workflow/closing.test.ts',
  'test/unit/workflow/sla-timer.test.ts',
];

/** The SDK warns on every run that its releases after January 2027 need Node 22; the pinned ones do not. */
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

/**
 * Run once more on the bundles CDK deploys (LOCAL_HANDLERS=bundled, docs/architecture.md). The server
 * imports every declared handler as it starts, so a bundle that fails at import or exports no handler
 * fails both; the walk-through and the chaos run then invoke what a case goes through.
 */
const BUNDLED_RUNS = ['test/integration/http/walkthrough.test.ts', 'test/integration/chaos.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          env,
        },
      },
      ...['UTC', 'America/Los_Angeles'].map((timeZone) => ({
        test: {
          name: `unit-tz-${timeZone}`,
          include: timeZoneSensitive,
          environment: 'node' as const,
          env: { ...env, TZ: timeZone },
        },
      })),
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          environment: 'node',
          env,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          env,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          env,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration-bundled',
          include: BUNDLED_RUNS,
          environment: 'node',
          env: { ...env, LOCAL_HANDLERS: 'bundled' },
          // After the other projects and one file at a time: a bundled server starts slower (each bundle
          // loads its own dependencies), and the chaos run's restart must fit its time budget.
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
