import * as z from 'zod';
import { companySchema } from './company';
import { deliverySchema } from './delivery';
import { invoiceSchema } from './invoice';
import { materialsSchema } from './materials';
import {
  contactSchema,
  directorsSchema,
  legalRepresentativeSchema,
  personSchema,
  shareholdersSchema,
  supervisoryArrangementSchema,
} from './people';
import { sealsSchema } from './seals';

export const CHANNELS = ['web', 'mini-program', 'api', 'service-counter'] as const;

/** The form's fields, each checked on its own; the rules across them are added in `schema.ts`. */
export const formObjectSchema = z
  .object({
    channel: z
      .enum(CHANNELS)
      .describe('Where the form was filed: web, WeChat mini program, API client or a service counter (帮办)'),
    company: companySchema,
    legalRepresentative: legalRepresentativeSchema,
    shareholders: shareholdersSchema,
    directors: directorsSchema,
    supervisoryArrangement: supervisoryArrangementSchema,
    supervisor: personSchema
      .optional()
      .describe('The supervisor (监事), when supervisoryArrangement is supervisor'),
    manager: personSchema.optional().describe('The manager (经理), if the company appoints one'),
    contact: contactSchema,
    invoice: invoiceSchema,
    seals: sealsSchema,
    delivery: deliverySchema,
    materials: materialsSchema,
  })
  .strict();

export type FormFields = z.output<typeof formObjectSchema>;

/** A rule across fields. `reads` are the paths it looks at: it runs once those parsed cleanly. */
export interface FormRule {
  reads: (readonly PropertyKey[])[];
  check(form: FormFields, ctx: z.RefinementCtx, today: string): void;
}
