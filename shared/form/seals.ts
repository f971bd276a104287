import * as z from 'zod';
import { bilingual } from '../errors';
import { EACH, report, uniqueBy, whenValid } from './cross-field';
import { displayNameSchema, usccSchema } from './fields';

/** 公章, 财务专用章, 发票专用章, 合同专用章, 法定代表人名章. */
export const SEAL_KINDS = ['company', 'finance', 'invoice', 'contract', 'legal-representative'] as const;

export const sealsSchema = z
  .object({
    set: z
      .array(
        z
          .enum(SEAL_KINDS)
          .describe(
            'company = 公章, finance = 财务专用章, invoice = 发票专用章, contract = 合同专用章, legal-representative = 法定代表人名章',
          ),
      )
      .min(1, { error: bilingual('Choose the seals to make', '请选择需要刻制的印章'), abort: true })
      .superRefine(
        uniqueBy(
          (kind) => kind,
          () => [],
          'This seal is already chosen',
          '该印章已选择，请勿重复',
        ),
        whenValid([EACH]),
      )
      .superRefine(
        (set, ctx) => {
          if (!set.includes('company')) {
            report(ctx, [], 'The seal set must include the company seal (公章)', '印章中必须包含公章');
          }
        },
        whenValid([EACH]),
      )
      .describe('Seals to make and file'),
    maker: z
      .object({
        name: displayNameSchema.describe('Registered name of the seal maker (刻章企业)'),
        uscc: usccSchema,
      })
      .strict()
      .describe('The seal maker; public security files seals made by makers it has licensed'),
  })
  .strict()
  .describe('Seal making and filing (刻章备案)');
