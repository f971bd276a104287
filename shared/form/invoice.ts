import * as z from 'zod';
import { bilingual } from '../errors';
import { EACH, uniqueBy, whenValid } from './cross-field';
import { yuanSchema } from './fields';

export const TAXPAYER_TYPES = ['small-scale', 'general'] as const;
export const INVOICE_KINDS = ['digital-ordinary', 'digital-special'] as const;

/** The tax department's first digital-invoice (数电票) issue: taxpayer type, invoice kinds and monthly quota. */
export const invoiceSchema = z
  .object({
    taxpayerType: z.enum(TAXPAYER_TYPES).describe('small-scale = 小规模纳税人, general = 一般纳税人'),
    invoiceKinds: z
      .array(z.enum(INVOICE_KINDS).describe('digital-ordinary = 数电普票, digital-special = 数电专票'))
      .min(1, bilingual('Choose at least one kind of invoice', '请至少选择一种发票'))
      .superRefine(
        uniqueBy(
          (kind) => kind,
          () => [],
          'This kind of invoice is already chosen',
          '该发票种类已选择，请勿重复',
        ),
        whenValid([EACH]),
      )
      .describe('Kinds of digital invoice to issue'),
    monthlyQuotaCny: yuanSchema({ en: 'The monthly invoicing quota', zh: '每月开票额度' }).describe(
      'Requested monthly total invoicing quota (开具发票总额度) in whole yuan',
    ),
  })
  .strict()
  .describe('Invoice application (发票申领)');
