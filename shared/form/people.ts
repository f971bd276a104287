import * as z from 'zod';
import { bilingual } from '../errors';
import { EACH, report, uniqueBy, whenValid } from './cross-field';
import {
  calendarDateSchema,
  displayNameSchema,
  mobileSchema,
  personNameSchema,
  residentIdSchema,
  usccSchema,
  yuanSchema,
} from './fields';

/** A natural person known by the resident identity card. */
export const personSchema = z
  .object({ name: personNameSchema, idNumber: residentIdSchema })
  .strict()
  .describe('A natural person with a mainland resident identity card');

export const LEGAL_REPRESENTATIVE_POSITIONS = ['chairman', 'executive-director', 'manager'] as const;

export const legalRepresentativeSchema = z
  .object({
    name: personNameSchema,
    idNumber: residentIdSchema,
    mobile: mobileSchema,
    position: z
      .enum(LEGAL_REPRESENTATIVE_POSITIONS)
      .describe('The office that makes this person legal representative: 董事长, 执行公司事务的董事 or 经理'),
  })
  .strict()
  .describe('法定代表人: a director who executes the company’s affairs, or the manager (公司法 第十条)');

/** 公司法 (2023) 第四十八条 lists these, and creditor's rights (债权), which this form does not take yet. */
export const CONTRIBUTION_METHODS = [
  'currency',
  'in-kind',
  'intellectual-property',
  'land-use-right',
  'equity',
] as const;

const contribution = {
  subscribedCapitalCny: yuanSchema({ en: 'Subscribed capital', zh: '认缴出资额' }).describe(
    'Subscribed capital (认缴出资额) in whole yuan',
  ),
  contributionDeadline: calendarDateSchema.describe(
    'Date by which the capital is paid in (出资日期), YYYY-MM-DD',
  ),
  contributionMethod: z.enum(CONTRIBUTION_METHODS).describe('出资方式'),
};

const naturalPersonShareholderSchema = z
  .object({
    kind: z.literal('natural-person'),
    name: personNameSchema,
    idNumber: residentIdSchema,
    ...contribution,
  })
  .strict()
  .describe('A natural-person shareholder (自然人股东)');

const legalPersonShareholderSchema = z
  .object({
    kind: z.literal('legal-person'),
    name: displayNameSchema.describe('Registered name of the shareholding organisation'),
    uscc: usccSchema,
    ...contribution,
  })
  .strict()
  .describe('A shareholder that is a company or other organisation (法人股东)');

export const shareholderSchema = z.discriminatedUnion(
  'kind',
  [naturalPersonShareholderSchema, legalPersonShareholderSchema],
  {
    error: bilingual(
      'Say what kind of shareholder this is: natural-person or legal-person',
      '请选择股东类型：natural-person（自然人）或 legal-person（法人）',
    ),
  },
);

/**
 * The bound here is the largest any company type allows (200 promoters, 公司法 第九十二条); the count for
 * each type is a rule across fields.
 */
export const shareholdersSchema = z
  .array(shareholderSchema)
  .min(1, bilingual('A company has at least one shareholder', '公司至少有一名股东'))
  .max(200, bilingual('A company has at most 200 shareholders', '股东最多200名'))
  .superRefine(
    uniqueBy(
      (shareholder) =>
        shareholder.kind === 'natural-person' ? `id:${shareholder.idNumber}` : `uscc:${shareholder.uscc}`,
      (shareholder) => [shareholder.kind === 'natural-person' ? 'idNumber' : 'uscc'],
      'This shareholder is already listed: combine the two entries into one',
      '该股东已列出，请合并为一条记录',
    ),
    whenValid([EACH, 'kind'], [EACH, 'idNumber'], [EACH, 'uscc']),
  )
  .describe('Shareholders (股东) or, for a joint-stock company, promoters (发起人)');

/**
 * A board has 3 or more members (公司法 第六十八条, and 第一百二十条 for joint-stock companies); a small company
 * may instead have one director (第七十五条, 第一百二十八条).
 */
export const directorsSchema = z
  .array(personSchema)
  .min(1, bilingual('Name at least one director', '至少填写一名董事'))
  .max(50, bilingual('Name at most 50 directors', '董事最多50名'))
  .superRefine((directors, ctx) => {
    if (directors.length === 2) {
      report(
        ctx,
        [],
        'Name one director (no board) or a board of 3 or more: a board cannot have 2 members',
        '应设一名董事（不设董事会）或三人以上的董事会，不能只有两名董事',
      );
    }
  }, whenValid())
  .superRefine(
    uniqueBy(
      (director) => director.idNumber,
      () => ['idNumber'],
      'This person is already listed as a director',
      '该人员已列为董事，请勿重复',
    ),
    whenValid([EACH, 'idNumber']),
  )
  .describe('Directors (董事): one director, or a board of three or more');

export const SUPERVISORY_ARRANGEMENTS = ['supervisor', 'audit-committee', 'none-by-consent'] as const;

export const supervisoryArrangementSchema = z
  .enum(SUPERVISORY_ARRANGEMENTS)
  .describe(
    'supervisor: one supervisor (第八十三条/第一百三十三条); audit-committee: an audit committee of the board ' +
      'instead (第六十九条/第一百二十一条); none-by-consent: no supervisor, all shareholders agreeing (第八十三条, limited liability only)',
  );

export const contactSchema = z
  .object({
    name: displayNameSchema.describe('Who the departments call about this application'),
    mobile: mobileSchema,
    email: z.email(bilingual('Enter a valid e-mail address', '请输入有效的电子邮箱')).optional(),
  })
  .strict()
  .describe('Contact person for this application (联络员)');
