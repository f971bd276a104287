import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CaseRecord } from '../../../shared/case/model';
import { newCase } from '../../../shared/case/transitions';
import { applicationFormSchemaOn } from '../../../shared/form';
import { closedCase } from '../../../shared/ops/closed-case';

const FIXTURE = join(import.meta.dirname, '../../fixtures/applications/valid-restaurant.json');
/** Tuesday 2026-12-01, 10:00 Asia/Shanghai. */
const STARTED = '2026-12-01T02:00:00.000Z';
/** Wednesday 10:00: one working day (24 working hours) later. */
const DECIDED = '2026-12-02T02:00:00.000Z';

/** A restaurant completed with every item taking one working day, as its record would be kept. */
function completedRestaurant(): CaseRecord {
  const body = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { materials: Record<string, unknown>[] };
  const record = newCase({
    id: 'co-restaurant-0001',
    owner: 'founder-1',
    filedBy: { role: 'applicant', sub: 'founder-1' },
    idempotencyKey: 'key-1',
    requestHash: 'hash-1',
    form: applicationFormSchemaOn('2026-12-01').parse({
      ...body,
      optionalItems: ['bank-appointment'],
    }),
    submittedAt: STARTED,
  });
  for (const state of Object.values(record.items))
    Object.assign(state, { status: 'approved', round: 1, startedAt: STARTED, decidedAt: DECIDED });
  return {
    ...record,
    status: 'completed',
    closedAt: DECIDED,
    sla: { ...record.sla, state: 'met' },
  };
}

describe('the KPI facts of a case whose items do not all have a limit (shared/ops/closed-case.ts)', () => {
  test('an item without a limit in working days has no ratio; the others are measured against the limit they were filed under', () => {
    // Act
    const facts = closedCase(completedRestaurant());

    // Assert
    expect(facts.bundle).toBe('restaurant');
    expect(facts.limitWorkingDays).toBe(13);
    expect(facts.items).toEqual([
      { item: 'registration', department: 'market-regulation', ratio: 1 / 3, instant: false },
      { item: 'invoice', department: 'tax', ratio: 1 / 5, instant: false },
      // Still to-confirm in the catalogue: measured against shared/sla/config.ts, as before the catalogue.
      { item: 'seal', department: 'public-security', ratio: 1, instant: false },
      // To-confirm, and no platform default: no ratio rather than a made-up one.
      { item: 'food-business-licence', department: 'market-regulation', instant: false },
      { item: 'fire-safety-inspection', department: 'fire-and-rescue', ratio: 1 / 10, instant: false },
      // A bank's service: no statutory limit at all.
      { item: 'bank-appointment', department: 'bank', instant: false },
    ]);
  });

  test('the limit kept on the case counts, not today’s catalogue', () => {
    // Arrange
    const record = completedRestaurant();
    Object.assign(record.items.invoice ?? {}, { limitWorkingDays: 2 });

    // Act
    const facts = closedCase(record);

    // Assert
    expect(facts.items.find(({ item }) => item === 'invoice')?.ratio).toBe(1 / 2);
  });
});
