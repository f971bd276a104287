import { describe, expect, test } from 'vitest';
import type { ClosedCase } from '../../../shared/ops/closed-case';
import { kpisByBundle, kpisByItem, reformKpis } from '../../../shared/ops/report';

const COMPANY_ITEMS: ClosedCase['items'] = [
  { item: 'registration', department: 'market-regulation', ratio: 0.2, instant: true },
  { item: 'invoice', department: 'tax', ratio: 0.4, instant: true },
  { item: 'seal', department: 'public-security', ratio: 0.6, instant: false },
];

function closed(overrides: Partial<ClosedCase> & Pick<ClosedCase, 'id'>): ClosedCase {
  return {
    bundle: 'company-opening',
    status: 'completed',
    submittedAt: '2026-12-01T02:00:00.000Z',
    closedAt: '2026-12-02T02:00:00.000Z',
    sla: 'met',
    online: true,
    trips: 0,
    workingDays: 1,
    limitWorkingDays: 3,
    items: COMPANY_ITEMS,
    ...overrides,
  };
}

const RESTAURANT = closed({
  id: 'restaurant-1',
  bundle: 'restaurant',
  trips: 1,
  limitWorkingDays: 13,
  items: [
    ...COMPANY_ITEMS,
    { item: 'food-business-licence', department: 'market-regulation', instant: false },
    { item: 'fire-safety-inspection', department: 'fire-and-rescue', ratio: 0.8, instant: false },
  ],
});

describe('the KPIs per bundle and per item (shared/ops/report.ts)', () => {
  test('each bundle that closed cases, in catalogue order, with the KPIs of its own cases only', () => {
    // Arrange: a fact kept before bundles has none: it opened a company.
    const { bundle: _bundle, ...beforeBundles } = closed({ id: 'old-1', sla: 'missed' });
    const cases = [RESTAURANT, closed({ id: 'company-1' }), beforeBundles];

    // Act
    const kpis = kpisByBundle(cases);

    // Assert
    expect(kpis).toEqual([
      { bundle: 'company-opening', ...reformKpis([closed({ id: 'company-1' }), beforeBundles]) },
      { bundle: 'restaurant', ...reformKpis([RESTAURANT]) },
    ]);
    expect(kpis[0]?.onTimeRate).toBe(0.5);
    expect(kpis[1]?.casesMeasured).toBe(1);
  });

  test('no closed case: no bundle is listed', () => {
    expect(kpisByBundle([])).toEqual([]);
  });

  test('each item decided on completed cases: how many, its mean ratio and instant share; no limit, no ratio', () => {
    // Arrange: the rejected case's items are not decisions to measure.
    const cases = [
      RESTAURANT,
      closed({ id: 'company-1' }),
      closed({ id: 'rejected-1', status: 'rejected', items: COMPANY_ITEMS }),
    ];

    // Act
    const kpis = kpisByItem(cases);

    // Assert
    expect(kpis).toEqual([
      {
        item: 'registration',
        department: 'market-regulation',
        decided: 2,
        meanRatio: 0.2,
        withinTarget: 1,
        instantShare: 1,
      },
      { item: 'invoice', department: 'tax', decided: 2, meanRatio: 0.4, withinTarget: 1, instantShare: 1 },
      {
        item: 'seal',
        department: 'public-security',
        decided: 2,
        meanRatio: 0.6,
        withinTarget: 0,
        instantShare: 0,
      },
      {
        item: 'food-business-licence',
        department: 'market-regulation',
        decided: 1,
        meanRatio: null,
        withinTarget: null,
        instantShare: 0,
      },
      {
        item: 'fire-safety-inspection',
        department: 'fire-and-rescue',
        decided: 1,
        meanRatio: 0.8,
        withinTarget: 0,
        instantShare: 0,
      },
    ]);
  });
});
