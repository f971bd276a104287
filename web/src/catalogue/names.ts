import { departmentName, isDepartment, isItem, itemName } from '../../../shared/case/items';
import { CATALOGUE } from '../../../shared/catalogue';
import type { Language } from '../i18n/messages';

/**
 * Items, departments and bundles by the names the catalogue gives them. An id the catalogue no longer
 * knows (a case filed under an older version) reads as itself rather than breaking the page.
 */
export const itemLabel = (item: string, lang: Language): string =>
  isItem(item) ? itemName(item)[lang] : item;

export const departmentLabel = (department: string, lang: Language): string =>
  isDepartment(department) ? departmentName(department)[lang] : department;

export function bundleLabel(bundle: string, lang: Language): string {
  return CATALOGUE.bundles.find(({ id }) => id === bundle)?.name[lang] ?? bundle;
}

/** Item ids in catalogue order: the order a case's items are listed in everywhere. */
export const inCatalogueOrder = (items: readonly string[]): string[] => {
  const order = CATALOGUE.items.map(({ id }) => id);
  const rank = (item: string) => (order.includes(item) ? order.indexOf(item) : order.length);
  return [...items].sort((a, b) => rank(a) - rank(b));
};

/** A material's name as the catalogue gives it, for any item that asks for it. */
export function materialName(material: string, lang: Language): string {
  for (const item of CATALOGUE.items)
    for (const entry of item.materials) if (entry.id === material) return entry.name[lang];
  return material;
}
