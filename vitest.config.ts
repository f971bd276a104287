import { defineConfig } from 'vitest/config';

/** Code that reads the wall clock must not depend on the process time zone: Lambda runs in UTC. */
const timeZoneSensitive = ['test/unit/calendar/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      ...['UTC', 'America/Los_Angeles'].map((timeZone) => ({
        test: {
          name: `unit-tz-${timeZone}`,
          include: timeZoneSensitive,
          environment: 'node' as const,
          env: { TZ: timeZone },
        },
      })),
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
