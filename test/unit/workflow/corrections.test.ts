import './env';
import { describe, expect, test } from 'vitest';
import { handler as applyCorrectionHandler } from '../../../functions/workflow/apply-correction';
import { handler as awaitCorrectionHandler } from '../../../functions/workflow/await-correction';
import type { CaseRecord, CorrectionAnswer } from '../../../shared/case/model';
import {
  applyCorrection,
  applyDecision,
  approveInstantly,
  armSlaTimer,
  attachCorrectionToken,
  openTask,
  startCase,
  startItemReview,
  stateOf,
  submitCorrection,
} from '../../../shared/case/transitions';
import {
  atVersion,
  CASE_ID,
  DEADLINE,
  DECIDED_AT,
  ddb,
  departmentTask,
  expectedTaskId,
  FORM,
  getCase,
  getTask,
  givenCase,
  givenTask,
  INTAKE_AT,
  lambdaContext,
  moveTaskDeadline,
  putCase,
  putItem,
  REVIEW_AT,
  resumeWith,
  SLA_TIMER_TOKEN,
  SYSTEM,
  sent,
  sentToAny,
  setNow,
  sfn,
  submittedCase,
  useWorkflowHarness,
} from './helpers';

useWorkflowHarness();

/** Five working hours after the request: the founder answers; the clock starts again. */
const ANSWERED_AT = '2026-12-02T07:00:00.000Z';
/** An hour later (a resume lost and found again, say): the workflow applies the answer. */
const CORRECTED_AT = '2026-12-02T08:00:00.000Z';
/** Friday's end plus the five paused working hours, carried over the weekend to Monday 04:59:59.999. */
const DEADLINE_AFTER_PAUSE = '2026-12-06T20:59:59.999Z';
const FOUNDER = { role: 'applicant', sub: 'founder-1' } as const;
const REASONS = [{ path: 'company.address.detail', message: 'Room number missing' }];

/** Registration sent back for correction in round 1, SLA paused, at version 6. */
function correctionRequested(): CaseRecord {
  const taskId = expectedTaskId(CASE_ID, 'registration', 1);
  let record = startItemReview(startCase(submittedCase(), INTAKE_AT), 'registration', REVIEW_AT);
  record = armSlaTimer(openTask(record, 'registration', taskId, REVIEW_AT), SLA_TIMER_TOKEN, 0);
  record = applyDecision(
    record,
    'registration',
    {
      outcome: 'correction-requested',
      reasons: REASONS,
      decidedBy: { role: 'officer', sub: 'officer-mr-1', department: 'market-regulation' },
      decidedAt: DECIDED_AT,
      taskId,
    },
    undefined,
  );
  return atVersion(record, 6);
}

function correctedForm() {
  const form = structuredClone(FORM);
  form.company.address.detail = '示例路18号A栋302房';
  return form;
}

function answer(): CorrectionAnswer {
  return {
    form: correctedForm(),
    note: 'Room fixed',
    changedFields: ['company.address.detail'],
    by: FOUNDER,
    at: ANSWERED_AT,
  };
}

describe('awaitCorrection', () => {
  const invoke = (event: unknown) => awaitCorrectionHandler(event, lambdaContext('CaseAwaitCorrection'));

  test('keeps the workflow’s token on the open correction request, conditional on the version read', async () => {
    // Prepare
    const current = correctionRequested();
    givenCase(current);

    // Act
    const result = await invoke({
      applicationId: CASE_ID,
      item: 'registration',
      token: 'token-correction-1',
    });

    // Assess
    expect(result).toBeUndefined();
    const expected = structuredClone(current);
    const [request] = expected.corrections;
    if (request) request.token = 'token-correction-1';
    expect(sent(ddb)).toEqual([getCase(), putCase(expected, 6)]);
    expect(sent(sfn)).toEqual([]);
  });

  test('run again with the same token, it writes nothing', async () => {
    // Prepare
    givenCase(
      atVersion(attachCorrectionToken(correctionRequested(), 'registration-1', 'token-correction-1'), 7),
    );

    // Act
    await invoke({ applicationId: CASE_ID, item: 'registration', token: 'token-correction-1' });

    // Assess
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test('a correction the founder answered before the workflow got here throws CorrectionAlreadyAnswered', async () => {
    // Prepare
    givenCase(atVersion(submitCorrection(correctionRequested(), answer()), 7));

    // Act
    const failure = invoke({ applicationId: CASE_ID, item: 'registration', token: 'token-correction-1' });

    // Assess: the state machine catches this error by name and applies the answer at once.
    await expect(failure).rejects.toMatchObject({
      name: 'CorrectionAlreadyAnswered',
      message: 'Correction registration-1 is already answered',
    });
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test('an item with no correction request is refused without writing', async () => {
    // Prepare
    givenCase(correctionRequested());

    // Act
    const failure = invoke({ applicationId: CASE_ID, item: 'seal', token: 'token-correction-1' });

    // Assess
    await expect(failure).rejects.toMatchObject({
      name: 'TransitionRefused',
      message: `Case ${CASE_ID} has no correction request for seal`,
    });
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test('a correction request already applied is no longer open: refused without writing', async () => {
    // Prepare
    const applied = applyCorrection(
      submitCorrection(correctionRequested(), answer()),
      'registration-1',
      CORRECTED_AT,
    );
    givenCase(atVersion(applied, 8));

    // Act
    const failure = invoke({ applicationId: CASE_ID, item: 'registration', token: 'token-correction-2' });

    // Assess
    await expect(failure).rejects.toMatchObject({
      name: 'TransitionRefused',
      message: 'No open correction registration-1',
    });
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test('no token is InvalidStepInput, before any DynamoDB call', async () => {
    // Act
    const failure = invoke({ applicationId: CASE_ID, item: 'registration' });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'InvalidStepInput' });
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('applyCorrection', () => {
  const invoke = (event: unknown) => applyCorrectionHandler(event, lambdaContext('CaseApplyCorrection'));

  test('applies the answer: new form, next round, SLA resumed from the answer with the deadline moved, then pokes the SLA timer', async () => {
    // Prepare
    const current = atVersion(submitCorrection(correctionRequested(), answer()), 7);
    givenCase(current);
    setNow(CORRECTED_AT);

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'registration' });

    // Assess
    expect(result).toBeUndefined();
    const expected = structuredClone(current);
    expected.form = correctedForm();
    expected.status = 'in-review';
    const [request] = expected.corrections;
    if (!request) throw new Error('the fixture has a correction request');
    Object.assign(request, {
      status: 'answered',
      answeredAt: ANSWERED_AT,
      changedFields: ['company.address.detail'],
      // Applied, the answer's form is the case's form: the request keeps no second copy.
      answer: { ...request.answer, form: undefined },
    });
    expected.items.registration = {
      ...stateOf(expected, 'registration'),
      status: 'in-review',
      round: 2,
      taskId: undefined,
    };
    expected.sla = {
      ...expected.sla,
      pauses: [{ from: DECIDED_AT, to: ANSWERED_AT }],
      revision: 2,
      deadline: DEADLINE_AFTER_PAUSE,
    };
    expected.timeline.push({
      at: CORRECTED_AT,
      type: 'corrected',
      actor: SYSTEM,
      item: 'registration',
      details: { round: 2, changedFields: ['company.address.detail'] },
    });
    expected.applied.push('correction:registration-1:applied');
    expect(sentToAny()).toEqual([getCase(), putCase(expected, 7), resumeWith(SLA_TIMER_TOKEN, {})]);
    const saved = putItem(1);
    expect(saved.deadlineSk).toBe(`${DEADLINE_AFTER_PAUSE}#${CASE_ID}`);
  });

  test('with another correction still open the case stays paused and waiting', async () => {
    // Prepare: registration approved; invoice and seal both sent back; the founder answers both at once.
    const officer = (department: 'tax' | 'public-security') => ({
      role: 'officer' as const,
      sub: 'o-1',
      department,
    });
    let record = startCase(submittedCase(), INTAKE_AT);
    record = startItemReview(record, 'registration', REVIEW_AT);
    record = approveInstantly(record, 'registration', { seals: [], maker: 'x' }, REVIEW_AT);
    for (const [item, department] of [
      ['invoice', 'tax'],
      ['seal', 'public-security'],
    ] as const) {
      const taskId = expectedTaskId(CASE_ID, item, 1);
      record = openTask(startItemReview(record, item, REVIEW_AT), item, taskId, REVIEW_AT);
      record = applyDecision(
        record,
        item,
        {
          outcome: 'correction-requested',
          reasons: REASONS,
          decidedBy: officer(department),
          decidedAt: DECIDED_AT,
          taskId,
        },
        undefined,
      );
    }
    const current = atVersion(submitCorrection(record, answer()), 12);
    givenCase(current);
    setNow(CORRECTED_AT);

    // Act
    await invoke({ applicationId: CASE_ID, item: 'invoice' });

    // Assess
    const saved = putItem(1);
    expect(saved.status).toBe('correction-needed');
    expect(saved.sla.pauses).toEqual([{ from: DECIDED_AT }]);
    expect(saved.sla.revision).toBe(current.sla.revision);
    expect(saved.items.invoice).toMatchObject({ status: 'in-review', round: 2 });
    expect(saved.items.seal).toMatchObject({ status: 'awaiting-correction', round: 1 });
    expect(saved.corrections.map((request) => [request.id, request.status])).toEqual([
      ['invoice-1', 'answered'],
      ['seal-1', 'open'],
    ]);
  });

  test('the clock resumed, the open task of another department follows the moved deadline', async () => {
    // Prepare: registration approved; seal sent back and answered while invoice's task stays open.
    let record = startCase(submittedCase(), INTAKE_AT);
    record = startItemReview(record, 'registration', REVIEW_AT);
    record = approveInstantly(record, 'registration', { seals: [], maker: 'x' }, REVIEW_AT);
    for (const item of ['invoice', 'seal'] as const) {
      record = openTask(
        startItemReview(record, item, REVIEW_AT),
        item,
        expectedTaskId(CASE_ID, item, 1),
        REVIEW_AT,
      );
    }
    record = armSlaTimer(record, SLA_TIMER_TOKEN, 0);
    record = applyDecision(
      record,
      'seal',
      {
        outcome: 'correction-requested',
        reasons: [{ path: 'seals.set', message: 'A contract seal needs a board resolution' }],
        decidedBy: { role: 'officer', sub: 'officer-ps-1', department: 'public-security' },
        decidedAt: DECIDED_AT,
        taskId: expectedTaskId(CASE_ID, 'seal', 1),
      },
      undefined,
    );
    const sealsFixed = structuredClone(FORM);
    sealsFixed.seals.set = ['company', 'finance'];
    givenCase(
      atVersion(
        submitCorrection(record, { ...answer(), form: sealsFixed, changedFields: ['seals.set'] }),
        10,
      ),
    );
    const invoiceTask = departmentTask({
      id: expectedTaskId(CASE_ID, 'invoice', 1),
      item: 'invoice',
      department: 'tax',
      slaDeadline: DEADLINE,
      token: 'token-invoice-review',
    });
    givenTask(invoiceTask);
    setNow(CORRECTED_AT);

    // Act
    await invoke({ applicationId: CASE_ID, item: 'seal' });

    // Assess
    const moved = DEADLINE_AFTER_PAUSE;
    expect(putItem(1).sla.deadline).toBe(moved);
    const calls = sentToAny();
    expect(calls.map((call) => call.command)).toEqual([
      'GetCommand',
      'PutCommand',
      'GetCommand',
      'PutCommand',
      'SendTaskSuccessCommand',
    ]);
    expect(calls.slice(2)).toEqual([
      getTask(invoiceTask.id),
      moveTaskDeadline(invoiceTask, moved),
      resumeWith(SLA_TIMER_TOKEN, {}),
    ]);
  });

  test('a correction with no answer yet is refused: nothing written, the timer not poked', async () => {
    // Prepare
    givenCase(correctionRequested());

    // Act
    const failure = invoke({ applicationId: CASE_ID, item: 'registration' });

    // Assess
    await expect(failure).rejects.toMatchObject({
      name: 'TransitionRefused',
      message: 'Correction registration-1 has no answer to apply',
    });
    expect(sent(ddb)).toEqual([getCase()]);
    expect(sent(sfn)).toEqual([]);
  });

  test('run again after it was applied, it writes nothing but pokes the timer again (a crash may have come between)', async () => {
    // Prepare
    const applied = applyCorrection(
      submitCorrection(correctionRequested(), answer()),
      'registration-1',
      CORRECTED_AT,
    );
    givenCase(atVersion(applied, 8));

    // Act
    await invoke({ applicationId: CASE_ID, item: 'registration' });

    // Assess
    expect(sentToAny()).toEqual([getCase(), resumeWith(SLA_TIMER_TOKEN, {})]);
  });
});
