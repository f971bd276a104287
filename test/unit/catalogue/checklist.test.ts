import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { CATALOGUE } from '../../../shared/catalogue';
import { catalogueSchema } from '../../../shared/catalogue/catalogue';
import { checklist } from '../../../shared/catalogue/checklist';
import { AppError } from '../../../shared/errors';

const ids = (list: { id: string }[]) => list.map(({ id }) => id);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A catalogue made for this test: one bundle whose material depends on the premises area. */
const AREA_CATALOGUE = catalogueSchema.parse({
  version: '2026-12-01.1',
  departments: [{ id: 'regulator', name: { zh: '监管部门', en: 'Regulator' } }],
  items: [
    {
      id: 'venue-licence',
      name: { zh: '场所许可', en: 'Venue licence' },
      department: 'regulator',
      statutoryLimitWorkingDays: 'to-confirm',
      legalBasis: { law: 'test', article: 'to-confirm', publishedIn: 'this test' },
      dependsOn: [],
      instantApproval: null,
      materials: [
        { id: 'floor-plan', name: { zh: '平面图', en: 'Floor plan' }, basis: 'test' },
        {
          id: 'large-venue-plan',
          name: { zh: '大型场所方案', en: 'Large venue plan' },
          requiredWhen: [
            { answer: 'premisesAreaM2', is: 'gt', value: 150 },
            { answer: 'trade', is: 'eq', value: 'catering' },
          ],
          basis: 'test',
        },
      ],
      formFields: ['premises'],
      fullIdentity: false,
      answers: ['premisesAreaM2', 'trade'],
      results: z.object({ number: z.string() }),
      onSiteInspection: true,
    },
  ],
  bundles: [
    {
      id: 'venue',
      name: { zh: '开场所', en: 'Opening a venue' },
      trade: 'catering',
      items: ['venue-licence'],
      optionalItems: [],
      slaWorkingDays: 10,
      commitment: 'platform-decision',
      commitmentBasis: 'test',
    },
  ],
});

describe('the materials checklist (shared/catalogue/checklist.ts)', () => {
  test.each([
    [150, []],
    [150.5, ['large-venue-plan']],
    [400, ['large-venue-plan']],
  ])('a catering venue of %s m² files the floor plan, plus %j', (premisesAreaM2, extra) => {
    // Act
    const list = checklist(AREA_CATALOGUE, {
      bundle: 'venue',
      add: [],
      answers: { premisesAreaM2, trade: 'catering' },
    });

    // Assert
    expect(ids(list.materials)).toEqual(['floor-plan', ...extra]);
  });

  test('every determinant of a material must hold: a large venue of another trade files no extra plan', () => {
    const list = checklist(AREA_CATALOGUE, {
      bundle: 'venue',
      add: [],
      answers: { premisesAreaM2: 400, trade: 'general' },
    });
    expect(ids(list.materials)).toEqual(['floor-plan']);
  });

  test('a restaurant that signs the fire-safety commitment files the commitment letter, not the inspection form', () => {
    // Act
    const committed = checklist(CATALOGUE, {
      bundle: 'restaurant',
      add: [],
      answers: { fireSafetyCommitment: true },
    });
    const inspected = checklist(CATALOGUE, {
      bundle: 'restaurant',
      add: [],
      answers: { fireSafetyCommitment: false },
    });

    // Assert
    expect(ids(committed.materials)).toContain('fire-safety-commitment');
    expect(ids(committed.materials)).not.toContain('fire-safety-inspection-form');
    expect(ids(inspected.materials)).toContain('fire-safety-inspection-form');
    expect(ids(inspected.materials)).not.toContain('fire-safety-commitment');
    expect(committed.items).toEqual([
      'registration',
      'invoice',
      'seal',
      'food-business-licence',
      'fire-safety-inspection',
    ]);
  });

  test('what an item issues is never asked: the business licence and the seal are not on any checklist', () => {
    const list = checklist(CATALOGUE, {
      bundle: 'restaurant',
      add: ['social-insurance', 'bank-appointment'],
      answers: { fireSafetyCommitment: true, employees: 3 },
    });
    expect(ids(list.materials)).not.toContain('business-licence');
    expect(ids(list.materials)).not.toContain('company-seal');
  });

  test('each material once, however many items ask for it', () => {
    const list = checklist(CATALOGUE, { bundle: 'company-opening', add: [], answers: {} });
    expect(ids(list.materials)).toEqual(['articles-of-association', 'address-proof']);
  });

  test.each([
    [0, []],
    [1, ['employee-registration-details', 'housing-fund-contribution-list']],
  ])('with %i employees the added social insurance and housing fund ask for %j', (employees, extra) => {
    const list = checklist(CATALOGUE, {
      bundle: 'clinic',
      add: ['social-insurance', 'housing-fund'],
      answers: { employees },
    });
    expect(
      ids(list.materials).filter((id) => id.startsWith('employee') || id.endsWith('contribution-list')),
    ).toEqual(extra);
    expect(list.items).toEqual([
      'registration',
      'invoice',
      'seal',
      'clinic-practice',
      'social-insurance',
      'housing-fund',
    ]);
  });

  test('an unknown bundle is a 404', () => {
    const error = refusal(() => checklist(CATALOGUE, { bundle: 'tobacco-shop', add: [], answers: {} }));
    expect(error.status).toBe(404);
  });

  test('an answer a determinant reads and that is missing is a 400 naming the field, in both languages', () => {
    const error = refusal(() => checklist(CATALOGUE, { bundle: 'restaurant', add: [], answers: {} }));
    expect(error.status).toBe(400);
    expect(error.fields).toEqual([
      {
        path: 'fireSafetyCommitment',
        message: 'This bundle needs the answer fireSafetyCommitment',
        message_zh: '此一件事需要回答 fireSafetyCommitment',
      },
    ]);
  });

  test('an item that is not an optional item of the bundle is a 400 on add', () => {
    const error = refusal(() =>
      checklist(CATALOGUE, { bundle: 'clinic', add: ['food-business-licence'], answers: {} }),
    );
    expect(error.status).toBe(400);
    expect(error.fields.map(({ path }) => path)).toEqual(['add']);
    expect(error.fields[0]?.message_zh).toContain('food-business-licence');
  });
});
