import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { LambdaHandler } from '../../../local/lambda-context';
import { eventually } from '../engine/harness';
import { type Platform, startPlatform, validForm } from './platform';

/**
 * The CompanyOpening workflow on the durable local engine over dynalite, driving the ASL CDK
 * synthesizes, with the real handler modules. Time is the runtime's clock, set per test.
 */

const faults = new Map<string, (attempt: number) => Error | undefined>();
const attempts = new Map<string, number>();

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    wrapFunction: (name: string, handler: LambdaHandler): LambdaHandler => {
      return async (event, context) => {
        const attempt = (attempts.get(name) ?? 0) + 1;
        attempts.set(name, attempt);
        const fault = faults.get(name)?.(attempt);
        if (fault) throw fault;
        return handler(event, context);
      };
    },
  });
}, 60_000);

afterAll(async () => {
  await platform.close();
});

// Tuesday 1 December 2026, 10:00 in Guangzhou: the SLA runs Wed–Fri, due Fri 4 Dec 23:59:59.999.
const TUESDAY_MORNING = '2026-12-01T02:00:00.000Z';

beforeEach(async () => {
  faults.clear();
  attempts.clear();
  process.env.INSTANT_APPROVAL = 'on';
  await platform.setClock(TUESDAY_MORNING);
});

afterEach(async () => {
  process.env.INSTANT_APPROVAL = 'on';
  await platform.stopAll();
});

const officerReason = (path: string, message: string) => ({ path, message });

describe('happy paths', () => {
  test('all three items approved instantly: results issued, delivered by express, no trip', async () => {
    const transitionsBefore = platform.runtime.engine.stats().transitions;
    const requestsBefore = platform.runtime.dynamoRequests();
    const submitted = await platform.submit();

    const done = await platform.caseWhere(submitted.id, (record) => record.status === 'completed');
    expect((await platform.finishedExecution(submitted.id)).status).toBe('SUCCEEDED');

    for (const item of ['registration', 'invoice', 'seal'] as const) {
      expect(done.items[item]).toMatchObject({ status: 'approved', instant: true });
    }
    const registration = done.items.registration?.result as { uscc: string; companyName: string };
    expect(registration.uscc).toMatch(/^91440111[0-9A-Z]{10}$/);
    expect(registration.companyName).toBe('广州云启科技有限公司');
    expect(done.items.invoice?.result).toMatchObject({
      taxpayerId: registration.uscc,
      monthlyQuotaCny: 100000,
    });
    expect((done.items.seal?.result as { seals: unknown[] } | undefined)?.seals).toHaveLength(3);
    expect(done.delivery).toMatchObject({
      method: 'express',
      trackingNumber: expect.stringMatching(/^SF\d{12}$/),
    });
    expect(done.trips).toBe(0);
    expect(done.sla.state).toBe('met');
    expect(done.timeline.map((event) => event.type)).toEqual([
      'submitted',
      'review-started',
      'instant-approved',
      'instant-approved',
      'instant-approved',
      'delivered',
      'documents-issued',
      'completed',
    ]);
    const transitions = platform.runtime.engine.stats().transitions - transitionsBefore;
    const requests = platform.runtime.dynamoRequests() - requestsBefore;
    console.info(`instant happy path: ${transitions} state transitions, ${requests} DynamoDB requests`);
    expect(platform.runtime.metrics.find('CaseCompleted').length).toBeGreaterThan(0);
  });

  test('all three items decided by officers through task tokens; pickup counts one trip', async () => {
    process.env.INSTANT_APPROVAL = 'off';
    const form = validForm();
    form.delivery = { method: 'pickup', serviceCentre: 'baiyun-district' };
    const transitionsBefore = platform.runtime.engine.stats().transitions;
    const requestsBefore = platform.runtime.dynamoRequests();
    const submitted = await platform.submit(form);

    const registration = await platform.openTask(submitted.id, 'registration');
    expect(registration).toMatchObject({ department: 'market-regulation', round: 1, status: 'open' });
    await platform.decide(registration, 'approved');
    const [invoice, seal] = await Promise.all([
      platform.openTask(submitted.id, 'invoice'),
      platform.openTask(submitted.id, 'seal'),
    ]);
    await platform.decide(seal, 'approved');
    await platform.decide(invoice, 'approved');

    const done = await platform.caseWhere(submitted.id, (record) => record.status === 'completed');
    expect(done.items.registration).toMatchObject({
      status: 'approved',
      instant: false,
      decidedBy: { role: 'officer', sub: 'officer-market-regulation' },
    });
    expect(done.trips).toBe(1);
    expect(done.delivery).toMatchObject({
      method: 'pickup',
      appointment: { serviceCentre: 'baiyun-district', date: '2026-12-02' },
    });
    expect((await platform.tasks.get(registration.id))?.status).toBe('closed');
    const decisions = done.timeline.filter((event) => event.type === 'approved');
    expect(decisions.map((event) => [event.item, event.actor.sub]).sort()).toEqual([
      ['invoice', 'officer-tax'],
      ['registration', 'officer-market-regulation'],
      ['seal', 'officer-public-security'],
    ]);
    const transitions = platform.runtime.engine.stats().transitions - transitionsBefore;
    const requests = platform.runtime.dynamoRequests() - requestsBefore;
    console.info(`officer happy path: ${transitions} state transitions, ${requests} DynamoDB requests`);
  });

  test('items outside the instant rules go to their department even with instant approval on', async () => {
    const form = validForm();
    form.seals.set = ['company', 'contract'];
    const submitted = await platform.submit(form);
    await platform.caseWhere(submitted.id, (record) => record.items.registration?.status === 'approved');
    const seal = await platform.openTask(submitted.id, 'seal');
    const record = await platform.caseWhere(
      submitted.id,
      (current) => current.items.invoice?.status === 'approved',
    );
    expect(record.items.registration?.instant).toBe(true);
    expect(record.items.invoice?.instant).toBe(true);
    await platform.decide(seal, 'approved');
    await platform.caseWhere(submitted.id, (current) => current.status === 'completed');
  });
});

describe('corrections pause the SLA and go back to the same department', () => {
  test('a correction loop at registration and another at seal', async () => {
    process.env.INSTANT_APPROVAL = 'off';
    const submitted = await platform.submit();

    const first = await platform.openTask(submitted.id, 'registration');
    await platform.advance(3_600_000);
    await platform.decide(first, 'correction-requested', [
      officerReason('company.address.detail', 'Give the room number as on the lease'),
      officerReason('contact.email', 'Use a mailbox the company controls'),
    ]);
    const paused = await platform.caseWhere(submitted.id, (record) => record.status === 'correction-needed');
    expect(paused.items.registration?.status).toBe('awaiting-correction');
    expect(paused.corrections).toHaveLength(1);
    expect(paused.corrections[0]?.reasons).toHaveLength(2);
    expect(paused.sla.pauses).toEqual([{ from: paused.corrections[0]?.requestedAt }]);

    // A day passes with the clock paused; the deadline must move by exactly that working time.
    await platform.advance(24 * 3_600_000);
    const corrected = validForm();
    corrected.company.address.detail = '示例路18号A栋302房';
    corrected.contact.email = 'office@yunqi.example.com';
    await platform.commands.answerCorrections({
      applicationId: submitted.id,
      by: { role: 'applicant', sub: 'founder-1' },
      form: platform.parseForm(corrected),
      note: 'Fixed both',
    });
    const second = await platform.openTask(submitted.id, 'registration');
    expect(second.id).not.toBe(first.id);
    expect(second.round).toBe(2);
    const resumed = await platform.caseWhere(submitted.id, (record) => record.status === 'in-review');
    expect(resumed.corrections[0]).toMatchObject({
      status: 'answered',
      changedFields: ['company.address.detail', 'contact.email'],
    });
    expect(resumed.form.company.address.detail).toBe('示例路18号A栋302房');
    expect(resumed.sla.pauses[0]?.to).toBeDefined();
    // Paused Tue 11:00 → Wed 11:00 Beijing: the 11 paused working hours of Wednesday push the deadline
    // past the weekend to Monday 11:00 (plus the milliseconds the steps themselves took).
    const deadlineShift = Date.parse(resumed.sla.deadline) - Date.parse('2026-12-07T02:59:59.999Z');
    expect(deadlineShift).toBeGreaterThanOrEqual(0);
    expect(deadlineShift).toBeLessThan(5_000);

    await platform.decide(second, 'approved');
    const seal = await platform.openTask(submitted.id, 'seal');
    const invoice = await platform.openTask(submitted.id, 'invoice');
    expect(invoice.slaDeadline).toBe(resumed.sla.deadline);
    const armedBeforePause = await platform.timerArmed(submitted.id);
    await platform.decide(seal, 'correction-requested', [
      officerReason('seals.set', 'A contract seal needs a board resolution'),
    ]);
    await platform.caseWhere(submitted.id, (record) => record.items.seal?.status === 'awaiting-correction');
    // The pause wakes the SLA timer, which looks and waits again.
    await platform.timerArmed(submitted.id, armedBeforePause);

    // The founder takes six days, past the deadline the invoice task was opened with. The paused
    // clock moves it, so the tax inbox and the overdue alarm do not count a case that is on time.
    await platform.advance(6 * 24 * 3_600_000);
    const movedWhilePaused = await eventually(async () => {
      const task = await platform.tasks.get(invoice.id);
      return task && Date.parse(task.slaDeadline) > platform.runtime.clock.now() ? task : undefined;
    });
    expect(movedWhilePaused.slaDeadline > invoice.slaDeadline).toBe(true);
    expect(Date.parse(invoice.slaDeadline)).toBeLessThan(platform.runtime.clock.now());

    const sealFix = structuredClone(corrected);
    sealFix.seals.set = ['company', 'finance'];
    await platform.commands.answerCorrections({
      applicationId: submitted.id,
      by: { role: 'applicant', sub: 'founder-1' },
      form: platform.parseForm(sealFix),
    });
    const sealAgain = await platform.openTask(submitted.id, 'seal');
    expect(sealAgain.round).toBe(2);
    const resumedAgain = await platform.caseWhere(submitted.id, (record) => record.status === 'in-review');
    expect(sealAgain.slaDeadline).toBe(resumedAgain.sla.deadline);
    await eventually(async () => {
      const task = await platform.tasks.get(invoice.id);
      return task?.slaDeadline === resumedAgain.sla.deadline ? task : undefined;
    });
    await platform.decide(invoice, 'approved');
    await platform.decide(sealAgain, 'approved');

    const done = await platform.caseWhere(submitted.id, (record) => record.status === 'completed');
    expect(done.sla.pauses).toHaveLength(2);
    expect(done.sla.pauses.every((pause) => pause.to !== undefined)).toBe(true);
    expect((done.items.seal?.result as { seals: unknown[] } | undefined)?.seals).toHaveLength(2);
    expect(done.timeline.filter((event) => event.type === 'corrected').map((event) => event.item)).toEqual([
      'registration',
      'seal',
    ]);
  });

  test('answering before the workflow waits for the answer still resumes it', async () => {
    process.env.INSTANT_APPROVAL = 'off';
    const submitted = await platform.submit();
    const task = await platform.openTask(submitted.id, 'registration');
    await platform.decide(task, 'correction-requested', [officerReason('contact.mobile', 'Unreachable')]);
    await platform.caseWhere(submitted.id, (record) => record.status === 'correction-needed');
    const fix = validForm();
    fix.contact.mobile = '13900139001';
    await platform.commands.answerCorrections({
      applicationId: submitted.id,
      by: { role: 'applicant' },
      form: platform.parseForm(fix),
    });
    const again = await platform.openTask(submitted.id, 'registration');
    expect(again.round).toBe(2);
  });
});

describe('rejections and failures', () => {
  test('a rejection at invoice rejects the case and cancels the seal review', async () => {
    process.env.INSTANT_APPROVAL = 'off';
    const submitted = await platform.submit();
    await platform.decide(await platform.openTask(submitted.id, 'registration'), 'approved');
    const invoice = await platform.openTask(submitted.id, 'invoice');
    const seal = await platform.openTask(submitted.id, 'seal');
    await platform.decide(invoice, 'rejected', [officerReason('invoice.monthlyQuotaCny', 'Not justified')]);

    const rejected = await platform.caseWhere(submitted.id, (record) => record.status === 'rejected');
    expect(rejected.items).toMatchObject({
      registration: { status: 'approved' },
      invoice: { status: 'rejected' },
      seal: { status: 'cancelled' },
    });
    expect(rejected.closedAt).toBeDefined();
    expect((await platform.tasks.get(seal.id))?.status).toBe('closed');
    expect((await platform.finishedExecution(submitted.id)).status).toBe('SUCCEEDED');
    await expect(platform.decide(seal, 'approved')).rejects.toMatchObject({ status: 409 });
  });

  test('a rejection at registration ends the case before invoice and seal start', async () => {
    process.env.INSTANT_APPROVAL = 'off';
    const submitted = await platform.submit();
    await platform.decide(await platform.openTask(submitted.id, 'registration'), 'rejected', [
      officerReason('company.name.tradeName', 'The trade name is taken'),
    ]);
    const rejected = await platform.caseWhere(submitted.id, (record) => record.status === 'rejected');
    expect(rejected.items.invoice?.status).toBe('cancelled');
    expect(rejected.items.seal?.status).toBe('cancelled');
  });

  test('a transient Lambda failure is retried and the case completes', async () => {
    faults.set('CaseDeliver', (attempt) =>
      attempt === 1
        ? Object.assign(new Error('Rate exceeded'), { name: 'Lambda.ServiceException' })
        : undefined,
    );
    const submitted = await platform.submit();
    await eventually(() => (attempts.get('CaseDeliver') === 1 ? true : undefined));
    // The retry waits its backoff (at most 1 s with full jitter) on the runtime clock.
    await platform.advance(1_500);
    const done = await platform.caseWhere(submitted.id, (record) => record.status === 'completed');
    expect(done.delivery).toBeDefined();
    expect(attempts.get('CaseDeliver')).toBe(2);
  });

  test('a permanent failure is recorded on the case and fails the execution', async () => {
    faults.set('CaseDeliver', () =>
      Object.assign(new Error('courier contract missing'), { name: 'ConfigurationError' }),
    );
    const submitted = await platform.submit();
    const failed = await platform.caseWhere(submitted.id, (record) => record.failure !== undefined);
    expect(failed.failure).toMatchObject({ error: 'ConfigurationError' });
    expect(failed.timeline.at(-1)?.type).toBe('failed');
    const execution = await platform.finishedExecution(submitted.id);
    expect([execution.status, execution.error]).toEqual(['FAILED', 'CaseFailed']);
    expect(platform.runtime.metrics.find('CaseFailed').length).toBeGreaterThan(0);
    const { slaReport } = await import('../../../shared/ops/report');
    const report = await slaReport(new Date(platform.runtime.clock.now()));
    expect(report.failed.cases.find((summary) => summary.id === submitted.id)?.failure).toEqual({
      error: 'ConfigurationError',
      at: failed.failure?.at,
    });
    expect(report.failed.count).toBeGreaterThanOrEqual(1);
  });
});

describe('the SLA timer', () => {
  test('a silent department produces at-risk, then breach, as metrics and on the case', async () => {
    process.env.INSTANT_APPROVAL = 'off';
    const submitted = await platform.submit();
    const task = await platform.openTask(submitted.id, 'registration');
    const armedForAtRisk = await platform.timerArmed(submitted.id);
    const atRiskBefore = platform.runtime.metrics.find('SlaAtRisk', { item: 'registration' }).length;

    await platform.setClock('2026-12-03T15:59:00.000Z'); // Thu 23:59 Beijing: more than a working day left
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await platform.cases.get(submitted.id))?.sla.atRiskAt).toBeUndefined();

    await platform.setClock('2026-12-03T16:00:05.000Z'); // Fri 00:00:05: less than one working day left
    const atRisk = await platform.caseWhere(submitted.id, (record) => record.sla.atRiskAt !== undefined);
    await platform.timerArmed(submitted.id, armedForAtRisk);
    expect(atRisk.sla.state).toBe('at-risk');
    expect(atRisk.timeline.at(-1)?.type).toBe('sla-at-risk');
    expect(
      platform.runtime.metrics.find('SlaAtRisk', { item: 'registration', department: 'market-regulation' })
        .length,
    ).toBe(atRiskBefore + 1);

    await platform.setClock('2026-12-04T16:00:05.000Z'); // Sat 00:00:05: past the deadline
    const breached = await platform.caseWhere(submitted.id, (record) => record.sla.breachedAt !== undefined);
    expect(breached.sla.state).toBe('breached');
    // Counted once the step that recorded it has also published the breach's event.
    await eventually(() =>
      platform.runtime.metrics.find('SlaBreached', { item: 'registration', department: 'market-regulation' })
        .length > 0
        ? true
        : undefined,
    );
    // The scheduled overdue count ran when the clock passed five minutes, and saw the open task.
    const overdue = await eventually(() => {
      const counts = platform.runtime.metrics.find('OverdueTasks', { department: 'market-regulation' });
      return counts.some((point) => point.value >= 1) ? counts : undefined;
    });
    expect(overdue.length).toBeGreaterThan(0);

    // The timer never delays completion: deciding everything now closes the case at once.
    await platform.decide(task, 'approved');
    await platform.decide(await platform.openTask(submitted.id, 'invoice'), 'approved');
    await platform.decide(await platform.openTask(submitted.id, 'seal'), 'approved');
    const done = await platform.caseWhere(submitted.id, (record) => record.status === 'completed');
    expect(done.sla.state).toBe('missed');
    expect((await platform.finishedExecution(submitted.id)).status).toBe('SUCCEEDED');
  });

  test('a decision arriving after the case closed is answered as a conflict', async () => {
    process.env.INSTANT_APPROVAL = 'off';
    const submitted = await platform.submit();
    const registration = await platform.openTask(submitted.id, 'registration');
    await platform.decide(registration, 'approved');
    await platform.decide(await platform.openTask(submitted.id, 'invoice'), 'approved');
    await platform.decide(await platform.openTask(submitted.id, 'seal'), 'approved');
    await platform.caseWhere(submitted.id, (record) => record.status === 'completed');
    await expect(platform.decide(registration, 'rejected')).rejects.toMatchObject({ status: 409 });
    // The workflow itself refuses the spent token, whatever the task record says.
    const { resumeTask } = await import('../../../shared/workflow-client');
    expect(await resumeTask(registration.token, { outcome: 'rejected' })).toBe(false);
  });
});
