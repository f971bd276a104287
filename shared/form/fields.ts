import * as z from 'zod';
import { bilingual } from '../errors';
import { isValidMobile, normalizeMobile } from '../ids/mobile';
import { checkResidentId, type ResidentIdProblem } from '../ids/resident-id';
import { checkUscc, type UsccProblem } from '../ids/uscc';

/**
 * Field types shared by several parts of the form. Messages never repeat an ID or phone number: they are
 * personal data and error bodies end up in logs and screenshots.
 */

const HAN = '\\p{Script=Han}';

/** A name as written on a resident identity card: Han characters, minority names joined with `·`. */
export const personNameSchema = z
  .string()
  .trim()
  .min(2, bilingual('A name has at least 2 characters', '姓名至少2个字'))
  .max(30, bilingual('A name has at most 30 characters', '姓名最多30个字'))
  .regex(
    new RegExp(`^${HAN}+(?:·${HAN}+)*$`, 'u'),
    bilingual(
      'Write the name in Chinese characters as on the identity card; join parts of a minority name with "·"',
      '请按身份证填写中文姓名；少数民族姓名各部分用“·”连接',
    ),
  )
  .describe('Full name as on the resident identity card (居民身份证姓名)');

/** A name of a company, a person or an addressee where no identity card fixes the spelling. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(2, bilingual('A name has at least 2 characters', '名称至少2个字'))
  .max(100, bilingual('A name has at most 100 characters', '名称最多100个字'));

const residentIdMessages: Record<ResidentIdProblem, string> = {
  length: bilingual('A resident ID number has 18 characters', '公民身份号码应为18位'),
  charset: bilingual(
    'A resident ID number is 17 digits followed by a digit or X',
    '公民身份号码应为17位数字加1位数字或X',
  ),
  province: bilingual(
    'The first two digits of a resident ID number must be a mainland province code',
    '公民身份号码前两位应为内地省级行政区划代码',
  ),
  'birth-date': bilingual(
    'Digits 7–14 of the resident ID number must be a real birth date between 1900 and today',
    '公民身份号码第7至14位应为1900年至今的真实出生日期',
  ),
  'check-digit': bilingual(
    'The resident ID number fails its check digit (GB 11643): please check it for a typo',
    '公民身份号码校验码不正确（GB 11643），请核对是否输错',
  ),
};

/**
 * GB 11643-1999 citizen identity number; a lowercase x is read as X. The birth date is bounded by today's
 * date; the age rules, which depend on the submission date, are rules across fields.
 */
export const residentIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((id, ctx) => {
    const check = checkResidentId(id);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: residentIdMessages[check.reason] });
  })
  .describe('18-character mainland resident identity number (公民身份号码, GB 11643-1999)');

const usccMessages: Record<UsccProblem, string> = {
  length: bilingual('A unified social credit code has 18 characters', '统一社会信用代码应为18位'),
  charset: bilingual(
    'A unified social credit code uses only digits and capital letters other than I, O, S, V and Z',
    '统一社会信用代码只能由数字和除I、O、S、V、Z以外的大写字母组成',
  ),
  'check-digit': bilingual(
    'The unified social credit code fails its check character (GB 32100): please check it for a typo',
    '统一社会信用代码校验码不正确（GB 32100），请核对是否输错',
  ),
  'region-code': bilingual(
    'Characters 3–8 of a unified social credit code are the six-digit region code',
    '统一社会信用代码第3至8位应为6位数字行政区划码',
  ),
  'organization-code': bilingual(
    'Characters 9–17 of the unified social credit code fail the organisation code check (GB 11714)',
    '统一社会信用代码第9至17位不符合组织机构代码校验规则（GB 11714）',
  ),
};

/** GB 32100-2015 unified social credit code; lowercase letters are read as capitals. */
export const usccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const check = checkUscc(code);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: usccMessages[check.reason] });
  })
  .describe('18-character unified social credit code (统一社会信用代码, GB 32100-2015)');

/** Accepts `+86 138-0013-8000` and the like; the parsed value is the bare 11 digits. */
export const mobileSchema = z
  .string()
  .trim()
  .refine(
    isValidMobile,
    bilingual(
      'Enter a mainland mobile number: 11 digits starting with a valid 13x–19x prefix, optionally after +86',
      '请输入内地手机号码：以有效号段（13x至19x）开头的11位数字，可带+86',
    ),
  )
  .transform((mobile) => normalizeMobile(mobile) ?? mobile)
  .describe('Mainland mobile number; +86, spaces and hyphens are accepted and removed');

export const calendarDateSchema = z.iso.date(
  bilingual('Enter a real date as YYYY-MM-DD', '请按YYYY-MM-DD填写真实日期'),
);

/** Whole yuan, because registration and tax forms state amounts in yuan. */
export function yuanSchema(what: { en: string; zh: string }) {
  return z
    .number({
      error: bilingual(`Fill in ${what.en.toLowerCase()} as a number of yuan`, `请填写${what.zh}（元）`),
    })
    .int(bilingual(`${what.en} is a whole number of yuan`, `${what.zh}应为整数元`))
    .positive(bilingual(`${what.en} must be more than 0 yuan`, `${what.zh}应大于0元`));
}
