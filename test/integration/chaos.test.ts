import { expect, test } from 'vitest';
import { runChaos } from '../../bench/chaos';
import { formatReport } from '../../bench/chaos/report';

/**
 * A small `npm run chaos`: ten cases through `npm start`'s server with 10% of DynamoDB calls throttled,
 * every fifth case sent back for a correction, and one SIGKILL while officers decide. Nothing may be
 * lost or doubled: not a case, not a decision, not a correction answer.
 */
test('ten cases survive a SIGKILL and throttling: each completes once, no decision lost or doubled', async () => {
  // Prepare and act: the whole run, seeded so that a failure can be replayed with CHAOS_SEED.
  const report = await runChaos(
    { cases: 10, kills: 1, correctionEvery: 5, faultRate: '0.1', seed: 20261128, budgetSeconds: 110 },
    () => {},
  );

  // Assess
  const summary = formatReport(report);
  expect(report.kills, summary).toHaveLength(1);
  expect(report.completed, summary).toBe(10);
  expect(report.decisionsApplied, summary).toBe(32);
  expect(report.duplicated, summary).toEqual([]);
  expect(report.lost, summary).toEqual([]);
  expect(report.staleTasks, summary).toEqual([]);
}, 120_000);
