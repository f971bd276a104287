import * as z from 'zod';
import { bilingual } from '../errors';
import { report, whenValid } from './cross-field';
import { GUANGZHOU_CITY, GUANGZHOU_DISTRICT_NAMES, isStreetOf } from './guangzhou';

/** The registered address (住所): one place in Guangzhou, down to the town or street (镇街). */
export const registeredAddressSchema = z
  .object({
    city: z
      .literal(GUANGZHOU_CITY, bilingual('The city is 广州市', '城市应为“广州市”'))
      .describe('Always 广州市'),
    district: z
      .enum(
        GUANGZHOU_DISTRICT_NAMES,
        bilingual('Choose one of Guangzhou’s 11 districts', '请选择广州市的11个区之一'),
      )
      .describe('District (区)'),
    street: z
      .string()
      .trim()
      .describe('Town or street (镇街) of that district, official name, e.g. 京溪街道'),
    detail: z
      .string()
      .trim()
      .min(
        4,
        bilingual('Give the road, number and room of the address', '请填写详细地址（路名、门牌号、房号）'),
      )
      .max(120, bilingual('The detailed address has at most 120 characters', '详细地址最多120个字'))
      .describe('Road, number, building and room'),
  })
  .strict()
  .superRefine(
    (address, ctx) => {
      if (!isStreetOf(address.district, address.street)) {
        report(
          ctx,
          ['street'],
          `Choose a town or street (镇街) of ${address.district} by its official name`,
          `请填写${address.district}所辖镇街的规范名称`,
        );
      }
    },
    whenValid(['district'], ['street']),
  )
  .describe('Registered address (住所) in Guangzhou');
