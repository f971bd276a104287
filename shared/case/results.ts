import { createHash } from 'node:crypto';
import * as z from 'zod';
import { nextWorkingDay } from '../calendar/next-working-day';
import { idWords } from '../catalogue/names';
import type { ApplicationForm } from '../form';
import { districtNamed } from '../form/guangzhou';
import { generateUscc } from '../ids/uscc';
import type { InvoiceResult, IssuedFields, RegistrationResult, SealResult } from './model';

/**
 * What each department issues on approval. Numbers are derived from the case id, so a retried step
 * issues the same numbers again instead of new ones.
 */
function seededRandom(seed: string): () => number {
  let counter = 0;
  return () => {
    const digest = createHash('sha256').update(`${seed}:${counter++}`).digest();
    return digest.readUInt32BE(0) / 2 ** 32;
  };
}

function digits(random: () => number, count: number): string {
  return Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
}

function regionCodeOf(form: ApplicationForm): string {
  return districtNamed(form.company.address.district)?.code ?? '440100';
}

export function registrationResult(
  caseId: string,
  form: ApplicationForm,
  issuedOn: string,
): RegistrationResult {
  const random = seededRandom(`${caseId}:registration`);
  const region = regionCodeOf(form);
  const uscc = generateUscc({ registrationAuthority: '9', entityType: '1', regionCode: region, random });
  return {
    uscc,
    licenceNumber: `${region}${issuedOn.replaceAll('-', '')}${digits(random, 6)}`,
    eLicenceId: `EL${uscc}`,
    companyName: form.company.name.full,
  };
}

export function invoiceResult(
  form: ApplicationForm,
  registration: RegistrationResult | undefined,
): InvoiceResult {
  return {
    taxpayerId: registration?.uscc ?? '',
    taxpayerType: form.invoice.taxpayerType,
    invoiceKinds: [...form.invoice.invoiceKinds],
    monthlyQuotaCny: form.invoice.monthlyQuotaCny,
  };
}

export function sealResult(caseId: string, form: ApplicationForm): SealResult {
  const random = seededRandom(`${caseId}:seal`);
  const region = regionCodeOf(form);
  return {
    seals: form.seals.set.map((kind) => ({ kind, filingNumber: `${region}${digits(random, 7)}` })),
    maker: form.seals.maker.name,
  };
}

export function expressTrackingNumber(caseId: string): string {
  return `SF${digits(seededRandom(`${caseId}:delivery`), 12)}`;
}

/** Letters an item's numbers start with: the initials of its id (food-business-licence → FBL). */
const initialsOf = (item: string) =>
  idWords(item)
    .map((word) => word[0]?.toUpperCase())
    .join('');

/**
 * What an item beyond the first three issues, filled in from its catalogue `results` schema: each date
 * field the next working day after the decision, each other field a number of the item's initials, the
 * district's code and digits seeded by the case, so a retried step issues the same numbers.
 */
export function issuedResult(
  caseId: string,
  item: string,
  form: ApplicationForm,
  results: z.ZodType,
  decidedAt: Date,
): IssuedFields {
  if (!(results instanceof z.ZodObject)) throw new TypeError(`The results of ${item} are not an object`);
  const random = seededRandom(`${caseId}:${item}`);
  const region = regionCodeOf(form);
  return Object.fromEntries(
    Object.entries(results.shape as Record<string, z.ZodType>).map(([field, schema]) => [
      field,
      schema instanceof z.ZodISODate
        ? nextWorkingDay(decidedAt)
        : `${initialsOf(item)}${region}${digits(random, 8)}`,
    ]),
  );
}
