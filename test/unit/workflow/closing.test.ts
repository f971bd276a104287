import './env';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from 'vitest';
import { handler as closeCaseHandler } from '../../../functions/workflow/close-case';
import { handler as deliverHandler } from '../../../functions/workflow/deliver';
import { handler as recordFailureHandler } from '../../../functions/workflow/record-failure';
import { handler as rejectCaseHandler } from '../../../functions/workflow/reject-case';
import type { Item } from '../../../shared/case/items';
import type { CaseRecord, DepartmentTask } from '../../../shared/case/model';
import { expressTrackingNumber } from '../../../shared/case/results';
import {
  applyCorrection,
  applyDecision,
  approveInstantly,
  armSlaTimer,
  type Decision,
  openTask,
  recordDelivery,
  startCase,
  startItemReview,
  stateOf,
  submitCorrection,
} from '../../../shared/case/transitions';
import type { ApplicationForm } from '../../../shared/form';
import type { ClosedCase } from '../../../shared/ops/closed-case';
import {
  atVersion,
  CASE_ID,
  closeTask,
  conditionFailed,
  ddb,
  departmentTask,
  expectedTaskId,
  FORM,
  getCase,
  getTask,
  givenCase,
  givenNoCase,
  givenTask,
  INTAKE_AT,
  lambdaContext,
  putCase,
  putClosedCase,
  putItem,
  REVIEW_AT,
  releaseOpenCase,
  resumeWith,
  SLA_TIMER_TOKEN,
  SUBMITTED_AT,
  SYSTEM,
  sent,
  sentToAny,
  setNow,
  sfn,
  submittedCase,
  useWorkflowHarness,
} from './helpers';

const harness = useWorkflowHarness();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DEPARTMENT = { registration: 'market-regulation', invoice: 'tax', seal: 'public-security' } as const;

const at = (hoursAfterReview: number) =>
  new Date(Date.parse(REVIEW_AT) + hoursAfterReview * HOUR).toISOString();
const officer = (item: keyof typeof DEPARTMENT) => ({
  role: 'officer' as const,
  sub: `officer-${item}`,
  department: DEPARTMENT[item],
});

function decide(
  record: CaseRecord,
  item: keyof typeof DEPARTMENT,
  outcome: Decision['outcome'],
  decidedAt: string,
): CaseRecord {
  const state = stateOf(record, item);
  const taskId = state.taskId ?? expectedTaskId(CASE_ID, item, state.round);
  const decision: Decision = { outcome, reasons: [], decidedBy: officer(item), decidedAt, taskId };
  return applyDecision(
    record,
    item,
    decision,
    outcome === 'approved' ? { seals: [], maker: 'm' } : undefined,
  );
}

function withTask(record: CaseRecord, item: Item, openedAt: string): CaseRecord {
  return openTask(record, item, expectedTaskId(CASE_ID, item, stateOf(record, item).round), openedAt);
}

/** Taken in, SLA timer armed; registration approved by rule. */
function registered(form: ApplicationForm = FORM): CaseRecord {
  let record = armSlaTimer(startCase(submittedCase(0, form), INTAKE_AT), SLA_TIMER_TOKEN, 0);
  record = startItemReview(record, 'registration', REVIEW_AT);
  return approveInstantly(record, 'registration', { seals: [], maker: 'm' }, REVIEW_AT);
}

function pickupForm(channel: ApplicationForm['channel'] = 'web'): ApplicationForm {
  return {
    ...structuredClone(FORM),
    channel,
    delivery: { method: 'pickup', serviceCentre: 'baiyun-district' },
  };
}

describe('deliver', () => {
  const invoke = (event: unknown) => deliverHandler(event, lambdaContext('CaseDeliver'));

  test('express: dispatched by SF Express with a tracking number, no trip', async () => {
    // Prepare
    const current = atVersion(registered(), 9);
    givenCase(current);
    const dispatchedAt = '2026-12-03T06:00:00.000Z';
    setNow(dispatchedAt);

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toBeUndefined();
    const trackingNumber = expressTrackingNumber(CASE_ID);
    expect(trackingNumber).toMatch(/^SF\d{12}$/);
    const expected = structuredClone(current);
    expected.delivery = { method: 'express', carrier: 'SF Express', trackingNumber, dispatchedAt };
    expected.trips = 0;
    expected.timeline.push({
      at: dispatchedAt,
      type: 'delivered',
      actor: SYSTEM,
      details: { method: 'express' },
    });
    expected.applied.push('delivered');
    expect(sent(ddb)).toEqual([getCase(), putCase(expected, 9)]);
    expect(sent(sfn)).toEqual([]);
  });

  test('pickup: an appointment at the chosen centre on the next working day, one trip', async () => {
    // Prepare
    const current = atVersion(registered(pickupForm()), 9);
    givenCase(current);
    const dispatchedAt = '2026-12-04T06:00:00.000Z';
    setNow(dispatchedAt);

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess: Friday, so the next working day is Monday.
    const expected = structuredClone(current);
    expected.delivery = {
      method: 'pickup',
      appointment: { serviceCentre: 'baiyun-district', date: '2026-12-07', slot: '09:00-12:00' },
      dispatchedAt,
    };
    expected.trips = 1;
    expected.timeline.push({
      at: dispatchedAt,
      type: 'delivered',
      actor: SYSTEM,
      details: { method: 'pickup' },
    });
    expected.applied.push('delivered');
    expect(sent(ddb)).toEqual([getCase(), putCase(expected, 9)]);
  });

  test.each([
    ['the night after a Thursday in UTC is Friday in Shanghai', '2026-12-03T17:00:00.000Z', '2026-12-07'],
    ['the eve of the National Day holiday', '2026-09-30T06:00:00.000Z', '2026-10-08'],
    ['the Friday before a make-up Saturday', '2026-10-09T06:00:00.000Z', '2026-10-10'],
  ])(
    'pickup on %s: the appointment follows the statutory calendar in Asia/Shanghai',
    async (_, now, date) => {
      // Prepare
      givenCase(atVersion(registered(pickupForm()), 9));
      setNow(now);

      // Act
      await invoke({ applicationId: CASE_ID });

      // Assess
      const saved = putItem(1);
      expect(saved.delivery?.appointment?.date).toBe(date);
    },
  );

  test('run again after delivery, it writes nothing', async () => {
    // Prepare
    const delivered = recordDelivery(registered(), {
      method: 'express',
      carrier: 'SF Express',
      trackingNumber: expressTrackingNumber(CASE_ID),
      dispatchedAt: '2026-12-03T06:00:00.000Z',
    });
    givenCase(atVersion(delivered, 10));

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    expect(sent(ddb)).toEqual([getCase()]);
  });
});

describe('closeCase', () => {
  const invoke = (event: unknown) => closeCaseHandler(event, lambdaContext('CaseClose'));

  /** Registration by rule; invoice by rule; seal decided by its officer six hours into its review. */
  function readyToClose(form: ApplicationForm = FORM, deliveredAt = at(7)): CaseRecord {
    let record = registered(form);
    record = approveInstantly(
      startItemReview(record, 'invoice', REVIEW_AT),
      'invoice',
      { seals: [], maker: 'm' },
      REVIEW_AT,
    );
    record = withTask(startItemReview(record, 'seal', REVIEW_AT), 'seal', REVIEW_AT);
    record = decide(record, 'seal', 'approved', at(6));
    const delivery =
      form.delivery.method === 'express'
        ? {
            method: 'express' as const,
            carrier: 'SF Express',
            trackingNumber: 'SF1',
            dispatchedAt: deliveredAt,
          }
        : {
            method: 'pickup' as const,
            appointment: { serviceCentre: 'baiyun-district', date: '2026-12-02', slot: '09:00-12:00' },
            dispatchedAt: deliveredAt,
          };
    return atVersion(recordDelivery(record, delivery), 12);
  }

  const metric = (name: string, value: number, unit: string, dimensions: Record<string, string> = {}) => ({
    namespace: 'CompanyOpening',
    name,
    unit,
    value,
    dimensions,
  });

  /** readyToClose() closed at `closedAt` on its first day: what the ops report will read of it. */
  const completedFacts = (closedAt: string): ClosedCase => ({
    id: CASE_ID,
    bundle: 'company-opening',
    status: 'completed',
    submittedAt: SUBMITTED_AT,
    closedAt,
    sla: 'met',
    online: true,
    trips: 0,
    workingDays: (Date.parse(closedAt) - Date.parse(SUBMITTED_AT)) / DAY,
    limitWorkingDays: 3,
    items: [
      { item: 'registration', department: 'market-regulation', ratio: 0, instant: true },
      { item: 'invoice', department: 'tax', ratio: 0, instant: true },
      { item: 'seal', department: 'public-security', ratio: 0.25, instant: false },
    ],
  });

  test('completes the case within its SLA, keeps its KPI facts, pokes the SLA timer, then reports the reform’s KPIs', async () => {
    // Prepare
    const current = readyToClose();
    givenCase(current);
    const closedAt = at(7.5);
    setNow(closedAt);

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toBeUndefined();
    const expected = structuredClone(current);
    expected.status = 'completed';
    expected.closedAt = closedAt;
    expected.sla = { ...expected.sla, state: 'met', revision: 1 };
    expected.timeline.push({ at: closedAt, type: 'completed', actor: SYSTEM, details: { sla: 'met' } });
    expected.applied.push('completed');
    expect(sentToAny()).toEqual([
      getCase(),
      putCase(expected, 12),
      putClosedCase(completedFacts(closedAt), '2026-12'),
      releaseOpenCase(),
      resumeWith(SLA_TIMER_TOKEN, {}),
    ]);
    expect(putItem(1).slaPk).toBe('SLA#met');
    const perItem = (item: keyof typeof DEPARTMENT, ratio: number, instant: number) => {
      const dimensions = { item, department: DEPARTMENT[item] };
      return [
        metric('WorkingTimeRatio', ratio, 'None', dimensions),
        metric('HandledInstantly', instant, 'Count', dimensions),
        metric('HandledOnline', 1, 'Count', dimensions),
      ];
    };
    expect(harness.metrics()).toEqual([
      ...perItem('registration', 0, 1),
      ...perItem('invoice', 0, 1),
      // Six working hours against public security's one working day.
      ...perItem('seal', 0.25, 0),
      metric('Trips', 0, 'Count'),
      metric('WithinSla', 1, 'Count'),
      metric('CaseCompleted', 1, 'Count'),
    ]);
  });

  test('closed after the deadline: missed, WithinSla 0', async () => {
    // Prepare
    givenCase(readyToClose());
    setNow('2026-12-05T01:00:00.000Z');

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    const saved = putItem(1);
    expect(saved.sla.state).toBe('missed');
    expect(saved.slaPk).toBe('SLA#missed');
    expect(harness.metrics().find((emitted) => emitted.name === 'WithinSla')?.value).toBe(0);
  });

  test('filed at the service counter and collected in person: HandledOnline 0 and one trip', async () => {
    // Prepare
    givenCase(readyToClose(pickupForm('service-counter')));
    setNow(at(7.5));

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    const emitted = harness.metrics();
    expect(emitted.filter((one) => one.name === 'HandledOnline').map((one) => one.value)).toEqual([0, 0, 0]);
    expect(emitted.find((one) => one.name === 'Trips')?.value).toBe(1);
  });

  test('working time paused for a correction does not count towards the item’s ratio', async () => {
    // Prepare: seal sent back after 2 h, answered 1 h later and applied 1 h after that, approved at 6 h.
    let record = registered();
    record = approveInstantly(
      startItemReview(record, 'invoice', REVIEW_AT),
      'invoice',
      { seals: [], maker: 'm' },
      REVIEW_AT,
    );
    record = withTask(startItemReview(record, 'seal', REVIEW_AT), 'seal', REVIEW_AT);
    record = decide(record, 'seal', 'correction-requested', at(2));
    record = submitCorrection(record, {
      form: FORM,
      changedFields: [],
      by: { role: 'applicant' },
      at: at(3),
    });
    record = withTask(applyCorrection(record, 'seal-1', at(4)), 'seal', at(4));
    record = decide(record, 'seal', 'approved', at(6));
    record = recordDelivery(record, { method: 'express', dispatchedAt: at(7) });
    givenCase(atVersion(record, 15));
    setNow(at(7));

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    const seal = harness
      .metrics()
      .find((one) => one.name === 'WorkingTimeRatio' && one.dimensions.item === 'seal');
    // Six hours of review less the hour the founder took: the hour the workflow took to apply the
    // answer counts against the platform.
    expect(seal?.value).toBe((5 * HOUR) / DAY);
  });

  test('run again after completion, it leaves the case alone and writes the same KPI facts again (a crash may have come between)', async () => {
    // Prepare
    givenCase(readyToClose());
    setNow(at(7.5));
    await invoke({ applicationId: CASE_ID });
    const completed = putItem(1);
    ddb.resetHistory();
    givenCase(completed);
    setNow(at(8));

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    expect(sent(ddb)).toEqual([
      getCase(),
      putClosedCase(completedFacts(at(7.5)), '2026-12'),
      releaseOpenCase(),
    ]);
  });

  test('a case closed in the first hour of a month (Beijing) files its facts under that month', async () => {
    // Prepare: 2027-01-01 00:30 in Guangzhou is still 2026-12-31 in UTC.
    givenCase(readyToClose());
    setNow('2026-12-31T16:30:00.000Z');

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    expect(putItem<ClosedCase>(2)).toMatchObject({
      pk: 'CLOSED#2027-01',
      sk: `2026-12-31T16:30:00.000Z#${CASE_ID}`,
      sla: 'missed',
    });
  });

  test('run again after completion, it reports no KPI twice', async () => {
    // Prepare
    givenCase(readyToClose());
    setNow(at(7.5));
    await invoke({ applicationId: CASE_ID });
    const completedOnce = harness.metrics().filter((metric) => metric.name === 'CaseCompleted').length;
    givenCase(putItem(1));

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    expect(completedOnce).toBe(1);
    expect(harness.metrics().filter((metric) => metric.name === 'CaseCompleted')).toHaveLength(1);
    expect(harness.metrics().filter((metric) => metric.name === 'WorkingTimeRatio')).toHaveLength(3);
  });
});

describe('rejectCase', () => {
  const invoke = (event: unknown) => rejectCaseHandler(event, lambdaContext('CaseReject'));
  const REJECTED_AT = at(26);

  /** Registration by rule; invoice rejected by its officer; seal still with its department. */
  function invoiceRejected(): { record: CaseRecord; invoiceTask: DepartmentTask; sealTask: DepartmentTask } {
    let record = registered();
    for (const item of ['invoice', 'seal'] as const)
      record = withTask(startItemReview(record, item, REVIEW_AT), item, REVIEW_AT);
    record = decide(record, 'invoice', 'rejected', at(25));
    const invoiceTask = departmentTask({
      id: expectedTaskId(CASE_ID, 'invoice', 1),
      item: 'invoice',
      department: 'tax',
      status: 'closed',
      outcome: 'rejected',
      decidedBy: officer('invoice'),
      decidedAt: at(25),
    });
    const sealTask = departmentTask({
      id: expectedTaskId(CASE_ID, 'seal', 1),
      item: 'seal',
      department: 'public-security',
      token: 'token-seal-review',
    });
    return { record: atVersion(record, 11), invoiceTask, sealTask };
  }

  /** Rejected on its second day: counted for the on-time rate, with no items for the time ratios. */
  const rejectedFacts: ClosedCase = {
    id: CASE_ID,
    bundle: 'company-opening',
    status: 'rejected',
    submittedAt: SUBMITTED_AT,
    closedAt: REJECTED_AT,
    sla: 'met',
    online: true,
    trips: 0,
    workingDays: (Date.parse(REJECTED_AT) - Date.parse(SUBMITTED_AT)) / DAY,
    limitWorkingDays: 3,
    items: [],
  };

  test('closes the still-open tasks as cancelled first, then rejects the case, cancels what is left and keeps its KPI facts', async () => {
    // Prepare
    const { record, invoiceTask, sealTask } = invoiceRejected();
    givenCase(record);
    givenTask(invoiceTask);
    givenTask(sealTask);
    setNow(REJECTED_AT);

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'invoice' });

    // Assess
    expect(result).toBeUndefined();
    const expected = structuredClone(record);
    expected.status = 'rejected';
    stateOf(expected, 'seal').status = 'cancelled';
    expected.closedAt = REJECTED_AT;
    expected.sla = { ...expected.sla, state: 'met', revision: 1 };
    expected.timeline.push({ at: REJECTED_AT, type: 'case-rejected', actor: SYSTEM, item: 'invoice' });
    expected.applied.push('rejected');
    expect(sentToAny()).toEqual([
      getCase(),
      getTask(invoiceTask.id),
      getTask(sealTask.id),
      closeTask({ ...sealTask, status: 'closed', outcome: 'cancelled', decidedAt: REJECTED_AT }),
      getCase(),
      putCase(expected, 11),
      putClosedCase(rejectedFacts, '2026-12'),
      releaseOpenCase(),
      resumeWith(SLA_TIMER_TOKEN, {}),
    ]);
    expect(stateOf(expected, 'registration').status).toBe('approved');
    expect(stateOf(expected, 'invoice').status).toBe('rejected');
    expect(harness.metrics()).toEqual([
      {
        namespace: 'CompanyOpening',
        name: 'CaseRejected',
        unit: 'Count',
        value: 1,
        dimensions: { item: 'invoice' },
      },
    ]);
  });

  test('an open correction request is closed and its running pause ends at the rejection', async () => {
    // Prepare: seal waits for a correction (its task already closed) when invoice is rejected.
    const { invoiceTask, sealTask } = invoiceRejected();
    let record = registered();
    for (const item of ['invoice', 'seal'] as const)
      record = withTask(startItemReview(record, item, REVIEW_AT), item, REVIEW_AT);
    record = decide(record, 'seal', 'correction-requested', at(24));
    record = decide(record, 'invoice', 'rejected', at(25));
    givenCase(atVersion(record, 12));
    givenTask(invoiceTask);
    givenTask({ ...sealTask, status: 'closed', outcome: 'correction-requested' });
    setNow(REJECTED_AT);

    // Act
    await invoke({ applicationId: CASE_ID, item: 'invoice' });

    // Assess
    const casePuts = ddb
      .commandCalls(PutCommand)
      .filter((call) => call.args[0].input.Item?.pk === `APP#${CASE_ID}`);
    expect(casePuts).toHaveLength(1);
    const saved = casePuts[0]?.args[0].input.Item as CaseRecord;
    expect(saved.corrections).toMatchObject([{ id: 'seal-1', status: 'answered' }]);
    expect(saved.sla.pauses).toEqual([{ from: at(24), to: REJECTED_AT }]);
    expect(stateOf(saved, 'seal').status).toBe('cancelled');
    expect(saved.status).toBe('rejected');
  });

  test('a task closed by a racing officer (conditional check failed) does not stop the rejection', async () => {
    // Prepare
    const { record, invoiceTask, sealTask } = invoiceRejected();
    givenCase(record);
    givenTask(invoiceTask);
    givenTask(sealTask);
    ddb.on(PutCommand, { Item: { pk: `TASK#${sealTask.id}` } }).rejects(conditionFailed());
    setNow(REJECTED_AT);

    // Act
    await invoke({ applicationId: CASE_ID, item: 'invoice' });

    // Assess
    const puts = ddb.commandCalls(PutCommand).map((call) => call.args[0].input.Item?.pk);
    expect(puts).toEqual([`TASK#${sealTask.id}`, `APP#${CASE_ID}`, 'CLOSED#2026-12']);
  });

  test('run again after the rejection, it leaves the case alone, writes its facts again and pokes the timer again', async () => {
    // Prepare
    const { record, invoiceTask, sealTask } = invoiceRejected();
    givenCase(record);
    givenTask(invoiceTask);
    givenTask(sealTask);
    setNow(REJECTED_AT);
    await invoke({ applicationId: CASE_ID, item: 'invoice' });
    const rejected = putItem(-3);
    ddb.resetHistory();
    sfn.resetHistory();
    givenCase(rejected);
    givenTask({ ...sealTask, status: 'closed', outcome: 'cancelled', decidedAt: REJECTED_AT });

    // Act
    await invoke({ applicationId: CASE_ID, item: 'invoice' });

    // Assess
    expect(sentToAny()).toEqual([
      getCase(),
      getTask(invoiceTask.id),
      getTask(sealTask.id),
      getCase(),
      putClosedCase(rejectedFacts, '2026-12'),
      releaseOpenCase(),
      resumeWith(SLA_TIMER_TOKEN, {}),
    ]);
  });
});

describe('recordFailure', () => {
  const invoke = (event: unknown) => recordFailureHandler(event, lambdaContext('CaseRecordFailure'));
  const FAILED_AT = at(1);

  /** Registration with its department, task open. */
  function registrationTaskOpen(): CaseRecord {
    const record = startItemReview(startCase(submittedCase(), INTAKE_AT), 'registration', REVIEW_AT);
    return atVersion(withTask(record, 'registration', REVIEW_AT), 4);
  }

  test('closes the open task as cancelled before it records the failure on the case, which leaves the open SLA states', async () => {
    // Prepare
    const current = registrationTaskOpen();
    const task = departmentTask();
    givenCase(current);
    givenTask(task);
    setNow(FAILED_AT);
    const failure = { Error: 'States.TaskFailed', Cause: '{"errorMessage":"boom"}' };

    // Act
    const result = await invoke({ applicationId: CASE_ID, failure });

    // Assess
    expect(result).toBeUndefined();
    const expected = structuredClone(current);
    expected.failure = { error: 'States.TaskFailed', cause: '{"errorMessage":"boom"}', at: FAILED_AT };
    expected.timeline.push({
      at: FAILED_AT,
      type: 'failed',
      actor: SYSTEM,
      details: { error: 'States.TaskFailed' },
    });
    expected.applied.push('failed');
    expect(sentToAny()).toEqual([
      getCase(),
      getTask(task.id),
      closeTask({ ...task, status: 'closed', outcome: 'cancelled', decidedAt: FAILED_AT }),
      getCase(),
      putCase(expected, 4),
    ]);
    // Out of the open SLA states, into the list ops take failed cases up from.
    expect(putItem(-1).slaPk).toBe('SLA#failed');
    expect(harness.metrics()).toEqual([
      { namespace: 'CompanyOpening', name: 'CaseFailed', unit: 'Count', value: 1, dimensions: {} },
    ]);
  });

  test('a Catch output without Cause, and with extra fields, records an empty cause', async () => {
    // Prepare
    const current = atVersion(startCase(submittedCase(), INTAKE_AT), 2);
    givenCase(current);
    setNow(FAILED_AT);

    // Act
    await invoke({ applicationId: CASE_ID, failure: { Error: 'Lambda.Unknown', ErrorDetails: 'x' } });

    // Assess
    expect(sent(ddb).map((call) => call.command)).toEqual(['GetCommand', 'GetCommand', 'PutCommand']);
    const saved = putItem(2);
    expect(saved.failure).toEqual({ error: 'Lambda.Unknown', cause: '', at: FAILED_AT });
  });

  test('run again, it writes nothing', async () => {
    // Prepare
    const task = departmentTask({ status: 'closed', outcome: 'cancelled', decidedAt: FAILED_AT });
    const current = registrationTaskOpen();
    givenCase({
      ...current,
      failure: { error: 'E', cause: '', at: FAILED_AT },
      applied: [...current.applied, 'failed'],
    });
    givenTask(task);

    // Act
    await invoke({ applicationId: CASE_ID, failure: { Error: 'E' } });

    // Assess
    expect(sent(ddb)).toEqual([getCase(), getTask(task.id), getCase()]);
  });

  test('a case that does not exist fails the step without writing', async () => {
    // Prepare
    givenNoCase();

    // Act
    const failure = invoke({ applicationId: CASE_ID, failure: { Error: 'E' } });

    // Assess
    await expect(failure).rejects.toThrow(`Case ${CASE_ID} does not exist`);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  test.each([
    ['no failure', { applicationId: CASE_ID }],
    ['a failure without Error', { applicationId: CASE_ID, failure: { Cause: 'x' } }],
  ])('%s is InvalidStepInput, before any DynamoDB call', async (_, event) => {
    // Act
    const failure = invoke(event);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'InvalidStepInput' });
    expect(ddb.calls()).toHaveLength(0);
  });
});
