import * as z from 'zod';
import { bilingual } from '../errors';
import { uniqueBy, whenValid } from './cross-field';
import { mobileSchema, personNameSchema } from './fields';

/**
 * The sections only some items read: a restaurant's premises, a clinic's practice, the employer's staff.
 * The catalogue says which items read them (`formFields`); the application asks a section exactly when
 * one of its items does (shared/catalogue/application-rules.ts). Sources: docs/catalogue.md, "The form".
 */

const count = (en: string, zh: string, max: number) =>
  z
    .number({ error: bilingual(`${en} is a whole number`, `${zh}应为整数`) })
    .int(bilingual(`${en} is a whole number`, `${zh}应为整数`))
    .min(0, bilingual(`${en} is 0 or more`, `${zh}不能为负数`))
    .max(max, bilingual(`${en} is at most ${max.toLocaleString('en')}`, `${zh}最多${max}`));

/**
 * The catering categories (经营项目) a food business licence names under 食品经营许可和备案管理办法 (2023):
 * 热食类、冷食类、生食类食品制售, 半成品制售 (central kitchens only), 自制饮品制售 — as a licensing agent
 * summarises the rule (m.haoshunjia.com/zzxk/1261448.html); the article was not read (docs/catalogue.md).
 */
export const FOOD_CATEGORIES = [
  'hot-food',
  'cold-food',
  'raw-food',
  'semi-finished-food',
  'self-made-drinks',
] as const;

/** Also the determinants' answer `premisesAreaM2` (shared/catalogue/answers.ts). */
export const premisesAreaSchema = z
  .number({ error: bilingual('The premises area is a number of square metres', '经营场所面积应为平方米数') })
  .positive(bilingual('The premises area is more than 0 m²', '经营场所面积应大于0平方米'))
  .max(1_000_000, bilingual('The premises area is at most 1,000,000 m²', '经营场所面积最多1,000,000平方米'));

/** Also the determinants' answer `employees`. */
export const employeesSchema = count('The number of employees', '职工人数', 1_000_000);

export const premisesSchema = z
  .object({
    areaM2: premisesAreaSchema.describe('Floor area of the premises in m² (经营场所面积)'),
    foodCategories: z
      .array(
        z.enum(FOOD_CATEGORIES, {
          error: bilingual('Choose a food business category from the list', '请从列表中选择食品经营项目'),
        }),
      )
      .min(1, bilingual('Choose at least one food business category', '请至少选择一项食品经营项目'))
      .max(FOOD_CATEGORIES.length)
      .superRefine(
        uniqueBy(
          (category) => category,
          () => [],
          'This category is chosen twice',
          '该经营项目重复选择',
        ),
        whenValid(),
      )
      .describe('The food business categories (经营项目) the licence is asked for'),
    foodSafetyManager: z
      .object({ name: personNameSchema, mobile: mobileSchema })
      .strict()
      .describe('The food-safety manager (食品安全管理人员)'),
    fireSafetyCommitment: z
      .boolean({
        error: bilingual('Say whether you sign the fire-safety commitment', '请选择是否作出消防安全告知承诺'),
      })
      .describe(
        'true: the founder signs the fire-safety commitment (告知承诺) instead of waiting for the check',
      ),
  })
  .strict()
  .describe('The premises of a restaurant: what the food licence and the fire-safety inspection read');

export const clinicSchema = z
  .object({
    medicalSubjects: z
      .array(
        z
          .string()
          .trim()
          .min(1, bilingual('Name the medical subject', '请填写诊疗科目'))
          .max(50, bilingual('A medical subject has at most 50 characters', '诊疗科目最多50个字符')),
      )
      .min(1, bilingual('Name at least one medical subject', '请至少填写一个诊疗科目'))
      .max(20, bilingual('At most 20 medical subjects', '最多20个诊疗科目'))
      .describe('The medical subjects (诊疗科目) the clinic practises, as named in the official list'),
    beds: count('The number of beds', '床位数', 1000).describe('Beds (床位)'),
    practitioners: z
      .array(
        z
          .object({
            name: personNameSchema,
            licenceNumber: z
              .string()
              .trim()
              .regex(
                /^[0-9A-Za-z]{1,30}$/,
                bilingual(
                  'The practising certificate number has 1–30 letters or digits',
                  '执业证书编码应为1至30位字母或数字',
                ),
              )
              .describe("The practitioner's practising certificate number (执业证书编码)"),
          })
          .strict(),
      )
      .min(1, bilingual('Name at least one practitioner', '请至少填写一名执业人员'))
      .max(50, bilingual('At most 50 practitioners', '最多50名执业人员'))
      .superRefine(
        uniqueBy(
          (practitioner) => practitioner.licenceNumber,
          () => ['licenceNumber'],
          'The same practising certificate is listed twice',
          '同一执业证书重复填写',
        ),
        whenValid(),
      )
      .describe('The practitioners (执业人员) and their practising certificates'),
  })
  .strict()
  .describe('The practice of a clinic: what its registration or filing reads');

export const employmentSchema = z
  .object({
    employees: employeesSchema.describe('Employees the company takes on at opening (职工人数)'),
  })
  .strict()
  .describe('The employer: what social insurance and housing fund registration read');
