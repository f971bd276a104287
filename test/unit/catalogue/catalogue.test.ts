import { describe, expect, test } from 'vitest';
import { DEFAULT_INSTANT_APPROVAL_RULES } from '../../../shared/case/instant-approval';
import { CATALOGUE } from '../../../shared/catalogue';
import { type CatalogueInput, catalogueSchema } from '../../../shared/catalogue/catalogue';
import { CATALOGUE_DATA } from '../../../shared/catalogue/data';
import { INSTANT_APPROVAL_RULE_SETS } from '../../../shared/catalogue/item';
import { formObjectSchema } from '../../../shared/form/form-object';
import { CASE_SLA, type SlaItem, STATUTORY_LIMITS } from '../../../shared/sla/config';

/** Today's case before the catalogue: its three items, their departments and names (shared/case/items.ts then). */
const TODAY_ITEMS: readonly SlaItem[] = ['registration', 'invoice', 'seal'];
const TODAY_DEPARTMENT_OF: Readonly<Record<SlaItem, string>> = {
  registration: 'market-regulation',
  invoice: 'tax',
  seal: 'public-security',
};
const TODAY_ITEM_NAMES: Readonly<Record<SlaItem, { en: string; zh: string }>> = {
  registration: { en: 'Enterprise registration', zh: '企业设立登记' },
  invoice: { en: 'Invoice application', zh: '发票申领' },
  seal: { en: 'Seal filing', zh: '刻章备案' },
};
const TODAY_DEPARTMENT_NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  'market-regulation': { en: 'Market regulation', zh: '市场监管部门' },
  tax: { en: 'Tax', zh: '税务部门' },
  'public-security': { en: 'Public security', zh: '公安部门' },
};

/** A copy of the catalogue's data with one change, to see the schema refuse it. */
function changed(change: (data: CatalogueInput) => void): CatalogueInput {
  const copy: CatalogueInput = {
    ...CATALOGUE_DATA,
    departments: structuredClone(CATALOGUE_DATA.departments),
    items: CATALOGUE_DATA.items.map(({ results, ...rest }) => ({ ...structuredClone(rest), results })),
    bundles: structuredClone(CATALOGUE_DATA.bundles),
  };
  change(copy);
  return copy;
}

function messagesOf(data: CatalogueInput): string[] {
  const result = catalogueSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const item = (data: CatalogueInput, id: string) => {
  const found = data.items.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('the catalogue (shared/catalogue)', () => {
  test('parses whole: every department, dependency, issuer and bundle item it names exists', () => {
    // Act
    const result = catalogueSchema.safeParse(CATALOGUE_DATA);

    // Assert
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  test('company-opening is exactly today’s case: its three items, departments, names and committed days', () => {
    // Act
    const bundle = CATALOGUE.bundles.find(({ id }) => id === 'company-opening');

    // Assert
    expect(bundle?.items).toEqual([...TODAY_ITEMS]);
    expect(bundle?.slaWorkingDays).toBe(CASE_SLA.workingDays);
    for (const id of TODAY_ITEMS) {
      const entry = CATALOGUE.items.find((candidate) => candidate.id === id);
      expect(entry?.department).toBe(TODAY_DEPARTMENT_OF[id]);
      expect(entry?.name).toEqual(TODAY_ITEM_NAMES[id]);
      expect(
        CATALOGUE.departments.find(({ id: department }) => department === TODAY_DEPARTMENT_OF[id])?.name,
      ).toEqual(TODAY_DEPARTMENT_NAMES[TODAY_DEPARTMENT_OF[id]]);
    }
  });

  test('today’s three limits are the ones shared/sla/config.ts holds: a number where confirmed, to-confirm where not', () => {
    for (const id of TODAY_ITEMS) {
      // Act
      const limit = CATALOGUE.items.find((candidate) => candidate.id === id)?.statutoryLimitWorkingDays;

      // Assert
      const { workingDays, source } = STATUTORY_LIMITS[id];
      expect(limit, id).toBe(source.status === 'confirmed' ? workingDays : 'to-confirm');
    }
  });

  test('every item has a legal basis, or no statutory limit at all; every number quotes its article', () => {
    for (const entry of CATALOGUE.items) {
      if (entry.legalBasis === null) expect(entry.statutoryLimitWorkingDays, entry.id).toBe('none');
      if (typeof entry.statutoryLimitWorkingDays === 'number')
        expect(entry.legalBasis?.quote, entry.id).toBeTruthy();
    }
  });

  test('the form fields an item reads are sections of today’s form; instant approval names today’s rule sets', () => {
    const sections = Object.keys(formObjectSchema.shape);
    expect([...INSTANT_APPROVAL_RULE_SETS].sort()).toEqual(
      Object.keys(DEFAULT_INSTANT_APPROVAL_RULES)
        .filter((key) => key !== 'enabled')
        .sort(),
    );
    for (const entry of CATALOGUE.items)
      for (const field of entry.formFields) expect(sections, entry.id).toContain(field);
  });

  test('the optional items can be added to every bundle', () => {
    for (const bundle of CATALOGUE.bundles)
      expect(bundle.optionalItems, bundle.id).toEqual([
        'social-insurance',
        'housing-fund',
        'bank-appointment',
      ]);
  });

  test('what an item issues is a zod schema: registration issues the USCC and the licence number', () => {
    const registration = CATALOGUE.items.find(({ id }) => id === 'registration');
    expect(
      registration?.results.safeParse({ uscc: 'x', licenceNumber: 'y', eLicenceId: 'z', companyName: 'n' })
        .success,
    ).toBe(true);
    expect(registration?.results.safeParse({ uscc: 'x' }).success).toBe(false);
  });

  test('the three company-opening items issue the documents the platform renders; the others none', () => {
    expect(CATALOGUE.items.map(({ id, documents }) => [id, documents.map(({ kind }) => kind)])).toEqual([
      ['registration', ['e-licence']],
      ['invoice', ['invoice-approval-notice']],
      ['seal', ['seal-filing-certificate']],
      ...CATALOGUE.items.slice(3).map(({ id }) => [id, []]),
    ]);
  });

  describe('refuses a catalogue that does not hold together', () => {
    test.each<[string, (data: CatalogueInput) => void, string]>([
      [
        'a document issued by two items',
        (data) => {
          item(data, 'seal').documents = [
            {
              kind: 'e-licence',
              name: { zh: '电子营业执照', en: 'Electronic business licence' },
              basis: 'x',
            },
          ];
        },
        'the document e-licence is issued by more than one item',
      ],
      [
        'an unknown department',
        (data) => {
          item(data, 'seal').department = 'police';
        },
        'unknown department police',
      ],
      [
        'an unknown dependency',
        (data) => {
          item(data, 'seal').dependsOn = ['registration', 'notary'];
        },
        'unknown item notary',
      ],
      [
        'a cycle',
        (data) => {
          item(data, 'registration').dependsOn = ['invoice'];
        },
        'registration depends on itself',
      ],
      [
        'a bundle item that does not exist',
        (data) => {
          data.bundles[0]?.items.push('tobacco-licence');
        },
        'unknown item tobacco-licence',
      ],
      [
        'a bundle without an item’s dependency',
        (data) => {
          const bundle = data.bundles.find(({ id }) => id === 'restaurant');
          if (bundle) bundle.items = bundle.items.filter((id) => id !== 'registration');
        },
        'food-business-licence depends on registration, which the bundle does not run',
      ],
      [
        'a material issued by an item that does not run before',
        (data) => {
          const material = item(data, 'invoice').materials[0];
          if (material) material.issuedBy = 'seal';
        },
        'seal is not an item invoice depends on',
      ],
      [
        'a duplicate item id',
        (data) => {
          data.items.push({ ...item(data, 'seal') });
        },
        'duplicate id seal',
      ],
      [
        'a number of days without a quoted article',
        (data) => {
          item(data, 'seal').statutoryLimitWorkingDays = 20;
        },
        'a limit in working days quotes the article it comes from',
      ],
      [
        'an item with neither a legal basis nor `none`',
        (data) => {
          item(data, 'bank-appointment').statutoryLimitWorkingDays = 2;
        },
        'an item without a legal basis has no statutory limit (none)',
      ],
    ])('%s', (_name, change, message) => {
      // Act
      const messages = messagesOf(changed(change));

      // Assert
      expect(messages).toContain(message);
    });
  });
});
