import { DEFAULT_BUNDLE } from '../../../shared/catalogue/case-plan';
import type { ApplicationForm } from '../../../shared/form';
import { composeCompanyName, SUFFIXES_BY_FORM } from '../../../shared/form/company-name';
import { TRADE_SECTIONS } from '../../../shared/form/form-object';
import { isStreetOf } from '../../../shared/form/guangzhou';
import { getIn, type Json, setIn } from './path';
import { sectionsRead } from './steps';

/** A form being filled in or corrected, kept for the tab so that a reload loses nothing. */
export interface FormDraft {
  form: Json;
  /** Agents only: the founder the application is filed for. */
  onBehalfOf?: string;
  savedAt: string;
}

/** A new application's Idempotency-Key is made with its draft: a retried submission finds the case the first one made. */
export interface Draft extends FormDraft {
  idempotencyKey: string;
}

function emptyForm(channel: ApplicationForm['channel']): Json {
  return {
    bundle: DEFAULT_BUNDLE,
    optionalItems: [],
    channel,
    company: {
      name: {
        region: '广州',
        tradeName: '',
        industry: '',
        organizationForm: '有限公司',
        placement: 'prefix',
        full: '',
      },
      organizationForm: 'limited-liability',
      businessScope: [{ description: '', category: 'general' }],
      address: { city: '广州市', district: '', street: '', detail: '' },
    },
    legalRepresentative: { name: '', idNumber: '', mobile: '', position: 'executive-director' },
    shareholders: [emptyShareholder()],
    directors: [{ name: '', idNumber: '' }],
    supervisoryArrangement: 'supervisor',
    supervisor: { name: '', idNumber: '' },
    contact: { name: '', mobile: '' },
    invoice: { taxpayerType: 'small-scale', invoiceKinds: ['digital-ordinary'], monthlyQuotaCny: 100000 },
    seals: { set: ['company', 'finance', 'invoice'], maker: { name: '', uscc: '' } },
    delivery: emptyDelivery('express'),
    materials: [],
  };
}

export function emptyShareholder(): Json {
  return {
    kind: 'natural-person',
    name: '',
    idNumber: '',
    contributionDeadline: '',
    contributionMethod: 'currency',
  };
}

export function emptyDelivery(method: 'express' | 'pickup'): Json {
  return method === 'express'
    ? {
        method,
        recipient: '',
        mobile: '',
        address: { province: '广东省', city: '广州市', district: '', detail: '' },
      }
    : { method, serviceCentre: 'guangzhou-municipal' };
}

/** A trade section as it starts when an item of the case comes to read it. */
const EMPTY_SECTIONS: Record<(typeof TRADE_SECTIONS)[number], () => Json> = {
  premises: () => ({ foodCategories: [], foodSafetyManager: { name: '', mobile: '' } }),
  clinic: () => ({ medicalSubjects: [''], practitioners: [emptyPractitioner()] }),
  employment: () => ({}),
};

export const emptyPractitioner = (): Json => ({ name: '', licenceNumber: '' });

/** Exactly the trade sections the form's items read are present: a section nobody reads is refused. */
function withTradeSections(form: Json): Json {
  const read = sectionsRead(form as { bundle?: unknown; optionalItems?: unknown });
  let next = form;
  for (const section of TRADE_SECTIONS) {
    const present = getIn(next, section) !== undefined;
    if (read.has(section) && !present) next = setIn(next, section, EMPTY_SECTIONS[section]());
    if (!read.has(section) && present) next = setIn(next, section, undefined);
  }
  return next;
}

export function newDraft(channel: ApplicationForm['channel']): Draft {
  return { form: emptyForm(channel), idempotencyKey: crypto.randomUUID(), savedAt: new Date().toISOString() };
}

/**
 * Fields that follow from others: the full company name is its parts put together, the name's ending
 * follows the company type, a street belongs to the chosen district, and the trade sections follow the
 * items chosen.
 */
export function withDerivedFields(form: Json): Json {
  let next = form;
  const type = getIn(next, 'company.organizationForm') as keyof typeof SUFFIXES_BY_FORM | undefined;
  const suffixes: readonly string[] = type ? (SUFFIXES_BY_FORM[type] ?? []) : [];
  if (suffixes.length > 0 && !suffixes.includes(getIn(next, 'company.name.organizationForm') as string)) {
    next = setIn(next, 'company.name.organizationForm', suffixes[0]);
  }
  const name = getIn(next, 'company.name') as Parameters<typeof composeCompanyName>[0] | undefined;
  if (name) next = setIn(next, 'company.name.full', composeCompanyName(name));
  const district = getIn(next, 'company.address.district') as string;
  const street = getIn(next, 'company.address.street') as string;
  if (street && !isStreetOf(district, street)) next = setIn(next, 'company.address.street', '');
  return withTradeSections(next);
}

/**
 * Drafts are kept in sessionStorage: the tab's own, surviving a reload and a reopened tab, gone with the
 * browser, and removed on sign-out. Help-desk computers are shared, and a draft in localStorage outlived
 * the founder who typed it, ID numbers and all, for the next person at the counter. The session lives in
 * the same storage, so a draft never outlasts the sign-in that made it.
 */
const PREFIX = 'draft:';
const key = (owner: string, scope: string) => `${PREFIX}${owner}:${scope}`;

export function loadDraft<D extends FormDraft>(owner: string, scope: string): D | undefined {
  const saved = sessionStorage.getItem(key(owner, scope));
  return saved ? (JSON.parse(saved) as D) : undefined;
}

export function saveDraft(owner: string, scope: string, draft: FormDraft): void {
  sessionStorage.setItem(key(owner, scope), JSON.stringify(draft));
}

export function removeDraft(owner: string, scope: string): void {
  sessionStorage.removeItem(key(owner, scope));
}

/** Every draft in this browser: the tab's, and any an earlier version left in localStorage. */
export function removeAllDrafts(): void {
  for (const storage of [sessionStorage, localStorage]) {
    const names = Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? '');
    for (const name of names) if (name.startsWith(PREFIX)) storage.removeItem(name);
  }
}
