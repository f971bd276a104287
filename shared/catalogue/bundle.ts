import * as z from 'zod';
import { catalogueIdSchema, namesSchema } from './names';

/**
 * A bundle (一件事): the items one case runs, and the working days the platform commits to for the whole
 * case (`to-confirm` until a published commitment exists). The founder may add `optionalItems`.
 */
export const bundleSchema = z
  .object({
    id: catalogueIdSchema,
    name: namesSchema,
    items: z.array(catalogueIdSchema).min(1),
    optionalItems: z.array(catalogueIdSchema),
    slaWorkingDays: z.union([z.number().int().min(1), z.literal('to-confirm')]),
    commitmentBasis: z.string().min(1),
  })
  .strict();
export type Bundle = z.output<typeof bundleSchema>;
