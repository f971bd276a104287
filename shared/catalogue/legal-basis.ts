import * as z from 'zod';

/**
 * Where a rule comes from: the instrument, its article and where it is published. `quote` is the text
 * relied on, as read at `readAt`; without a quote the limit cannot be a number (`note` says what is missing).
 */
export const legalBasisSchema = z
  .object({
    law: z.string().min(1),
    article: z.string().min(1),
    publishedIn: z.string().min(1),
    quote: z.string().min(1).optional(),
    readAt: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict();
export type LegalBasis = z.output<typeof legalBasisSchema>;

/**
 * The most the law allows the department, in working days: a number only where an article we read says
 * so; `to-confirm` where it could not be verified; `none` for a service no law times (a bank's).
 */
export const statutoryLimitSchema = z.union([
  z.number().int().min(0),
  z.literal('to-confirm'),
  z.literal('none'),
]);
export type StatutoryLimit = z.output<typeof statutoryLimitSchema>;
