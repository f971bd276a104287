import * as z from 'zod';

/** What the three company-opening items issue; the newer items declare theirs in the catalogue data. */

export const registrationResultSchema = z
  .object({ uscc: z.string(), licenceNumber: z.string(), eLicenceId: z.string(), companyName: z.string() })
  .describe('Enterprise registration: the unified social credit code and the business licence');
export const invoiceResultSchema = z
  .object({
    taxpayerId: z.string(),
    taxpayerType: z.enum(['small-scale', 'general']),
    invoiceKinds: z.array(z.string()),
    monthlyQuotaCny: z.number(),
  })
  .describe('Invoice application: the taxpayer confirmation and the digital-invoice quota');
export const sealResultSchema = z
  .object({ seals: z.array(z.object({ kind: z.string(), filingNumber: z.string() })), maker: z.string() })
  .describe('Seal filing: one filing number per seal');

/**
 * What any other item issues: numbers and dates, named by the item's `results` schema (each field a
 * string: an identifier, or an ISO date). `issuedResult` in shared/case/results.ts fills one in.
 */
export const issuedFieldsSchema = z
  .record(z.string(), z.string())
  .describe("An item's issued numbers and dates, keyed as its catalogue `results` schema names them");
