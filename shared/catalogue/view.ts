import { type CatalogueView, catalogueViewSchema } from '../api/responses';
import type { Catalogue } from './catalogue';

/**
 * The catalogue as GET /api/catalogue shows it: what a client needs to pick a bundle and see its rules.
 * The view's schema keeps exactly the fields it declares (zod drops the others: the results schemas, the
 * determinants an item applies under, who reads what).
 */
export const catalogueView = (catalogue: Catalogue): CatalogueView => catalogueViewSchema.parse(catalogue);
