import './env';
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from 'vitest';
import { handler as armSlaTimerHandler } from '../../../functions/workflow/arm-sla-timer';
import { handler as checkSlaHandler } from '../../../functions/workflow/check-sla';
import type { CaseRecord, DepartmentTask } from '../../../shared/case/model';
import { LONGEST_WAIT_SECONDS, PAUSED_RECHECK, pausedRecheckSeconds } from '../../../shared/case/sla-timer';
import {
  applyDecision,
  approveInstantly,
  armSlaTimer,
  attachCorrectionToken,
  completeCase,
  openTask,
  recordSlaPoint,
  startCase,
  startItemReview,
  stateOf,
  submitCorrection,
} from '../../../shared/case/transitions';
import {
  atVersion,
  CASE_ID,
  conditionFailed,
  DEADLINE,
  ddb,
  departmentTask,
  expectedTaskId,
  getCase,
  getTask,
  givenCase,
  givenNoCase,
  givenTask,
  INTAKE_AT,
  lambdaContext,
  moveTaskDeadline,
  putCase,
  putItem,
  REVIEW_AT,
  resumeWith,
  SUBMITTED_AT,
  SYSTEM,
  sent,
  sentToAny,
  setNow,
  sfn,
  submittedCase,
  TABLE,
  useWorkflowHarness,
} from './helpers';

const harness = useWorkflowHarness();

/** Start of Friday 2026-12-04, Asia/Shanghai: from here on less than one working day is left. */
const AT_RISK_FROM = '2026-12-03T16:00:00.000Z';
/** Friday 08:00 Asia/Shanghai. */
const FRIDAY_MORNING = '2026-12-04T00:00:00.000Z';
/** Saturday 09:00 Asia/Shanghai: past the deadline. */
const SATURDAY = '2026-12-05T01:00:00.000Z';

/** Registration approved by rule; invoice and seal with their departments. Version 8. */
function twoItemsInReview(): CaseRecord {
  let record = startCase(submittedCase(), INTAKE_AT);
  record = approveInstantly(
    startItemReview(record, 'registration', REVIEW_AT),
    'registration',
    { seals: [], maker: 'x' },
    REVIEW_AT,
  );
  for (const item of ['invoice', 'seal'] as const) {
    record = openTask(
      startItemReview(record, item, REVIEW_AT),
      item,
      expectedTaskId(CASE_ID, item, 1),
      REVIEW_AT,
    );
  }
  return atVersion(record, 8);
}

const slaMetric = (name: string, item: string, department: string) => ({
  namespace: 'CompanyOpening',
  name,
  unit: 'Count',
  value: 1,
  dimensions: { item, department },
});

/** twoItemsInReview()'s open tasks, carrying the case's deadline unless told otherwise. */
const reviewTask = (item: 'invoice' | 'seal', slaDeadline = DEADLINE) =>
  departmentTask({
    id: expectedTaskId(CASE_ID, item, 1),
    item,
    department: item === 'invoice' ? 'tax' : 'public-security',
    slaDeadline,
    token: `token-${item}-review`,
  });

function givenReviewTasks(): void {
  givenTask(reviewTask('invoice'));
  givenTask(reviewTask('seal'));
}

/** What keeping the open tasks' deadlines current reads when they already are. */
const readsReviewTasks = () => [getTask(reviewTask('invoice').id), getTask(reviewTask('seal').id)];

/** What an SLA point records of the items still open: the two in review, with their tasks. */
const openItems = (record: CaseRecord) =>
  (['invoice', 'seal'] as const).map((item) => {
    const { department, taskId } = stateOf(record, item);
    return { item, department, ...(taskId ? { taskId } : {}) };
  });

describe('checkSla', () => {
  const invoke = (event: unknown) => checkSlaHandler(event, lambdaContext('CaseCheckSla'));

  test('on track: only reads, and waits until just past the at-risk point', async () => {
    // Prepare
    givenCase(atVersion(startCase(submittedCase(), INTAKE_AT), 2));
    setNow(SUBMITTED_AT);

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess: 62 hours to Friday 00:00 Asia/Shanghai, plus the 1 ms past it, rounded up to a second.
    expect(result).toEqual({ done: false, waitSeconds: 62 * 3600 + 1, revision: 0 });
    expect(sent(ddb)).toEqual([getCase()]);
    expect(harness.metrics()).toEqual([]);
  });

  test('exactly one working day left is still on track, and it looks again a second later', async () => {
    // Prepare
    givenCase(twoItemsInReview());
    givenReviewTasks();
    setNow(AT_RISK_FROM);

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toEqual({ done: false, waitSeconds: 1, revision: 0 });
    expect(sent(ddb)).toEqual([getCase(), ...readsReviewTasks()]);
  });

  test('with the clock running again, a task an earlier look left on its paused estimate gets the case’s deadline back', async () => {
    // Prepare: a look that read the case paused wrote its estimate after the answer resumed the clock.
    givenCase(twoItemsInReview());
    givenTask(reviewTask('invoice'));
    givenTask(reviewTask('seal', '2026-12-05T03:59:59.999Z'));
    setNow(AT_RISK_FROM);

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    expect(sent(ddb)).toEqual([
      getCase(),
      ...readsReviewTasks(),
      moveTaskDeadline(reviewTask('seal', '2026-12-05T03:59:59.999Z'), DEADLINE),
    ]);
  });

  test('at risk: records the point with a versioned Put, one SlaAtRisk per item still under review, waits for the deadline', async () => {
    // Prepare
    const current = twoItemsInReview();
    givenCase(current);
    givenReviewTasks();
    setNow(FRIDAY_MORNING);

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toEqual({ done: false, waitSeconds: 16 * 3600, revision: 0 });
    const expected = structuredClone(current);
    expected.sla = { ...expected.sla, state: 'at-risk', atRiskAt: FRIDAY_MORNING };
    expected.timeline.push({
      at: FRIDAY_MORNING,
      type: 'sla-at-risk',
      actor: SYSTEM,
      details: { deadline: DEADLINE, openItems: openItems(current) },
    });
    expected.applied.push('sla:at-risk');
    expect(sent(ddb)).toEqual([getCase(), getCase(), putCase(expected, 8), ...readsReviewTasks()]);
    expect(putItem(2).slaPk).toBe('SLA#at-risk');
    expect(harness.metrics()).toEqual([
      slaMetric('SlaAtRisk', 'invoice', 'tax'),
      slaMetric('SlaAtRisk', 'seal', 'public-security'),
    ]);
    expect(sent(sfn)).toEqual([]);
  });

  test('past the deadline with nothing recorded: both points in one write, both metrics, then the longest wait', async () => {
    // Prepare
    const current = twoItemsInReview();
    givenCase(current);
    givenReviewTasks();
    setNow(SATURDAY);

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toEqual({ done: false, waitSeconds: LONGEST_WAIT_SECONDS, revision: 0 });
    expect(LONGEST_WAIT_SECONDS).toBe(365 * 24 * 3600);
    const expected = structuredClone(current);
    expected.sla = { ...expected.sla, state: 'breached', atRiskAt: SATURDAY, breachedAt: SATURDAY };
    expected.timeline.push(
      {
        at: SATURDAY,
        type: 'sla-at-risk',
        actor: SYSTEM,
        details: { deadline: DEADLINE, openItems: openItems(current) },
      },
      {
        at: SATURDAY,
        type: 'sla-breached',
        actor: SYSTEM,
        details: { deadline: DEADLINE, openItems: openItems(current) },
      },
    );
    expected.applied.push('sla:at-risk', 'sla:breached');
    expect(sent(ddb)).toEqual([getCase(), getCase(), putCase(expected, 8), ...readsReviewTasks()]);
    expect(putItem(2).slaPk).toBe('SLA#breached');
    expect(harness.metrics()).toEqual([
      slaMetric('SlaAtRisk', 'invoice', 'tax'),
      slaMetric('SlaAtRisk', 'seal', 'public-security'),
      slaMetric('SlaBreached', 'invoice', 'tax'),
      slaMetric('SlaBreached', 'seal', 'public-security'),
    ]);
  });

  test('past the deadline after the at-risk point was recorded: only the breach is new', async () => {
    // Prepare
    const current = atVersion(recordSlaPoint(twoItemsInReview(), 'at-risk', FRIDAY_MORNING), 9);
    givenCase(current);
    givenReviewTasks();
    setNow(SATURDAY);

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    const saved = putItem(2);
    expect(saved.sla).toMatchObject({ state: 'breached', atRiskAt: FRIDAY_MORNING, breachedAt: SATURDAY });
    expect(saved.applied.slice(-2)).toEqual(['sla:at-risk', 'sla:breached']);
    expect(
      saved.timeline.filter((event) => event.type.startsWith('sla-')).map((event) => event.type),
    ).toEqual(['sla-at-risk', 'sla-breached']);
    expect(harness.metrics()).toEqual([
      slaMetric('SlaBreached', 'invoice', 'tax'),
      slaMetric('SlaBreached', 'seal', 'public-security'),
    ]);
  });

  test('run again with both points recorded, it writes nothing and emits nothing', async () => {
    // Prepare
    const breached = recordSlaPoint(
      recordSlaPoint(twoItemsInReview(), 'at-risk', SATURDAY),
      'breached',
      SATURDAY,
    );
    givenCase(atVersion(breached, 9));
    givenReviewTasks();
    setNow('2026-12-07T01:00:00.000Z');

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toEqual({ done: false, waitSeconds: LONGEST_WAIT_SECONDS, revision: 0 });
    expect(sent(ddb)).toEqual([getCase(), getCase(), ...readsReviewTasks()]);
    expect(harness.metrics()).toEqual([]);
  });

  // Invoice sent back on Wed 2 Dec 10:00 Beijing; seal's task still open with the unpaused deadline.
  const pausedAtInvoice = () =>
    applyDecision(
      twoItemsInReview(),
      'invoice',
      {
        outcome: 'correction-requested',
        reasons: [],
        decidedBy: { role: 'officer', sub: 'o-1', department: 'tax' },
        decidedAt: '2026-12-02T02:00:00.000Z',
        taskId: expectedTaskId(CASE_ID, 'invoice', 1),
      },
      undefined,
    );
  const openSealTask = (slaDeadline = DEADLINE) =>
    departmentTask({
      id: expectedTaskId(CASE_ID, 'seal', 1),
      item: 'seal',
      department: 'public-security',
      slaDeadline,
      token: 'token-seal-review',
    });
  // Paused eight days by Thu 10 Dec 10:00: the timer looks again in four hours (its longest wait), and
  // until then the task assumes the pause ends then — six working days and four hours paused (Wed 10:00
  // → Thu 10 Dec 14:00) carry Friday 4 Dec's end to Tuesday 15 Dec 03:59:59.999.
  const DEADLINE_AFTER_SIX_PAUSED_DAYS = '2026-12-14T19:59:59.999Z';

  test('while a correction pauses the clock it records no SLA point, moves the open task’s deadline to where a pause ending at the next look puts it, and looks again in four hours', async () => {
    // Prepare
    givenCase(atVersion(pausedAtInvoice(), 9));
    givenTask(openSealTask());
    setNow('2026-12-10T02:00:00.000Z');

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toEqual({ done: false, waitSeconds: 14_400, revision: 1 });
    expect(sentToAny()).toEqual([
      getCase(),
      getTask(openSealTask().id),
      moveTaskDeadline(openSealTask(), DEADLINE_AFTER_SIX_PAUSED_DAYS),
    ]);
    expect(putItem<DepartmentTask>(-1).deadlineSk).toBe(
      `${DEADLINE_AFTER_SIX_PAUSED_DAYS}#${openSealTask().id}`,
    );
    expect(harness.metrics()).toEqual([]);
  });

  test('while paused, a task whose deadline is already current is not written again', async () => {
    // Prepare
    givenCase(atVersion(pausedAtInvoice(), 9));
    givenTask(openSealTask(DEADLINE_AFTER_SIX_PAUSED_DAYS));
    setNow('2026-12-10T02:00:00.000Z');

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toEqual({ done: false, waitSeconds: 14_400, revision: 1 });
    expect(sentToAny()).toEqual([getCase(), getTask(openSealTask().id)]);
  });

  test('while paused, a task closed or re-issued between its read and its move is left as it is', async () => {
    // Prepare: the conditional Put loses (the officer decided, or a retried step brought a new token).
    givenCase(atVersion(pausedAtInvoice(), 9));
    givenTask(openSealTask());
    ddb
      .on(PutCommand, { TableName: TABLE, Item: { pk: `TASK#${openSealTask().id}` } })
      .rejects(conditionFailed());
    setNow('2026-12-10T02:00:00.000Z');

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toEqual({ done: false, waitSeconds: 14_400, revision: 1 });
    expect(sentToAny()).toEqual([
      getCase(),
      getTask(openSealTask().id),
      moveTaskDeadline(openSealTask(), DEADLINE_AFTER_SIX_PAUSED_DAYS),
    ]);
  });

  test('while paused it resumes an answered correction whose resume was lost, and tolerates a spent token', async () => {
    // Prepare
    const decidedAt = '2026-12-02T02:00:00.000Z';
    let answered = applyDecision(
      twoItemsInReview(),
      'invoice',
      {
        outcome: 'correction-requested',
        reasons: [{ path: 'invoice.monthlyQuotaCny', message: 'Too high' }],
        decidedBy: { role: 'officer', sub: 'o-1', department: 'tax' },
        decidedAt,
        taskId: expectedTaskId(CASE_ID, 'invoice', 1),
      },
      undefined,
    );
    answered = attachCorrectionToken(answered, 'invoice-1', 'token-correction');
    answered = submitCorrection(answered, {
      form: answered.form,
      changedFields: [],
      by: { role: 'applicant', sub: 'founder-1' },
      at: '2026-12-02T03:00:00.000Z',
    });
    givenCase(atVersion(answered, 9));
    // Paused since 10:00, now 11:10: the timer looks again in 35 minutes, and the open seal task's
    // deadline already counts the pause up to then, 105 minutes.
    const movedDeadline = '2026-12-06T17:44:59.999Z';
    givenTask(openSealTask(movedDeadline));
    sfn.on(SendTaskSuccessCommand).rejects(Object.assign(new Error('spent'), { name: 'TaskTimedOut' }));
    setNow('2026-12-02T03:10:00.000Z');

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toEqual({ done: false, waitSeconds: 2_100, revision: 1 });
    expect(sentToAny()).toEqual([
      getCase(),
      getTask(openSealTask().id),
      resumeWith('token-correction', { correctionId: 'invoice-1' }),
    ]);
  });

  test('the longer a pause has lasted, the less often the timer looks: half the time paused, 10 minutes to 4 hours', () => {
    // Prepare
    const paused = pausedAtInvoice(); // since Wed 2 Dec 10:00 Beijing
    const pausedFor = (minutes: number) =>
      new Date(Date.parse('2026-12-02T02:00:00.000Z') + minutes * 60_000);

    // Act
    const waits = [0, 10, 20, 60, 240, 480, 481, 24 * 60, 7 * 24 * 60].map((minutes) =>
      pausedRecheckSeconds(paused, pausedFor(minutes)),
    );

    // Assess
    expect(waits).toEqual([600, 600, 600, 1_800, 7_200, 14_400, 14_400, 14_400, 14_400]);
    expect(PAUSED_RECHECK).toEqual({ minSeconds: 600, maxSeconds: 14_400 });
    // Looking at that pace, a pause of one day costs 14 looks and each further day 6, where looking
    // every ten minutes cost 144 a day.
    let looks = 0;
    for (let minutes = 0; minutes < 24 * 60; minutes += pausedRecheckSeconds(paused, pausedFor(minutes)) / 60)
      looks++;
    expect(looks).toBe(14);
  });

  test('a closed case ends the timer: done, with one read and no write, however late it is', async () => {
    // Prepare
    const closed = completeCase(twoItemsInReview(), '2026-12-03T02:00:00.000Z');
    givenCase(atVersion(closed, 9));
    setNow('2026-12-20T02:00:00.000Z');

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess
    expect(result).toEqual({ done: true, waitSeconds: 1, revision: 1 });
    expect(sent(ddb)).toEqual([getCase()]);
    expect(harness.metrics()).toEqual([]);
  });

  test('a case that does not exist is refused', async () => {
    // Prepare
    givenNoCase();

    // Act
    const failure = invoke({ applicationId: CASE_ID });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'TransitionRefused' });
    expect(sent(ddb)).toEqual([getCase()]);
  });
});

describe('armSlaTimer', () => {
  const invoke = (event: unknown) => armSlaTimerHandler(event, lambdaContext('CaseArmSlaTimer'));

  test('keeps the timer’s token on the case with a versioned Put', async () => {
    // Prepare
    const current = twoItemsInReview();
    givenCase(current);

    // Act
    const result = await invoke({ applicationId: CASE_ID, token: 'token-sla-1', revision: 0 });

    // Assess
    expect(result).toBeUndefined();
    const expected = structuredClone(current);
    expected.sla.timerToken = 'token-sla-1';
    expect(sent(ddb)).toEqual([getCase(), putCase(expected, 8)]);
    expect(sent(sfn)).toEqual([]);
  });

  test('a new wait replaces the previous token', async () => {
    // Prepare
    givenCase(atVersion(armSlaTimer(twoItemsInReview(), 'token-sla-1', 0), 9));

    // Act
    await invoke({ applicationId: CASE_ID, token: 'token-sla-2', revision: 0 });

    // Assess
    const saved = putItem(1);
    expect(saved.sla.timerToken).toBe('token-sla-2');
    expect(saved.version).toBe(10);
  });

  test('run again with the same token, it writes nothing', async () => {
    // Prepare
    givenCase(atVersion(armSlaTimer(twoItemsInReview(), 'token-sla-1', 0), 9));

    // Act
    await invoke({ applicationId: CASE_ID, token: 'token-sla-1', revision: 0 });

    // Assess
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test('a closed case throws CaseClosed (caught by name: the timer ends) and writes nothing', async () => {
    // Prepare: closed, and its revision moved on too; CaseClosed wins.
    givenCase(atVersion(completeCase(twoItemsInReview(), '2026-12-03T02:00:00.000Z'), 9));

    // Act
    const failure = invoke({ applicationId: CASE_ID, token: 'token-sla-1', revision: 0 });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'CaseClosed', message: `Case ${CASE_ID} is closed` });
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test('an SLA revision that moved on throws SlaChanged (caught by name: the timer recomputes) and writes nothing', async () => {
    // Prepare: a correction paused the clock after the timer computed its wait at revision 0.
    const paused = applyDecision(
      twoItemsInReview(),
      'seal',
      {
        outcome: 'correction-requested',
        reasons: [],
        decidedBy: { role: 'officer', sub: 'o-1', department: 'public-security' },
        decidedAt: '2026-12-02T02:00:00.000Z',
        taskId: expectedTaskId(CASE_ID, 'seal', 1),
      },
      undefined,
    );
    givenCase(atVersion(paused, 9));

    // Act
    const failure = invoke({ applicationId: CASE_ID, token: 'token-sla-1', revision: 0 });

    // Assess
    await expect(failure).rejects.toMatchObject({
      name: 'SlaChanged',
      message: `Case ${CASE_ID} SLA changed since revision 0`,
    });
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test.each([
    ['a negative revision', { applicationId: CASE_ID, token: 'token-sla-1', revision: -1 }],
    ['a fractional revision', { applicationId: CASE_ID, token: 'token-sla-1', revision: 0.5 }],
    ['a revision as text', { applicationId: CASE_ID, token: 'token-sla-1', revision: '0' }],
    ['no token', { applicationId: CASE_ID, revision: 0 }],
  ])('%s is InvalidStepInput, before any DynamoDB call', async (_, event) => {
    // Act
    const failure = invoke(event);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'InvalidStepInput' });
    expect(ddb.calls()).toHaveLength(0);
  });
});
