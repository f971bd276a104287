import * as z from 'zod';
import { FORM_SECTIONS } from '../form/form-object';
import { ANSWER_IDS } from './answers';
import { determinantSchema } from './determinant';
import { issuedDocumentSchema } from './document';
import { legalBasisSchema, statutoryLimitSchema } from './legal-basis';
import { materialSchema } from './material';
import { catalogueIdSchema, namesSchema } from './names';

/** The keys of `InstantApprovalRules` (shared/case/instant-approval.ts): the items approved by rule today. */
export const INSTANT_APPROVAL_RULE_SETS = ['registration', 'invoice', 'seal'] as const;

/** What an item issues, as a zod schema (the USCC and licence number of a registration). */
const resultsSchema = z.custom<z.ZodType>((value) => value instanceof z.ZodType, {
  message: 'results is a zod schema',
});

/** One item (事项) a department decides. */
export const itemSchema = z
  .object({
    id: catalogueIdSchema,
    name: namesSchema,
    department: catalogueIdSchema,
    statutoryLimitWorkingDays: statutoryLimitSchema,
    /** null only for a service no law governs as an administrative item (a bank's). */
    legalBasis: legalBasisSchema.nullable(),
    dependsOn: z.array(catalogueIdSchema),
    /** Within the bundle, the item applies only when these hold (empty: always). */
    appliesWhen: z.array(determinantSchema).default([]),
    /** Which of today's instant-approval rule sets decides it by rule; null: always an officer. */
    instantApproval: z.enum(INSTANT_APPROVAL_RULE_SETS).nullable(),
    materials: z.array(materialSchema),
    /** The sections of the application form (shared/form) its department reads: the composed form asks them. */
    formFields: z.array(z.enum(FORM_SECTIONS)).min(1),
    /** Whether its department sees people's full ID numbers and mobiles (else masked). */
    fullIdentity: z.boolean(),
    /** The answers its determinants and its department read (shared/catalogue/answers.ts). */
    answers: z.array(z.enum(ANSWER_IDS)),
    results: resultsSchema,
    /** What the founder is given once the item is approved (empty: nothing the platform renders). */
    documents: z.array(issuedDocumentSchema).default([]),
    onSiteInspection: z.boolean(),
  })
  .strict()
  .refine(
    (item) => typeof item.statutoryLimitWorkingDays !== 'number' || item.legalBasis?.quote !== undefined,
    { path: ['legalBasis', 'quote'], message: 'a limit in working days quotes the article it comes from' },
  )
  .refine((item) => item.legalBasis !== null || item.statutoryLimitWorkingDays === 'none', {
    path: ['legalBasis'],
    message: 'an item without a legal basis has no statutory limit (none)',
  });
export type CatalogueItem = z.output<typeof itemSchema>;
