import * as z from 'zod';
import { TRADES } from './answers';
import { catalogueIdSchema, namesSchema } from './names';

/**
 * A bundle (一件事): the items one case runs, and the working days the platform commits to for the whole
 * case. `commitment` says where the number comes from: a published plan, or the platform's own decision
 * until one is published (`commitmentBasis` explains it). The founder may add `optionalItems`.
 */
export const bundleSchema = z
  .object({
    id: catalogueIdSchema,
    name: namesSchema,
    trade: z.enum(TRADES),
    items: z.array(catalogueIdSchema).min(1),
    optionalItems: z.array(catalogueIdSchema),
    slaWorkingDays: z.number().int().min(1),
    commitment: z.enum(['published', 'platform-decision']),
    commitmentBasis: z.string().min(1),
  })
  .strict();
export type Bundle = z.output<typeof bundleSchema>;
