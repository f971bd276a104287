import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import { casePlan } from '../../../shared/catalogue/case-plan';
import { catalogueSchema } from '../../../shared/catalogue/catalogue';
import type { FormFields } from '../../../shared/form/form-object';
import { testBundle, testCatalogue, testItem } from './fixture-catalogue';

type PlanForm = Parameters<typeof casePlan>[1];

const RESTAURANT = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/applications/valid-restaurant.json'), 'utf8'),
) as { premises: NonNullable<FormFields['premises']> };

const premises = (areaM2: number) => ({ ...RESTAURANT.premises, areaM2 });
const ids = (form: PlanForm, catalogue = CATALOGUE) => casePlan(catalogue, form).items.map(({ id }) => id);

/** A catalogue made for this test: a terrace licence only above 150 m², staff training only with employees. */
const DETERMINED = catalogueSchema.parse(
  testCatalogue(
    [
      testItem('venue'),
      testItem('terrace', ['venue'], {
        appliesWhen: [{ answer: 'premisesAreaM2', is: 'gt', value: 150 }],
        answers: ['premisesAreaM2'],
      }),
      testItem('catering-only', ['venue'], {
        appliesWhen: [{ answer: 'trade', is: 'eq', value: 'catering' }],
        answers: ['trade'],
      }),
      testItem('training', ['venue'], {
        appliesWhen: [{ answer: 'employees', is: 'gte', value: 1 }],
        answers: ['employees'],
      }),
    ],
    [testBundle('venue', ['venue', 'terrace', 'catering-only'], ['training'])],
  ),
);

describe('the items a case runs (shared/catalogue/case-plan.ts)', () => {
  test.each<[string | undefined, string[]]>([
    [undefined, ['registration', 'invoice', 'seal']],
    ['company-opening', ['registration', 'invoice', 'seal']],
    ['restaurant', ['registration', 'invoice', 'seal', 'food-business-licence', 'fire-safety-inspection']],
    ['clinic', ['registration', 'invoice', 'seal', 'clinic-practice']],
  ])('the bundle %s runs %j', (bundle, expected) => {
    // Act
    const plan = casePlan(CATALOGUE, { bundle });

    // Assert
    expect(plan.bundle.id).toBe(bundle ?? 'company-opening');
    expect(plan.items.map(({ id }) => id)).toEqual(expected);
  });

  test('optional items added run too, in catalogue order whatever the order they were added in', () => {
    // Act
    const items = ids({ bundle: 'clinic', optionalItems: ['bank-appointment', 'social-insurance'] });

    // Assert
    expect(items).toEqual([
      'registration',
      'invoice',
      'seal',
      'clinic-practice',
      'social-insurance',
      'bank-appointment',
    ]);
  });

  test('a bundle the catalogue does not have is a programming error: the form rules refuse it first', () => {
    expect(() => casePlan(CATALOGUE, { bundle: 'tobacco-shop' })).toThrow(
      'The catalogue 2026-12-01.1 has no bundle tobacco-shop',
    );
  });

  test.each<[number, string[]]>([
    [150, ['venue', 'catering-only']],
    [150.5, ['venue', 'terrace', 'catering-only']],
  ])('on %s m² the case runs %j: an item runs only when its determinants hold', (areaM2, expected) => {
    // Act
    const items = ids({ bundle: 'venue', premises: premises(areaM2) }, DETERMINED);

    // Assert
    expect(items).toEqual(expected);
  });

  test('an unanswered determinant does not hold: without premises the terrace does not run', () => {
    expect(ids({ bundle: 'venue' }, DETERMINED)).toEqual(['venue', 'catering-only']);
  });

  test('the trade is the bundle’s: a catering bundle runs its catering-only item', () => {
    // Arrange
    const general = {
      ...DETERMINED,
      bundles: DETERMINED.bundles.map((bundle) => ({ ...bundle, trade: 'general' as const })),
    };

    // Act
    const catering = ids({ bundle: 'venue' }, DETERMINED);
    const other = ids({ bundle: 'venue' }, general);

    // Assert
    expect(catering).toContain('catering-only');
    expect(other).not.toContain('catering-only');
  });

  test.each<[number, boolean]>([
    [0, false],
    [1, true],
  ])('an optional item with determinants, added, runs with %i employees: %s', (employees, runs) => {
    // Act
    const items = ids(
      { bundle: 'venue', optionalItems: ['training'], employment: { employees } },
      DETERMINED,
    );

    // Assert
    expect(items.includes('training')).toBe(runs);
  });
});
