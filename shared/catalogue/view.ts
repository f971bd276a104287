import type { CatalogueView } from '../api/responses';
import type { Catalogue } from './catalogue';

/** The catalogue as GET /api/catalogue shows it: what a client needs to pick a bundle and see its rules. */
export function catalogueView(catalogue: Catalogue): CatalogueView {
  return {
    version: catalogue.version,
    departments: catalogue.departments.map(({ id, name }) => ({ id, name })),
    items: catalogue.items.map(
      ({ id, name, department, statutoryLimitWorkingDays, legalBasis, dependsOn, materials }) => ({
        id,
        name,
        department,
        statutoryLimitWorkingDays,
        legalBasis,
        dependsOn,
        materials,
      }),
    ),
    bundles: catalogue.bundles.map(({ id, name, items, optionalItems, slaWorkingDays }) => ({
      id,
      name,
      items,
      optionalItems,
      slaWorkingDays,
    })),
  };
}
