import { localDate } from '../calendar/local-date';
import type { Item } from '../case/items';
import type { CaseRecord, ItemState } from '../case/model';
import { invoiceResultSchema, registrationResultSchema, sealResultSchema } from '../catalogue/results';
import { publicSecurityBureau, registrationAuthority, taxOffice } from './authorities';
import type { ELicenceData } from './e-licence';
import type { InvoiceApprovalData } from './invoice-approval-notice';
import type { SealFilingData } from './seal-filing-certificate';
import { COMPANY_TYPES, INVOICE_NAMES, SEAL_NAMES, TAXPAYER_NAMES, wordOf } from './wording';

/** Each document's data, from the case alone: its form and what its items issued. */

export interface DocumentOptions {
  /** Where the public verification page is served, without a trailing slash: `${publicBaseUrl}/verify/{uscc}`. */
  publicBaseUrl: string;
  issuedAt: Date;
}

export class NotIssued extends Error {
  override name = 'NotIssued';
}

/** An approved item's state; a document of an item not approved, or not decided, is a programming error. */
function approved(record: CaseRecord, item: Item): ItemState & { decidedAt: string } {
  const state = record.items[item];
  if (state?.status !== 'approved' || state.decidedAt === undefined)
    throw new NotIssued(`Case ${record.id} has no approved ${item}`);
  return { ...state, decidedAt: state.decidedAt };
}

const registrationOf = (record: CaseRecord) =>
  registrationResultSchema.parse(approved(record, 'registration').result);

export const verificationUrl = (publicBaseUrl: string, uscc: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(uscc)}`;

export function eLicenceData(record: CaseRecord, options: DocumentOptions): ELicenceData {
  const { company, legalRepresentative } = record.form;
  const registration = registrationOf(record);
  const scope = (category: string) =>
    company.businessScope.filter((entry) => entry.category === category).map((entry) => entry.description);
  return {
    companyName: registration.companyName,
    uscc: registration.uscc,
    companyType: wordOf(COMPANY_TYPES, company.organizationForm),
    legalRepresentative: legalRepresentative.name,
    registeredCapitalCny: company.registeredCapitalCny,
    establishedOn: localDate(approved(record, 'registration').decidedAt),
    address: `${company.address.city}${company.address.district}${company.address.street}${company.address.detail}`,
    businessScope: { general: scope('general'), licensed: scope('licensed') },
    issuedBy: registrationAuthority(company.address.district),
    verificationUrl: verificationUrl(options.publicBaseUrl, registration.uscc),
    issuedAt: options.issuedAt,
  };
}

export function sealFilingData(record: CaseRecord, options: DocumentOptions): SealFilingData {
  const state = approved(record, 'seal');
  const seal = sealResultSchema.parse(state.result);
  const registration = registrationOf(record);
  return {
    companyName: registration.companyName,
    uscc: registration.uscc,
    seals: seal.seals.map(({ kind, filingNumber }) => ({ name: wordOf(SEAL_NAMES, kind), filingNumber })),
    maker: seal.maker,
    bureau: publicSecurityBureau(record.form.company.address.district),
    filedOn: localDate(state.decidedAt),
    issuedAt: options.issuedAt,
  };
}

export function invoiceApprovalData(record: CaseRecord, options: DocumentOptions): InvoiceApprovalData {
  const state = approved(record, 'invoice');
  const invoice = invoiceResultSchema.parse(state.result);
  const registration = registrationOf(record);
  return {
    companyName: registration.companyName,
    uscc: invoice.taxpayerId || registration.uscc,
    taxpayerType: wordOf(TAXPAYER_NAMES, invoice.taxpayerType),
    invoiceKinds: invoice.invoiceKinds.map((kind) => wordOf(INVOICE_NAMES, kind)),
    monthlyQuotaCny: invoice.monthlyQuotaCny,
    taxOffice: taxOffice(record.form.company.address.district),
    approvedOn: localDate(state.decidedAt),
    issuedAt: options.issuedAt,
  };
}
