import * as z from 'zod';
import { catalogueIdSchema, namesSchema } from './names';

/** A department that decides items: its inbox and officers' group are keyed by `id`. */
export const catalogueDepartmentSchema = z.object({ id: catalogueIdSchema, name: namesSchema }).strict();
export type CatalogueDepartment = z.output<typeof catalogueDepartmentSchema>;
