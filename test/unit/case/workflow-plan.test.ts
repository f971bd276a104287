import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { newCase } from '../../../shared/case/transitions';
import { stateKeyOf, workflowPlan } from '../../../shared/case/workflow-plan';
import { applicationFormSchemaOn } from '../../../shared/form';

const FIXTURES = join(import.meta.dirname, '../../fixtures/applications');

function caseOf(fixture: string, change: (form: Record<string, unknown>) => void = () => {}) {
  const body = JSON.parse(readFileSync(join(FIXTURES, `${fixture}.json`), 'utf8')) as Record<string, unknown>;
  change(body);
  return newCase({
    id: 'co-plan-case-0001',
    owner: 'founder-1',
    filedBy: { role: 'applicant', sub: 'founder-1' },
    idempotencyKey: 'key-1',
    requestHash: 'hash-1',
    form: applicationFormSchemaOn('2026-12-01').parse(body),
    submittedAt: '2026-12-01T02:00:00.000Z',
  });
}

const NOTHING_RUNS = {
  registration: false,
  invoice: false,
  seal: false,
  foodBusinessLicence: false,
  fireSafetyInspection: false,
  clinicPractice: false,
  socialInsurance: false,
  housingFund: false,
  bankAppointment: false,
};

describe('what the state machine reads of a case (shared/case/workflow-plan.ts)', () => {
  test('a restaurant with social insurance added: its bundle, and for every catalogue item whether it runs', () => {
    // Arrange
    const record = caseOf('valid-restaurant', (form) => {
      form.optionalItems = ['social-insurance'];
      form.employment = { employees: 0 };
    });

    // Act
    const plan = workflowPlan(record);

    // Assert
    expect(plan).toEqual({
      bundle: 'restaurant',
      runs: {
        ...NOTHING_RUNS,
        registration: true,
        invoice: true,
        seal: true,
        foodBusinessLicence: true,
        fireSafetyInspection: true,
        socialInsurance: true,
      },
    });
  });

  test('nothing personal: the plan holds the bundle and booleans only', () => {
    // Act
    const plan = workflowPlan(caseOf('valid-clinic'));

    // Assert
    expect(Object.keys(plan).sort()).toEqual(['bundle', 'runs']);
    expect(Object.values(plan.runs).every((runs) => typeof runs === 'boolean')).toBe(true);
    expect(JSON.stringify(plan)).not.toContain('co-plan-case-0001');
  });

  test('a case filed before bundles opened a company: it takes the company-opening route', () => {
    // Arrange
    const { bundle: _bundle, ...record } = caseOf('valid-baiyun-llc');

    // Act
    const plan = workflowPlan(record);

    // Assert
    expect(plan).toEqual({
      bundle: 'company-opening',
      runs: { ...NOTHING_RUNS, registration: true, invoice: true, seal: true },
    });
  });

  test.each([
    ['seal', 'seal'],
    ['food-business-licence', 'foodBusinessLicence'],
    ['fire-safety-inspection', 'fireSafetyInspection'],
  ])('the item %s is %s in a JSONPath', (item, key) => {
    expect(stateKeyOf(item)).toBe(key);
  });
});
