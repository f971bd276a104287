import { CATALOGUE } from '../catalogue';
import type { CatalogueItem } from '../catalogue/item';
import type { Names } from '../catalogue/names';
import type { FormFields } from '../form/form-object';

/**
 * The items a case can run and the departments that decide them, as the catalogue declares them
 * (shared/catalogue/data.ts). A case keeps its own items (`CaseRecord.items`): these are for looking
 * up what the catalogue says of one.
 */
export type Item = string;
export type Department = string;

export const ITEMS: readonly Item[] = CATALOGUE.items.map(({ id }) => id);
export const DEPARTMENTS: readonly Department[] = CATALOGUE.departments.map(({ id }) => id);

const ITEM_BY_ID = new Map(CATALOGUE.items.map((item) => [item.id, item]));
const DEPARTMENT_BY_ID = new Map(CATALOGUE.departments.map((department) => [department.id, department]));

/** The catalogue's entry for an item id; an id it does not know is a programming error. */
export function catalogueItem(item: Item): CatalogueItem {
  const entry = ITEM_BY_ID.get(item);
  if (!entry) throw new RangeError(`The catalogue ${CATALOGUE.version} has no item ${item}`);
  return entry;
}

export const isItem = (value: string): boolean => ITEM_BY_ID.has(value);
export const isDepartment = (value: string): boolean => DEPARTMENT_BY_ID.has(value);
export const departmentOf = (item: Item): Department => catalogueItem(item).department;
/** A name to show; an id the catalogue no longer has (withdrawn after the case was filed) shows as itself. */
export const itemName = (item: Item): Names => ITEM_BY_ID.get(item)?.name ?? { zh: item, en: item };
export const departmentName = (department: Department): Names =>
  DEPARTMENT_BY_ID.get(department)?.name ?? { zh: department, en: department };

export type FormSection = keyof FormFields;

/**
 * What each item's department reads to decide: the form sections shown on its task, whether it sees
 * people's full ID numbers and mobiles (else masked), and the items whose results it builds on.
 * Why each department reads what it reads: docs/form-rules.md, "Who reads what".
 */
export interface ItemReads {
  sections: readonly FormSection[];
  fullIdentity: boolean;
  dependsOn: readonly Item[];
}

export function itemReads(item: Item): ItemReads {
  const { formFields, fullIdentity, dependsOn } = catalogueItem(item);
  return { sections: formFields, fullIdentity, dependsOn };
}

const catalogueOrder = (item: Item) => {
  const index = ITEMS.indexOf(item);
  return index === -1 ? ITEMS.length : index;
};

/**
 * The items a case runs, in catalogue order: the order lists, metrics and views show them in. An item the
 * catalogue no longer has stays, last: the case still runs it.
 */
export const itemsOf = (record: { items: Readonly<Record<Item, unknown>> }): Item[] =>
  Object.keys(record.items).sort((a, b) => catalogueOrder(a) - catalogueOrder(b));
