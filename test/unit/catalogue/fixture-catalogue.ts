import * as z from 'zod';
import type { CatalogueInput } from '../../../shared/catalogue/catalogue';

type ItemInput = CatalogueInput['items'][number];
type BundleInput = CatalogueInput['bundles'][number];

/** An item of the test catalogue: decided by the one regulator, after `dependsOn`. */
export function testItem(id: string, dependsOn: string[] = [], more: Partial<ItemInput> = {}): ItemInput {
  return {
    id,
    name: { zh: `事项${id}`, en: `Item ${id}` },
    department: 'regulator',
    statutoryLimitWorkingDays: 'to-confirm',
    legalBasis: { law: 'test', article: 'to-confirm', publishedIn: 'this test' },
    dependsOn,
    instantApproval: null,
    materials: [],
    formFields: ['company'],
    fullIdentity: false,
    answers: [],
    results: z.object({ number: z.string() }),
    onSiteInspection: false,
    ...more,
  };
}

export function testBundle(id: string, items: string[], optionalItems: string[] = []): BundleInput {
  return {
    id,
    name: { zh: `一件事${id}`, en: `Bundle ${id}` },
    trade: 'catering',
    items,
    optionalItems,
    slaWorkingDays: 10,
    commitment: 'platform-decision',
    commitmentBasis: 'test',
  };
}

/** A catalogue made for a test: one department, these items and bundles. */
export const testCatalogue = (items: ItemInput[], bundles: BundleInput[]): CatalogueInput => ({
  version: '2026-12-01.1',
  departments: [{ id: 'regulator', name: { zh: '监管部门', en: 'Regulator' } }],
  items,
  bundles,
});
