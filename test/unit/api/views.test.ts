import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type CaseView, caseViewSchema, taskDetailSchema } from '../../../shared/api/responses';
import type { Viewer } from '../../../shared/api/viewer';
import { caseView, taskDetail } from '../../../shared/api/views';
import { itemReads } from '../../../shared/case/items';
import type { CaseRecord, DepartmentTask } from '../../../shared/case/model';
import { registrationResult } from '../../../shared/case/results';
import {
  applyDecision,
  newCase,
  openTask,
  recordDelivery,
  startCase,
  startItemReview,
  stateOf,
} from '../../../shared/case/transitions';
import { applicationFormSchemaOn } from '../../../shared/form';

const FIXTURE = join(import.meta.dirname, '../../fixtures/applications/valid-baiyun-llc.json');
const FORM = applicationFormSchemaOn('2026-12-01').parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
const NOW = new Date('2026-12-02T04:00:00.000Z');
const LEGAL_REP_ID = FORM.legalRepresentative.idNumber;
const OTHER_ID = FORM.shareholders[1]?.kind === 'natural-person' ? FORM.shareholders[1].idNumber : '';
const LEGAL_REP_MOBILE = FORM.legalRepresentative.mobile;
const TAX_NOTE = 'tax: call the accountant first';
const MARKET_NOTE = 'market: address checked on site';

const officer = (department: 'market-regulation' | 'tax' | 'public-security') => ({
  role: 'officer' as const,
  department,
  sub: `officer-${department}`,
});

/** Registration approved with a note; tax asked for a correction with a note; seal's task open. */
function caseInLicences(): CaseRecord {
  let record = newCase({
    id: 'co-views-case-0001',
    owner: 'founder-1',
    filedBy: { role: 'applicant', sub: 'founder-1' },
    idempotencyKey: 'key-1',
    requestHash: 'hash-1',
    form: FORM,
    submittedAt: '2026-12-01T02:00:00.000Z',
  });
  record = startCase(record, '2026-12-01T02:00:05.000Z');
  record = startItemReview(record, 'registration', '2026-12-01T02:00:10.000Z');
  record = openTask(record, 'registration', 'task-registration-1', '2026-12-01T02:00:11.000Z');
  record = applyDecision(
    record,
    'registration',
    {
      outcome: 'approved',
      reasons: [],
      note: MARKET_NOTE,
      decidedBy: officer('market-regulation'),
      decidedAt: '2026-12-01T03:00:00.000Z',
      taskId: 'task-registration-1',
    },
    registrationResult('co-views-case-0001', FORM, '2026-12-01'),
  );
  for (const item of ['invoice', 'seal'] as const) {
    record = startItemReview(record, item, '2026-12-01T03:00:01.000Z');
    record = openTask(record, item, `task-${item}-1`, '2026-12-01T03:00:02.000Z');
  }
  return applyDecision(
    record,
    'invoice',
    {
      outcome: 'correction-requested',
      reasons: [{ path: 'invoice.monthlyQuotaCny', message: 'quota too high' }],
      note: TAX_NOTE,
      decidedBy: officer('tax'),
      decidedAt: '2026-12-01T04:00:00.000Z',
      taskId: 'task-invoice-1',
    },
    undefined,
  );
}

const RECORD = caseInLicences();

/** One item as the view shows it; the view of this case shows its three items. */
function shown(view: CaseView, item: 'registration' | 'invoice' | 'seal') {
  const state = view.items[item];
  if (!state) throw new Error(`the view shows no ${item}`);
  return state;
}
const text = (value: unknown) => JSON.stringify(value);

function task(item: 'registration' | 'invoice' | 'seal'): DepartmentTask {
  return {
    id: `task-${item}-1`,
    applicationId: RECORD.id,
    item,
    department: stateOf(RECORD, item).department,
    round: 1,
    status: 'open',
    companyName: FORM.company.name.full,
    slaDeadline: '2026-12-04T15:59:59.999Z',
    createdAt: '2026-12-01T03:00:02.000Z',
    token: 'secret-task-token',
  };
}

describe('the case as each viewer sees it', () => {
  test('the founder and the filing agent see the whole form, every note and the delivery', () => {
    const delivered = recordDelivery(RECORD, {
      method: 'express',
      trackingNumber: 'SF123',
      carrier: 'SF',
      dispatchedAt: '2026-12-02T03:00:00.000Z',
    });
    const view = caseView(delivered, NOW, { role: 'party' });
    expect(caseViewSchema.safeParse(view).success).toBe(true);
    expect(view.application).toEqual(FORM);
    expect(shown(view, 'invoice').note).toBe(TAX_NOTE);
    expect(shown(view, 'registration').note).toBe(MARKET_NOTE);
    expect(view.corrections).toHaveLength(1);
    expect(view.delivery?.trackingNumber).toBe('SF123');
  });

  test('a seal officer reads neither the tax notes and reasons nor anyone’s full ID number or mobile', () => {
    const view = caseView(RECORD, NOW, { role: 'officer', items: ['seal'] });
    expect(caseViewSchema.safeParse(view).success).toBe(true);
    const body = text(view);
    for (const secret of [
      TAX_NOTE,
      'quota too high',
      MARKET_NOTE,
      LEGAL_REP_ID,
      OTHER_ID,
      LEGAL_REP_MOBILE,
    ]) {
      expect(body, secret).not.toContain(secret);
    }
    expect(shown(view, 'invoice')).toMatchObject({
      status: 'awaiting-correction',
      reasons: [],
      note: null,
      taskId: null,
    });
    expect(view.corrections).toEqual([]);
    const taxEvent = view.timeline.find((event) => event.type === 'correction-requested');
    expect(taxEvent?.details).toEqual({});
    // The registration result the seal filing builds on stays; the case's overall status too.
    expect(shown(view, 'registration').result).toEqual(stateOf(RECORD, 'registration').result);
    expect(view.status).toBe('correction-needed');
  });

  test('an officer gets the sections their item reads, with ID numbers and mobiles masked', () => {
    const view = caseView(RECORD, NOW, { role: 'officer', items: ['invoice'] });
    // Tax reads the business licence, which the founder does not file: no materials to see.
    expect(Object.keys(view.application).sort()).toEqual([...itemReads('invoice').sections].sort());
    expect(view.application.materials).toBeUndefined();
    expect(view.application.legalRepresentative?.idNumber).toBe('440***********2179');
    expect(view.application.legalRepresentative?.mobile).toBe('138****8000');
    // The contact is whom the departments call: their number stays whole.
    expect(view.application.contact?.mobile).toBe(FORM.contact.mobile);
    expect(view.application).not.toHaveProperty('delivery');
    expect(view.application).not.toHaveProperty('shareholders');
    expect(shown(view, 'invoice').note).toBe(TAX_NOTE);
    expect(view.corrections.map((correction) => correction.item)).toEqual(['invoice']);
    expect(view.delivery).toBeNull();
  });

  test('market regulation sees the full ID numbers of the people it registers, not the invoice or seals', () => {
    const view = caseView(RECORD, NOW, { role: 'officer', items: ['registration'] });
    expect(view.application.legalRepresentative?.idNumber).toBe(LEGAL_REP_ID);
    expect(view.application.shareholders).toEqual(FORM.shareholders);
    expect(view.application.supervisor).toEqual(FORM.supervisor);
    expect(view.application).not.toHaveProperty('invoice');
    expect(view.application).not.toHaveProperty('seals');
    expect(view.application.materials?.map((material) => material.type)).toEqual(
      FORM.materials.map((material) => material.type),
    );
    expect(shown(view, 'invoice').note).toBeNull();
    expect(shown(view, 'invoice').result).toBeNull();
  });

  test('ops see the company and how the case runs, no person and no officer’s words', () => {
    const view = caseView(RECORD, NOW, { role: 'ops' });
    expect(caseViewSchema.safeParse(view).success).toBe(true);
    expect(Object.keys(view.application).sort()).toEqual(['channel', 'company']);
    const body = text(view);
    for (const secret of [
      LEGAL_REP_ID,
      OTHER_ID,
      LEGAL_REP_MOBILE,
      FORM.contact.mobile,
      FORM.legalRepresentative.name,
      TAX_NOTE,
      MARKET_NOTE,
      'quota too high',
    ]) {
      expect(body, secret).not.toContain(secret);
    }
    expect(view.corrections).toEqual([
      expect.objectContaining({ item: 'invoice', status: 'open', reasons: [], note: null }),
    ]);
    expect(shown(view, 'registration').result).toBeNull();
  });

  test('an officer of two departments reads both items in full and the wider of their reads', () => {
    const viewer: Viewer = { role: 'officer', items: ['invoice', 'registration'] };
    const view = caseView(RECORD, NOW, viewer);
    expect(shown(view, 'invoice').note).toBe(TAX_NOTE);
    expect(shown(view, 'registration').note).toBe(MARKET_NOTE);
    expect(view.application.legalRepresentative?.idNumber).toBe(LEGAL_REP_ID);
    expect(view.application).toHaveProperty('invoice');
  });
});

describe('a task as its officer sees it', () => {
  test('the seal task shows its own item, the registration result it builds on, and masked people', () => {
    const detail = taskDetail(task('seal'), RECORD, NOW);
    expect(taskDetailSchema.safeParse(detail).success).toBe(true);
    expect(detail.application.upstream).toEqual([
      { item: 'registration', status: 'approved', result: stateOf(RECORD, 'registration').result },
    ]);
    expect(Object.keys(detail.application.form).sort()).toEqual([...itemReads('seal').sections].sort());
    expect(detail.application.form.materials).toBeUndefined();
    const body = text(detail);
    for (const secret of [TAX_NOTE, MARKET_NOTE, LEGAL_REP_ID, LEGAL_REP_MOBILE, 'secret-task-token']) {
      expect(body, secret).not.toContain(secret);
    }
  });

  test('the tax task carries its own correction request and note', () => {
    const detail = taskDetail(task('invoice'), RECORD, NOW);
    expect(detail.application.item.note).toBe(TAX_NOTE);
    expect(detail.application.corrections.map((correction) => correction.id)).toEqual(['invoice-1']);
  });

  test('the registration task builds on nothing and sees full ID numbers', () => {
    const detail = taskDetail(task('registration'), RECORD, NOW);
    expect(detail.application.upstream).toEqual([]);
    expect(detail.application.form.legalRepresentative?.idNumber).toBe(LEGAL_REP_ID);
    expect(detail.application.corrections).toEqual([]);
  });
});
