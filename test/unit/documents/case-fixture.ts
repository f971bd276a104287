import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseRecord } from '../../../shared/case/model';
import { invoiceResult, registrationResult, sealResult } from '../../../shared/case/results';
import {
  applyDecision,
  approveInstantly,
  completeCase,
  newCase,
  rejectCase,
  startCase,
  startItemReview,
} from '../../../shared/case/transitions';
import { applicationFormSchemaOn } from '../../../shared/form';

/** Cases built with the transitions the workflow applies, from the valid Baiyun fixture. */

export const SUBMITTED_AT = '2026-12-01T02:00:00.000Z';
/** Wednesday 2026-12-02, 10:00 in Shanghai: every item is decided then. */
export const DECIDED_AT = '2026-12-02T02:00:00.000Z';
export const ISSUED_AT = new Date('2026-12-02T03:00:00.000Z');
export const PUBLIC_BASE_URL = 'https://open.example.gov.cn';
const OFFICER = { role: 'officer', sub: 'officer-1', department: 'public-security' } as const;

const FIXTURE = join(import.meta.dirname, '../../fixtures/applications/valid-baiyun-llc.json');

export const FORM = applicationFormSchemaOn('2026-12-01').parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));

function submitted(form = FORM): CaseRecord {
  const record = newCase({
    id: 'co-documents-case-000001',
    owner: 'founder-1',
    filedBy: { role: 'applicant', sub: 'founder-1' },
    idempotencyKey: 'key-1',
    requestHash: 'hash-1',
    form,
    submittedAt: SUBMITTED_AT,
  });
  return startCase(record, SUBMITTED_AT);
}

function withRegistration(record: CaseRecord): CaseRecord {
  const started = startItemReview(record, 'registration', SUBMITTED_AT);
  return approveInstantly(
    started,
    'registration',
    registrationResult(record.id, record.form, '2026-12-02'),
    DECIDED_AT,
  );
}

function withInvoiceAndSeal(record: CaseRecord): CaseRecord {
  const registration = record.items.registration?.result;
  let next = startItemReview(record, 'invoice', DECIDED_AT);
  next = approveInstantly(
    next,
    'invoice',
    invoiceResult(record.form, registration as ReturnType<typeof registrationResult>),
    DECIDED_AT,
  );
  next = startItemReview(next, 'seal', DECIDED_AT);
  return approveInstantly(next, 'seal', sealResult(record.id, record.form), DECIDED_AT);
}

/** The company-opening case with its three items approved and closed. */
export function completedCase(form = FORM): CaseRecord {
  return completeCase(withInvoiceAndSeal(withRegistration(submitted(form))), DECIDED_AT);
}

/** Registered, then the seal refused by an officer: the case is rejected. */
export function rejectedCase(): CaseRecord {
  let record = withRegistration(submitted());
  record = startItemReview(record, 'seal', DECIDED_AT);
  record = applyDecision(
    record,
    'seal',
    {
      outcome: 'rejected',
      reasons: [{ path: 'seals.maker', message: 'The maker is not licensed' }],
      decidedBy: OFFICER,
      decidedAt: DECIDED_AT,
      taskId: 'task-seal-1',
    },
    undefined,
  );
  return rejectCase(record, 'seal', DECIDED_AT);
}

/** Registered but still in review: nothing is issued until the case completes. */
export const inReviewCase = (): CaseRecord => withRegistration(submitted());

export const OPTIONS = { publicBaseUrl: PUBLIC_BASE_URL, issuedAt: ISSUED_AT };
