import { type Catalogue, catalogueSchema } from './catalogue';
import { CATALOGUE_DATA } from './data';

/** The catalogue, checked whole when the module loads: a broken catalogue never serves. */
export const CATALOGUE: Catalogue = catalogueSchema.parse(CATALOGUE_DATA);

export type { Catalogue } from './catalogue';
