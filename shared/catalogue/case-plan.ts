import type { FormFields } from '../form/form-object';
import type { Answers } from './answers';
import type { Bundle } from './bundle';
import type { Catalogue } from './catalogue';
import { allHold } from './determinant';
import { answersOf } from './form-answers';
import type { CatalogueItem } from './item';

/** A form that names no bundle opens a company, as every client before the catalogue did. */
export const DEFAULT_BUNDLE = 'company-opening';

export const bundleOf = (catalogue: Catalogue, id: string | undefined): Bundle | undefined =>
  catalogue.bundles.find((bundle) => bundle.id === (id ?? DEFAULT_BUNDLE));

/** The bundle's items and the optional ones added, in catalogue order, before any determinant is read. */
export function itemsOffered(
  catalogue: Catalogue,
  bundle: Bundle,
  added: readonly string[],
): CatalogueItem[] {
  const ids = new Set([...bundle.items, ...added]);
  return catalogue.items.filter((item) => ids.has(item.id));
}

/** Of those, the items whose determinants hold for these answers: the items a case runs. */
export const itemsRun = (offered: readonly CatalogueItem[], answers: Answers): CatalogueItem[] =>
  offered.filter((item) => allHold(item.appliesWhen, answers));

export interface CasePlan {
  bundle: Bundle;
  items: CatalogueItem[];
}

/** What a checked form opens: its bundle, and the items its case runs. */
export function casePlan(
  catalogue: Catalogue,
  form: Pick<FormFields, 'bundle' | 'optionalItems' | 'premises' | 'employment'>,
): CasePlan {
  const bundle = bundleOf(catalogue, form.bundle);
  if (!bundle) throw new RangeError(`The catalogue ${catalogue.version} has no bundle ${form.bundle}`);
  const offered = itemsOffered(catalogue, bundle, form.optionalItems ?? []);
  return { bundle, items: itemsRun(offered, answersOf(form, bundle)) };
}
