import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { newCase } from '../../../shared/case/transitions';
import { applicationFormSchemaOn } from '../../../shared/form';
import { type ClosedCase, closedCase } from '../../../shared/ops/closed-case';
import { charts, reformKpis } from '../../../shared/ops/report';

function closed(overrides: Partial<ClosedCase> & Pick<ClosedCase, 'id'>): ClosedCase {
  return {
    status: 'completed',
    submittedAt: '2026-12-01T02:00:00.000Z',
    closedAt: '2026-12-02T02:00:00.000Z',
    sla: 'met',
    online: true,
    trips: 0,
    workingDays: 1,
    limitWorkingDays: 3,
    items: [
      { item: 'registration', department: 'market-regulation', ratio: 0, instant: true },
      { item: 'invoice', department: 'tax', ratio: 0, instant: true },
      { item: 'seal', department: 'public-security', ratio: 0, instant: true },
    ],
    ...overrides,
  };
}

describe('reformKpis', () => {
  test('no closed case: every share is unknown rather than 0% or 100%', () => {
    // Act
    const kpis = reformKpis([]);

    // Assess
    expect(kpis).toEqual({
      casesMeasured: 0,
      timeToStatutoryLimit: { mean: null, target: 0.5, withinTarget: null },
      onlineShare: null,
      instantShare: null,
      atMostOneTripShare: null,
      onTimeRate: null,
    });
  });

  test('the five targets over completed cases; a rejection counts only towards the on-time rate', () => {
    // Prepare
    const cases = [
      closed({ id: 'a' }),
      closed({
        id: 'b',
        online: false,
        trips: 2,
        sla: 'missed',
        items: [
          { item: 'registration', department: 'market-regulation', ratio: 0.9, instant: false },
          { item: 'invoice', department: 'tax', ratio: 0.3, instant: true },
          { item: 'seal', department: 'public-security', ratio: 0.6, instant: false },
        ],
      }),
      closed({ id: 'c', status: 'rejected', sla: 'missed', items: [] }),
    ];

    // Act
    const kpis = reformKpis(cases);

    // Assess: six items, ratios 0, 0, 0, 0.9, 0.3, 0.6.
    expect(kpis.casesMeasured).toBe(2);
    expect(kpis.timeToStatutoryLimit.mean).toBeCloseTo(1.8 / 6, 12);
    expect(kpis.timeToStatutoryLimit.withinTarget).toBe(4 / 6);
    expect(kpis.onlineShare).toBe(3 / 6);
    expect(kpis.instantShare).toBe(4 / 6);
    expect(kpis.atMostOneTripShare).toBe(1 / 2);
    expect(kpis.onTimeRate).toBe(1 / 3);
  });

  test('a ratio exactly at the 50% target is within it', () => {
    // Act
    const kpis = reformKpis([
      closed({
        id: 'edge',
        items: [{ item: 'seal', department: 'public-security', ratio: 0.5, instant: false }],
      }),
    ]);

    // Assess
    expect(kpis.timeToStatutoryLimit).toEqual({ mean: 0.5, target: 0.5, withinTarget: 1 });
  });
});

describe('charts', () => {
  // Monday 14 December 2026, 09:00 in Guangzhou.
  const NOW = new Date('2026-12-14T01:00:00.000Z');

  test('per Beijing day, the last 14 days: open and closed submissions, and completions (not rejections)', () => {
    // Prepare
    const cases = [
      // Submitted Fri 11 Dec 23:30 Beijing (still the 11th in Beijing, 15:30 UTC), completed Mon 14th 08:00.
      closed({ id: 'a', submittedAt: '2026-12-11T15:30:00.000Z', closedAt: '2026-12-14T00:00:00.000Z' }),
      // Submitted Sat 12th 00:30 Beijing (the 11th in UTC), rejected the same day.
      closed({
        id: 'b',
        status: 'rejected',
        submittedAt: '2026-12-11T16:30:00.000Z',
        closedAt: '2026-12-12T03:00:00.000Z',
      }),
      // Submitted before the 14 days shown; completed inside them.
      closed({ id: 'c', submittedAt: '2026-11-20T02:00:00.000Z', closedAt: '2026-12-01T02:00:00.000Z' }),
    ];
    const open = ['2026-12-13T20:00:00.000Z', '2026-12-14T00:30:00.000Z'];

    // Act
    const { perDay } = charts(cases, open, NOW);

    // Assess
    expect(perDay).toHaveLength(14);
    expect(perDay[0]).toEqual({ date: '2026-12-01', submitted: 0, completed: 1 });
    expect(perDay.at(-1)).toEqual({ date: '2026-12-14', submitted: 2, completed: 1 });
    const byDate = Object.fromEntries(perDay.map((day) => [day.date, day]));
    expect(byDate['2026-12-11']).toEqual({ date: '2026-12-11', submitted: 1, completed: 0 });
    expect(byDate['2026-12-12']).toEqual({ date: '2026-12-12', submitted: 1, completed: 0 });
    expect(perDay.reduce((sum, day) => sum + day.submitted, 0)).toBe(4);
  });

  test('time to complete: the latest 30 completed cases, rejections left out', () => {
    // Prepare: 35 completions in closing order, and one rejection.
    const cases = Array.from({ length: 35 }, (_, index) =>
      closed({
        id: `c${index}`,
        closedAt: new Date(Date.parse('2026-12-01T02:00:00.000Z') + index * 3_600_000).toISOString(),
        workingDays: index / 10,
      }),
    );
    cases.push(
      closed({ id: 'rejected', status: 'rejected', closedAt: '2026-12-13T02:00:00.000Z', items: [] }),
    );

    // Act
    const { completions } = charts(cases, [], NOW);

    // Assess
    expect(completions.map((completion) => completion.id)).toEqual(
      Array.from({ length: 30 }, (_, index) => `c${index + 5}`),
    );
    expect(completions[0]).toEqual({
      id: 'c5',
      closedAt: '2026-12-01T07:00:00.000Z',
      workingDays: 0.5,
      limitWorkingDays: 3,
    });
  });
});

describe('closedCase', () => {
  test('refuses a case that has not closed: an open case has no KPI facts yet', () => {
    // Prepare
    const form = applicationFormSchemaOn('2026-12-01').parse(
      JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')),
    );
    const open = newCase({
      id: 'co-open',
      owner: 'founder-1',
      filedBy: { role: 'applicant', sub: 'founder-1' },
      idempotencyKey: 'key',
      requestHash: 'hash',
      form,
      submittedAt: '2026-12-01T02:00:00.000Z',
    });

    // Act / Assess
    expect(() => closedCase(open)).toThrow('Case co-open is not closed');
  });
});
