import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ClosedCase } from '../../../shared/ops/closed-case';
import { type Platform, startPlatform, validForm } from './platform';

/**
 * GET /api/ops/sla's report over the real runtime: open cases counted by SLA state, and the KPIs and
 * met/missed counts from the facts of the cases closed in the last 30 days, across month partitions.
 */

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
}, 60_000);

afterAll(async () => {
  process.env.INSTANT_APPROVAL = 'on';
  await platform.stopAll();
  await platform.close();
});

const facts = (overrides: Partial<ClosedCase> & Pick<ClosedCase, 'id' | 'closedAt'>): ClosedCase => ({
  status: 'completed',
  submittedAt: overrides.closedAt,
  sla: 'met',
  online: true,
  trips: 0,
  workingDays: 1,
  limitWorkingDays: 3,
  items: [{ item: 'registration', department: 'market-regulation', ratio: 0.4, instant: false }],
  ...overrides,
});

test('open cases by SLA state; met, missed and the KPIs from the cases closed in the last 30 days', async () => {
  const { closedCases } = await import('../../../shared/data/closed-cases');
  const { slaReport } = await import('../../../shared/ops/report');
  const report = () => slaReport(new Date(platform.runtime.clock.now()));

  // Tuesday 1 December 2026, 10:00 in Guangzhou. One case approved by rule, one left with its officers.
  await platform.setClock('2026-12-01T02:00:00.000Z');
  process.env.INSTANT_APPROVAL = 'on';
  const instant = await platform.submit();
  await platform.caseWhere(instant.id, (record) => record.status === 'completed');
  process.env.INSTANT_APPROVAL = 'off';
  const waiting = await platform.submit(validForm(), 'founder-2');
  await platform.openTask(waiting.id, 'registration');
  const armedAtStart = await platform.timerArmed(waiting.id);
  // Closed before: a rejection on 20 November (in the window, last month's partition), and a
  // completion on 25 October (outside it).
  await closedCases.record(
    facts({
      id: 'co-november',
      closedAt: '2026-11-20T02:00:00.000Z',
      status: 'rejected',
      sla: 'missed',
      items: [],
    }),
  );
  await closedCases.record(facts({ id: 'co-october', closedAt: '2026-10-25T02:00:00.000Z' }));

  const first = await report();
  // The runtime's clock runs on in real time from where it was set.
  expect(first.window.days).toBe(30);
  expect(first.window.from.slice(0, 16)).toBe('2026-11-01T02:00');
  expect(first.counts).toEqual({ 'on-track': 1, 'at-risk': 0, breached: 0, met: 1, missed: 1 });
  expect(first.kpis).toEqual({
    casesMeasured: 1,
    timeToStatutoryLimit: { mean: 0, target: 0.5, withinTarget: 1 },
    onlineShare: 1,
    instantShare: 1,
    atMostOneTripShare: 1,
    onTimeRate: 0.5,
  });
  expect(first.charts.perDay.at(-1)).toEqual({ date: '2026-12-01', submitted: 2, completed: 1 });
  expect(first.charts.completions.map((completion) => completion.id)).toEqual([instant.id]);
  expect(first.atRisk).toEqual([]);
  expect(first.failed).toEqual({ count: 0, cases: [] });

  // Friday 02:00: less than a working day left for the waiting case; the SLA timer records it.
  await platform.setClock('2026-12-03T18:00:00.000Z');
  await platform.caseWhere(waiting.id, (record) => record.sla.state === 'at-risk');
  await platform.timerArmed(waiting.id, armedAtStart);
  const atRisk = await report();
  expect(atRisk.counts).toMatchObject({ 'on-track': 0, 'at-risk': 1, breached: 0 });
  expect(atRisk.atRisk.map((summary) => summary.id)).toEqual([waiting.id]);

  // 28 December: past its deadline; November's rejection has left the window, 1 December's completion not.
  await platform.setClock('2026-12-28T02:00:00.000Z');
  await platform.caseWhere(waiting.id, (record) => record.sla.state === 'breached');
  const late = await report();
  expect(late.counts).toEqual({ 'on-track': 0, 'at-risk': 0, breached: 1, met: 1, missed: 0 });
  expect(late.breached.map((summary) => summary.id)).toEqual([waiting.id]);
  expect(late.kpis.onTimeRate).toBe(1);
  expect(
    late.alarms.find((alarm) => alarm.name === 'CompanyOpening-SlaBreached-market-regulation'),
  ).toMatchObject({
    state: 'ALARM',
  });
}, 60_000);
