import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import * as z from 'zod';
import type { CatalogueInput } from '../../../shared/catalogue/catalogue';
import { type Platform, startPlatform, validForm } from './platform';

/**
 * Adding an item and a bundle is a data change: the catalogue below is today's plus one department, one
 * item and one bundle, and nothing else changes. The runtime generates its state machine from it, the
 * form accepts the new bundle, and a case runs through the real engine to its end.
 */
vi.mock('../../../shared/catalogue/data', async (importOriginal) => {
  const { CATALOGUE_DATA } = await importOriginal<{ CATALOGUE_DATA: CatalogueInput }>();
  const withSign: CatalogueInput = {
    ...CATALOGUE_DATA,
    version: '2026-12-02.99',
    departments: [
      ...CATALOGUE_DATA.departments,
      { id: 'urban-management', name: { zh: '城市管理部门', en: 'Urban management' } },
    ],
    items: [
      ...CATALOGUE_DATA.items,
      {
        id: 'outdoor-sign',
        name: { zh: '户外招牌设置', en: 'Outdoor shop sign' },
        department: 'urban-management',
        statutoryLimitWorkingDays: 'to-confirm',
        legalBasis: {
          law: 'a test fixture',
          article: 'to-confirm',
          publishedIn: 'to-confirm',
          note: 'Made up for this test: it shows the mechanism, not a rule.',
        },
        dependsOn: ['registration'],
        instantApproval: null,
        materials: [
          {
            id: 'sign-design',
            name: { zh: '招牌设计图', en: 'Design of the sign' },
            basis: 'to-confirm',
          },
        ],
        formFields: ['company', 'contact'],
        fullIdentity: false,
        answers: [],
        results: z.object({ permitNumber: z.string(), validFrom: z.iso.date() }),
        onSiteInspection: true,
      },
    ],
    bundles: [
      ...CATALOGUE_DATA.bundles,
      {
        id: 'bookshop',
        name: { zh: '开书店', en: 'Opening a bookshop' },
        trade: 'general',
        items: ['registration', 'invoice', 'seal', 'outdoor-sign'],
        optionalItems: [],
        slaWorkingDays: 5,
        commitment: 'platform-decision',
        commitmentBasis: 'a test fixture',
      },
    ],
  };
  return { CATALOGUE_DATA: withSign };
});

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
  await platform.setClock('2026-12-01T02:00:00.000Z'); // Tuesday 10:00 in Guangzhou
}, 60_000);

afterAll(async () => {
  await platform?.close();
});

function bookshopForm() {
  const form = validForm();
  form.bundle = 'bookshop';
  form.materials.push({ type: 'sign-design', uploadId: 'up-fixture8000000000000000001' });
  return form;
}

describe('an item and a bundle added by data alone', () => {
  test('a bookshop case runs the new item from its department inbox, inspected on site, to the end', async () => {
    // Arrange
    const record = await platform.submit(bookshopForm());
    expect(record).toMatchObject({ bundle: 'bookshop', catalogueVersion: '2026-12-02.99' });
    expect(record.sla.workingDays).toBe(5);

    // Act
    const sign = await platform.openTask(record.id, 'outdoor-sign');
    expect(sign.department).toBe('urban-management');
    await platform.decide(sign, 'approved');

    // Assert
    const done = await platform.caseWhere(record.id, (candidate) => candidate.status === 'completed');
    expect(Object.keys(done.items)).toEqual(['registration', 'invoice', 'seal', 'outdoor-sign']);
    expect(done.items['outdoor-sign']).toMatchObject({ status: 'approved', instant: false });
    expect(done.items['outdoor-sign']?.result).toEqual({
      permitNumber: expect.stringMatching(/^OS440111\d{8}$/),
      validFrom: '2026-12-02',
    });
    expect(done.inspection?.items).toEqual(['outdoor-sign']);
    expect(done.trips).toBe(1);
    const execution = await platform.finishedExecution(record.id);
    expect(execution.status).toBe('SUCCEEDED');
  });

  test('the same form without the new material is refused, naming it in both languages', () => {
    // Arrange
    const form = bookshopForm();
    form.materials = form.materials.filter((material: { type: string }) => material.type !== 'sign-design');

    // Act
    const parsed = (() => {
      try {
        platform.parseForm(form);
        return undefined;
      } catch (error) {
        return error as z.ZodError;
      }
    })();

    // Assert
    expect(parsed?.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/Upload: Design of the sign \(for Outdoor shop sign\).*招牌设计图/s),
    ]);
  });
});
