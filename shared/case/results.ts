import { createHash } from 'node:crypto';
import type { ApplicationForm } from '../form';
import { districtNamed } from '../form/guangzhou';
import { generateUscc } from '../ids/uscc';
import type { InvoiceResult, RegistrationResult, SealResult } from './model';

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
