import type { LocalDate } from '../calendar/local-date';
import type { ORGANIZATION_FORMS } from '../form/company-name';
import type { INVOICE_KINDS, TAXPAYER_TYPES } from '../form/invoice';
import type { SEAL_KINDS } from '../form/seals';

/** How the documents word the form's codes: the Chinese each code's schema description gives. */

export const COMPANY_TYPES: Record<(typeof ORGANIZATION_FORMS)[number], string> = {
  'limited-liability': '有限责任公司',
  'one-person-limited-liability': '一人有限责任公司',
  'joint-stock': '股份有限公司',
};

export const SEAL_NAMES: Record<(typeof SEAL_KINDS)[number], string> = {
  company: '公章',
  finance: '财务专用章',
  invoice: '发票专用章',
  contract: '合同专用章',
  'legal-representative': '法定代表人名章',
};

export const INVOICE_NAMES: Record<(typeof INVOICE_KINDS)[number], string> = {
  'digital-ordinary': '数电发票（普通发票）',
  'digital-special': '数电发票（增值税专用发票）',
};

export const TAXPAYER_NAMES: Record<(typeof TAXPAYER_TYPES)[number], string> = {
  'small-scale': '小规模纳税人',
  general: '一般纳税人',
};

/** A code the wording does not know prints as itself: a document is never refused for a new code. */
export const wordOf = (names: Readonly<Record<string, string>>, code: string): string => names[code] ?? code;

/** 2026-12-02 → 2026年12月02日, as Chinese certificates date themselves. */
export function chineseDate(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  return `${year}年${month}月${day}日`;
}

/** Whole yuan: 1000000 → 人民币100万元; an amount not in whole 万 keeps its yuan. */
export function yuanAmount(amount: number): string {
  return amount % 10_000 === 0 ? `人民币${amount / 10_000}万元` : `人民币${amount}元`;
}
