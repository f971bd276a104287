import * as z from 'zod';
import { bilingual } from '../errors';
import { displayNameSchema, mobileSchema } from './fields';
import { GUANGZHOU_DISTRICTS } from './guangzhou';

/** Where results can be collected: the municipal centre and each district's government service centre. */
export const SERVICE_CENTRES = [
  { id: 'guangzhou-municipal', name: '广州市政务服务中心' },
  ...GUANGZHOU_DISTRICTS.map((district) => ({
    id: `${district.slug}-district`,
    name: `广州市${district.name}政务服务中心`,
  })),
] as const;

const SERVICE_CENTRE_IDS = SERVICE_CENTRES.map((centre) => centre.id) as [string, ...string[]];

const requiredText = (description: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, bilingual('Fill in this part of the delivery address', '请填写收件地址的这一部分'))
    .max(max, bilingual(`At most ${max} characters`, `最多${max}个字`))
    .describe(description);

const pickupSchema = z
  .object({
    method: z.literal('pickup'),
    serviceCentre: z.enum(SERVICE_CENTRE_IDS).describe('The government service centre to collect from'),
  })
  .strict()
  .describe('Collect the licence and seals in person: one trip');

const expressSchema = z
  .object({
    method: z.literal('express'),
    recipient: displayNameSchema.describe('Addressee'),
    mobile: mobileSchema,
    address: z
      .object({
        province: requiredText('Province-level division, e.g. 广东省', 20),
        city: requiredText('City, e.g. 广州市', 20),
        district: requiredText('District or county, e.g. 白云区', 20),
        detail: requiredText('Street, number, building and room', 120),
      })
      .strict()
      .describe('Delivery address anywhere in mainland China'),
  })
  .strict()
  .describe('Send the licence and seals by express post: no trip');

export const deliverySchema = z
  .discriminatedUnion('method', [pickupSchema, expressSchema], {
    error: bilingual(
      'Choose the delivery method: pickup or express',
      '请选择领取方式：pickup（窗口领取）或 express（邮寄）',
    ),
  })
  .describe('How the founder receives the results');
