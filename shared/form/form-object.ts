import * as z from 'zod';
import { bilingual } from '../errors';
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
import { clinicSchema, employmentSchema, premisesSchema } from './trade-sections';

export const CHANNELS = ['web', 'mini-program', 'api', 'service-counter'] as const;

/** The form's fields, each checked on its own; the rules across them are added in `schema.ts`. */
export const formObjectSchema = z
  .object({
    bundle: z
      .string()
      .regex(
        /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
        bilingual('Choose what you are opening from the list', '请从列表中选择要办理的一件事'),
      )
      .optional()
      .describe(
        'The bundle (一件事) the case is opened as: GET /api/catalogue lists them; company-opening when absent',
      ),
    optionalItems: z
      .array(
        z
          .string()
          .regex(
            /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
            bilingual('Choose the items from the list', '请从列表中选择事项'),
          ),
      )
      .max(20)
      .optional()
      .describe(
        'Items the founder adds to the bundle (its optionalItems: social insurance, housing fund, a bank appointment)',
      ),
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
    premises: premisesSchema.optional(),
    clinic: clinicSchema.optional(),
    employment: employmentSchema.optional(),
  })
  .strict();

export type FormFields = z.output<typeof formObjectSchema>;

/** A rule across fields. `reads` are the paths it looks at: it runs once those parsed cleanly. */
export interface FormRule {
  reads: (readonly PropertyKey[])[];
  check(form: FormFields, ctx: z.RefinementCtx, today: string): void;
}

/** Every section of the form, as the catalogue names the ones an item reads. */
export const FORM_SECTIONS = Object.keys(formObjectSchema.shape) as [
  keyof FormFields,
  ...(keyof FormFields)[],
];

/** The sections asked only when an item of the case reads them, and refused otherwise. */
export const TRADE_SECTIONS = [
  'premises',
  'clinic',
  'employment',
] as const satisfies readonly (keyof FormFields)[];
