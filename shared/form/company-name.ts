import * as z from 'zod';
import { bilingual } from '../errors';
import { report, whenValid } from './cross-field';
import { GUANGZHOU_DISTRICT_NAMES } from './guangzhou';

/**
 * A company name is 行政区划 + 字号 + 行业或者经营特点 + 组织形式 (企业名称登记管理规定 2020, 第六条). The
 * form asks for the parts and the full name and checks that they agree, so that every department reads the
 * same name and the registration rules can look at each part.
 */

export const ORGANIZATION_FORMS = [
  'limited-liability',
  'one-person-limited-liability',
  'joint-stock',
] as const;
export type OrganizationForm = (typeof ORGANIZATION_FORMS)[number];

export const NAME_SUFFIXES = ['有限责任公司', '有限公司', '股份有限公司', '股份公司'] as const;
export type NameSuffix = (typeof NAME_SUFFIXES)[number];

/** 公司法 (2023) 第七条: the words each company type must carry in its name. */
export const SUFFIXES_BY_FORM: Record<OrganizationForm, readonly NameSuffix[]> = {
  'limited-liability': ['有限责任公司', '有限公司'],
  'one-person-limited-liability': ['有限责任公司', '有限公司'],
  'joint-stock': ['股份有限公司', '股份公司'],
};

const CITY_REGIONS = ['广州', '广州市'] as const;

/**
 * The region part names where the company is (第七条): the city, or the city and its district — a district
 * name is only used after the city name.
 */
export const NAME_REGIONS: readonly string[] = [
  ...CITY_REGIONS,
  ...GUANGZHOU_DISTRICT_NAMES.map((district) => `广州市${district}`),
];

/** The district a region part names, if it names one: `广州市白云区` → `白云区`. */
export function districtOfRegion(region: string): string | undefined {
  return GUANGZHOU_DISTRICT_NAMES.find((district) => region === `广州市${district}`);
}

// biome-ignore format: a data table, kept in rows
const PROVINCE_LEVEL_NAMES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃',
  '青海', '宁夏', '新疆', '台湾', '香港', '澳门',
];

/** County-level-or-higher region names this form knows, with and without their 省/市/区/自治区 ending. */
const REGION_NAMES = new Set(
  [
    ...PROVINCE_LEVEL_NAMES,
    '广州',
    ...GUANGZHOU_DISTRICT_NAMES.map((district) => district.slice(0, -1)),
  ].flatMap((name) => [name, `${name}省`, `${name}市`, `${name}区`, `${name}自治区`]),
);

/** 第十二条: names carrying these words need State Council approval, which no local filing can give. */
const STATE_RESERVED_WORDS = ['中国', '中华', '中央', '全国', '国家'];

const HAN_ONLY = /^\p{Script=Han}+$/u;

const tradeNameSchema = z
  .string()
  .trim()
  .min(2, bilingual('The trade name has at least 2 Chinese characters', '字号应由两个以上汉字组成'))
  .max(20, bilingual('The trade name has at most 20 characters', '字号最多20个字'))
  .regex(
    HAN_ONLY,
    bilingual(
      'The trade name is written in Chinese characters only: no digits, Latin letters or punctuation',
      '字号只能使用汉字，不能含数字、字母或标点',
    ),
  )
  .refine(
    (tradeName) => !REGION_NAMES.has(tradeName),
    bilingual('A region name cannot be the trade name', '县级以上行政区划名称不得作为字号'),
  )
  .refine(
    (tradeName) => !STATE_RESERVED_WORDS.some((word) => tradeName.includes(word)),
    bilingual(
      'The trade name cannot contain 中国, 中华, 中央, 全国 or 国家: such names need State Council approval',
      '字号不得含有“中国”“中华”“中央”“全国”“国家”等字词（须报国务院批准）',
    ),
  )
  .describe('字号: the distinctive part of the name, 2 or more Chinese characters');

const industrySchema = z
  .string()
  .trim()
  .min(2, bilingual('The industry part has at least 2 Chinese characters', '行业表述至少2个汉字'))
  .max(20, bilingual('The industry part has at most 20 characters', '行业表述最多20个字'))
  .regex(
    HAN_ONLY,
    bilingual('The industry part is written in Chinese characters only', '行业表述只能使用汉字'),
  )
  .describe('行业或者经营特点, e.g. 科技, 信息技术, 餐饮管理');

const regionSchema = z
  .string()
  .trim()
  .refine(
    (region) => NAME_REGIONS.includes(region),
    bilingual(
      'The region part is 广州, 广州市, or 广州市 followed by the district, e.g. 广州市白云区',
      '名称中的行政区划应为“广州”“广州市”或“广州市+区名”，如“广州市白云区”',
    ),
  )
  .describe('行政区划: 广州, 广州市 or 广州市<district>; a district must be the registered district');

export const NAME_PLACEMENTS = ['prefix', 'bracketed'] as const;
export type NamePlacement = (typeof NAME_PLACEMENTS)[number];

export interface CompanyNameParts {
  region: string;
  tradeName: string;
  industry: string;
  organizationForm: NameSuffix;
  placement: NamePlacement;
}

/** `广州云启科技有限公司` (prefix) or `云启（广州）科技有限公司` (bracketed, full-width brackets). */
export function composeCompanyName({
  region,
  tradeName,
  industry,
  organizationForm,
  placement,
}: CompanyNameParts) {
  return placement === 'prefix'
    ? `${region}${tradeName}${industry}${organizationForm}`
    : `${tradeName}（${region}）${industry}${organizationForm}`;
}

export const companyNameSchema = z
  .object({
    region: regionSchema,
    tradeName: tradeNameSchema,
    industry: industrySchema,
    organizationForm: z.enum(NAME_SUFFIXES).describe('组织形式 as written at the end of the name'),
    placement: z
      .enum(NAME_PLACEMENTS)
      .describe(
        'prefix: region first (广州云启科技有限公司); bracketed: region after the trade name (云启（广州）科技有限公司)',
      ),
    full: z.string().trim().describe('The full registered name, exactly the parts put together'),
  })
  .strict()
  .superRefine(
    (name, ctx) => {
      const expected = composeCompanyName(name);
      if (name.full !== expected) {
        report(
          ctx,
          ['full'],
          `The full name must be the parts put together: ${expected} (brackets are full-width （ ）)`,
          `企业名称全称应与各组成部分一致：${expected}（括号为全角“（）”）`,
        );
      }
    },
    whenValid(['region'], ['tradeName'], ['industry'], ['organizationForm'], ['placement'], ['full']),
  )
  .describe('Company name (企业名称) by its parts and in full');
