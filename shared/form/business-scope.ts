import * as z from 'zod';
import { bilingual } from '../errors';
import { EACH, uniqueBy, whenValid } from './cross-field';

/**
 * 经营范围: general items (一般项目) need no permit; licensed items (许可项目) need one, before or after
 * registration (市场主体登记管理条例 第十四条), and keep a registration from instant approval.
 */
export const SCOPE_CATEGORIES = ['general', 'licensed'] as const;

const scopeItemSchema = z
  .object({
    description: z
      .string()
      .trim()
      .min(2, bilingual('Describe the business item in at least 2 characters', '经营项目描述至少2个字'))
      .max(100, bilingual('A business item has at most 100 characters', '经营项目描述最多100个字'))
      .describe('The item as worded in the SAMR business scope catalogue (经营范围规范表述)'),
    category: z.enum(SCOPE_CATEGORIES).describe('general = 一般项目, licensed = 许可项目'),
  })
  .strict();

export const businessScopeSchema = z
  .array(scopeItemSchema)
  .min(1, bilingual('List at least one business item', '经营范围至少填写一项'))
  .max(50, bilingual('List at most 50 business items', '经营范围最多填写50项'))
  .superRefine(
    uniqueBy(
      (item) => item.description,
      () => ['description'],
      'This business item is already listed',
      '该经营项目已填写，请勿重复',
    ),
    whenValid([EACH, 'description']),
  )
  .describe('Business scope (经营范围)');
