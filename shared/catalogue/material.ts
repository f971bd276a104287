import * as z from 'zod';
import { determinantSchema } from './determinant';
import { catalogueIdSchema, namesSchema } from './names';

/**
 * A document an item requires. `requiredWhen` (all must hold; empty: always) makes it depend on the
 * answers. `issuedBy` names the item whose result it is (the business licence): the founder is never
 * asked for it (GovStack: what one registration issues is not asked again). `basis` is the text that
 * asks for it, or `to-confirm`.
 */
export const materialSchema = z
  .object({
    id: catalogueIdSchema,
    name: namesSchema,
    requiredWhen: z.array(determinantSchema).default([]),
    issuedBy: catalogueIdSchema.optional(),
    basis: z.string().min(1),
  })
  .strict();
export type Material = z.output<typeof materialSchema>;
