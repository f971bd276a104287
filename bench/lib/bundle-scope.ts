import { type Department, departmentOf, type Item } from '../../shared/case/items';
import { CATALOGUE } from '../../shared/catalogue';

export interface BundleScope {
  items: readonly Item[];
  departments: readonly Department[];
}

/**
 * The items a bundle always runs and the departments that decide them: what a case of that bundle
 * waits on, and so which inboxes a bench has to work (not all the catalogue's departments).
 */
export function bundleScope(bundleId: string): BundleScope {
  const bundle = CATALOGUE.bundles.find(({ id }) => id === bundleId);
  if (!bundle) throw new RangeError(`The catalogue ${CATALOGUE.version} has no bundle ${bundleId}`);
  return { items: bundle.items, departments: [...new Set(bundle.items.map(departmentOf))] };
}

/** The bundle of the company-opening fixture (valid-baiyun-llc.json) that chaos and cost file. */
export const COMPANY_OPENING = bundleScope('company-opening');

/** The bundle of the restaurant fixture (valid-restaurant.json) the cost bench prices. */
export const RESTAURANT = bundleScope('restaurant');
