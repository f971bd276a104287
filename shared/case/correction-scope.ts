import type { FieldError } from '../errors';
import { changedPaths } from './changes';
import { type Item, itemName } from './items';

/**
 * What a correction answer may change: the fields the open requests' reasons name, and what lies below
 * them. The founder sends the whole form, but the departments listed every problem at once (一次性告知):
 * the rest was approved or never questioned, and changing it here would let a seal correction rename a
 * registered company behind market regulation's back (OWASP API3:2023, Broken Object Property Level
 * Authorization). docs/form-rules.md, "Correction answers".
 */

export interface OpenRequest {
  item: Item;
  reasons: readonly { path: string }[];
}

/** Thrown before anything is stored: the command answers it with a 400 naming each field. */
export class AnswerOutsideRequests extends Error {
  override name = 'AnswerOutsideRequests';

  constructor(readonly fields: FieldError[]) {
    super(
      `The answer changes fields no open correction request names: ${fields.map((f) => f.path).join(', ')}`,
    );
  }
}

/** Is `path` the field `ancestor` or below it? `company.name` covers neither `company.nameX` nor the root. */
export function isWithin(path: string, ancestor: string): boolean {
  if (ancestor === '' || ancestor === '(root)') return false;
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}

/**
 * Fields the form's own rules tie to a requested one, so that the answer can pass them: the full name is
 * its parts put together (名称规定 第六条) and the name's organisation form follows the company type (公司法
 * 第七条); the town or street belongs to the district.
 */
const TIED: readonly { requested: string; also: string }[] = [
  { requested: 'company.name', also: 'company.name' },
  { requested: 'company.organizationForm', also: 'company.name' },
  { requested: 'company.address.district', also: 'company.address.street' },
];

function requestedPaths(open: readonly OpenRequest[]): string[] {
  const named = open.flatMap((request) => request.reasons.map((reason) => reason.path));
  const tied = TIED.filter((tie) => named.some((path) => isWithin(path, tie.requested))).map(
    (tie) => tie.also,
  );
  return [...named, ...tied];
}

/** The changes from `before` to `after` that no open request asks for, each as a field error at its path. */
export function fieldsOutsideRequests(
  before: unknown,
  after: unknown,
  open: readonly OpenRequest[],
): FieldError[] {
  const requested = requestedPaths(open);
  const items = [...new Set(open.map((request) => request.item))].map(itemName);
  return changedPaths(before, after)
    .filter((path) => !requested.some((ancestor) => isWithin(path, ancestor)))
    .map((path) => outsideRequests(path, items));
}

function outsideRequests(path: string, items: { en: string; zh: string }[]): FieldError {
  const part = PARTS.find((candidate) => isWithin(path, candidate.path)) ?? { en: path, zh: path };
  const en = items.map((item) => item.en).join(' and ');
  const zh = items.map((item) => item.zh).join('、');
  return {
    path,
    message:
      `The open correction requests (${en}) ask about other fields; the ${part.en} cannot change in this ` +
      'answer. Changing it needs a new application, or a correction request from the department concerned.',
    message_zh:
      `本次补正只涉及${zh}的补正要求所列事项，${part.zh}不在其中，不能在此修改。` +
      '如需修改，请重新提交申请，或待相关部门提出补正要求。',
  };
}

/** What a person calls each part of the form, the most specific first. */
const PARTS: readonly { path: string; en: string; zh: string }[] = [
  { path: 'company.name', en: 'company name', zh: '企业名称' },
  { path: 'company.address', en: 'registered address', zh: '住所' },
  { path: 'company.businessScope', en: 'business scope', zh: '经营范围' },
  { path: 'company.registeredCapitalCny', en: 'registered capital', zh: '注册资本' },
  { path: 'company.organizationForm', en: 'company type', zh: '公司类型' },
  { path: 'company', en: 'company details', zh: '企业信息' },
  { path: 'legalRepresentative', en: 'legal representative', zh: '法定代表人' },
  { path: 'shareholders', en: 'shareholders', zh: '股东' },
  { path: 'directors', en: 'directors', zh: '董事' },
  { path: 'supervisoryArrangement', en: 'supervisory arrangement', zh: '监督机构' },
  { path: 'supervisor', en: 'supervisor', zh: '监事' },
  { path: 'manager', en: 'manager', zh: '经理' },
  { path: 'contact', en: 'registration contact', zh: '联络员' },
  { path: 'invoice', en: 'invoice application', zh: '发票申领' },
  { path: 'seals', en: 'seals', zh: '刻章备案' },
  { path: 'delivery', en: 'delivery of the licences', zh: '证照领取' },
  { path: 'materials', en: 'materials', zh: '申请材料' },
  { path: 'channel', en: 'filing channel', zh: '申请渠道' },
];
