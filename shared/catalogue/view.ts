import type { CatalogueView } from '../api/responses';
import type { Catalogue } from './catalogue';

/** The catalogue as GET /api/catalogue shows it: what a client needs to pick a bundle and see its rules. */
export function catalogueView(catalogue: Catalogue): CatalogueView {
  return {
    version: catalogue.version,
    departments: catalogue.departments.map(({ id, name }) => ({ id, name })),
    items: catalogue.items.map(
      ({
        id,
        name,
        department,
        statutoryLimitWorkingDays,
        legalBasis,
        dependsOn,
        materials,
        formFields,
        onSiteInspection,
      }) => ({
        id,
        name,
        department,
        statutoryLimitWorkingDays,
        legalBasis,
        dependsOn,
        materials,
        formFields,
        onSiteInspection,
      }),
    ),
    bundles: catalogue.bundles.map(
      ({ id, name, items, optionalItems, slaWorkingDays, commitment, commitmentBasis }) => ({
        id,
        name,
        items,
        optionalItems,
        slaWorkingDays,
        commitment,
        commitmentBasis,
      }),
    ),
  };
}
