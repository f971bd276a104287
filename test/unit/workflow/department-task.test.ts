import './env';
import { SendTaskSuccessCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from 'vitest';
import { handler as applyDecisionHandler } from '../../../functions/workflow/apply-decision';
import { handler as openTaskHandler } from '../../../functions/workflow/open-department-task';
import type { CaseRecord, DepartmentTask } from '../../../shared/case/model';
import { registrationResult } from '../../../shared/case/results';
import {
  applyCorrection,
  applyDecision,
  armSlaTimer,
  type Decision,
  openTask,
  startCase,
  startItemReview,
  stateOf,
  submitCorrection,
} from '../../../shared/case/transitions';
import {
  atVersion,
  CASE_ID,
  closeTask,
  conditionFailed,
  DEADLINE,
  DECIDED_AT,
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
  TABLE,
  taskItem,
  useWorkflowHarness,
} from './helpers';

const harness = useWorkflowHarness();

/** Six working hours later. */
const CORRECTED_AT = '2026-12-02T08:00:00.000Z';
const OFFICER = { role: 'officer', sub: 'officer-mr-1', department: 'market-regulation' } as const;
const REGISTRATION_TASK = expectedTaskId(CASE_ID, 'registration', 1);

/** Registration reviewed by rules that did not pass, at version 3. */
function awaitingTask(): CaseRecord {
  const started = startItemReview(startCase(submittedCase(), INTAKE_AT), 'registration', REVIEW_AT);
  return atVersion(started, 3);
}

/** Registration's task open in round 1, the SLA timer armed, at version 5. */
function taskOpen(): CaseRecord {
  const opened = openTask(awaitingTask(), 'registration', REGISTRATION_TASK, REVIEW_AT);
  return atVersion(armSlaTimer(opened, SLA_TIMER_TOKEN, 0), 5);
}

/** What `tasks.open` sends: create, or refresh while open. */
function openTaskPut(task: DepartmentTask) {
  return {
    command: 'PutCommand',
    input: {
      TableName: TABLE,
      Item: taskItem(task),
      ConditionExpression: 'attribute_not_exists(pk) OR #status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open' },
    },
  };
}

describe('openDepartmentTask', () => {
  const invoke = (event: unknown) => openTaskHandler(event, lambdaContext('CaseOpenDepartmentTask'));

  test('puts the task in the department inbox with its token, then records it on the case', async () => {
    // Prepare
    const current = awaitingTask();
    givenCase(current);
    const at = '2026-12-01T02:00:12.000Z';
    setNow(at);

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'registration', token: 'token-review-1' });

    // Assess
    expect(result).toBeUndefined();
    const task: DepartmentTask = {
      id: REGISTRATION_TASK,
      applicationId: CASE_ID,
      item: 'registration',
      department: 'market-regulation',
      round: 1,
      status: 'open',
      slaDeadline: DEADLINE,
      createdAt: at,
      companyName: '广州云启科技有限公司',
      token: 'token-review-1',
    };
    expect(sent(ddb)[1]?.input).toMatchObject({
      Item: {
        pk: `TASK#${REGISTRATION_TASK}`,
        sk: 'TASK',
        departmentPk: 'DEPT#market-regulation#open',
        deadlineSk: `${DEADLINE}#${REGISTRATION_TASK}`,
      },
    });
    const expected = structuredClone(current);
    expected.items.registration = {
      status: 'in-review',
      department: 'market-regulation',
      round: 1,
      limitWorkingDays: 3,
      startedAt: REVIEW_AT,
      taskId: REGISTRATION_TASK,
      instant: false,
    };
    expected.timeline.push({
      at,
      type: 'task-opened',
      actor: SYSTEM,
      item: 'registration',
      details: { round: 1, taskId: REGISTRATION_TASK },
    });
    expected.applied.push('registration:task:1');
    expect(sent(ddb)).toEqual([getCase(), openTaskPut(task), getCase(), putCase(expected, 3)]);
    expect(sent(sfn)).toEqual([]);
  });

  test('a task of a later round gets its own id and the deadline moved by the paused working time', async () => {
    // Prepare: registration sent back for correction (paused 6 working hours), answered and applied.
    const decision: Decision = {
      outcome: 'correction-requested',
      reasons: [{ path: 'company.address.detail', message: 'Room number missing' }],
      decidedBy: OFFICER,
      decidedAt: DECIDED_AT,
      taskId: REGISTRATION_TASK,
    };
    const answered = submitCorrection(applyDecision(taskOpen(), 'registration', decision, undefined), {
      form: FORM,
      changedFields: [],
      by: { role: 'applicant', sub: 'founder-1' },
      at: CORRECTED_AT,
    });
    const current = atVersion(applyCorrection(answered, 'registration-1', CORRECTED_AT), 9);
    givenCase(current);
    setNow(CORRECTED_AT);

    // Act
    await invoke({ applicationId: CASE_ID, item: 'registration', token: 'token-review-2' });

    // Assess
    const round2 = expectedTaskId(CASE_ID, 'registration', 2);
    expect(round2).not.toBe(REGISTRATION_TASK);
    const [, taskPut] = sent(ddb);
    expect(taskPut).toEqual(
      openTaskPut({
        id: round2,
        applicationId: CASE_ID,
        item: 'registration',
        department: 'market-regulation',
        round: 2,
        status: 'open',
        slaDeadline: '2026-12-06T21:59:59.999Z',
        createdAt: CORRECTED_AT,
        companyName: '广州云启科技有限公司',
        token: 'token-review-2',
      }),
    );
    const saved = putItem(3);
    expect(saved.items.registration).toMatchObject({ status: 'in-review', round: 2, taskId: round2 });
    expect(saved.applied.at(-1)).toBe('registration:task:2');
  });

  test('a correction that paused the clock between its read and its write: the new task takes the paused estimate', async () => {
    // Prepare: registration approved, invoice with its officer, seal's task opening; the tax officer
    // sends invoice back (Wed 10:00) between this step's read of the case and its write.
    let before = startItemReview(startCase(submittedCase(), INTAKE_AT), 'registration', REVIEW_AT);
    before = applyDecision(
      openTask(before, 'registration', REGISTRATION_TASK, REVIEW_AT),
      'registration',
      {
        outcome: 'approved',
        reasons: [],
        decidedBy: OFFICER,
        decidedAt: REVIEW_AT,
        taskId: REGISTRATION_TASK,
      },
      registrationResult(CASE_ID, FORM, '2026-12-01'),
    );
    const invoiceTask = expectedTaskId(CASE_ID, 'invoice', 1);
    before = openTask(startItemReview(before, 'invoice', REVIEW_AT), 'invoice', invoiceTask, REVIEW_AT);
    before = atVersion(startItemReview(before, 'seal', REVIEW_AT), 7);
    const paused = applyDecision(
      before,
      'invoice',
      {
        outcome: 'correction-requested',
        reasons: [{ path: 'invoice.monthlyQuotaCny', message: 'Too high' }],
        decidedBy: { role: 'officer', sub: 'officer-tax-1', department: 'tax' },
        decidedAt: DECIDED_AT,
        taskId: invoiceTask,
      },
      undefined,
    );
    givenCase(before, atVersion(paused, 8));
    const sealTask = departmentTask({
      id: expectedTaskId(CASE_ID, 'seal', 1),
      item: 'seal',
      department: 'public-security',
      slaDeadline: DEADLINE,
      createdAt: '2026-12-02T02:00:05.000Z',
      token: 'token-seal-review',
    });
    givenTask(sealTask);
    setNow('2026-12-02T02:00:05.000Z');

    // Act
    await invoke({ applicationId: CASE_ID, item: 'seal', token: 'token-seal-review' });

    // Assess: paused 5 s, the timer looks again in 10 min: 10 min 5 s past Friday's end, over the weekend.
    const estimate = '2026-12-06T16:10:04.999Z';
    expect(sent(ddb).slice(-2)).toEqual([getTask(sealTask.id), moveTaskDeadline(sealTask, estimate)]);
    expect(sent(ddb).map((call) => call.command)).toEqual([
      'GetCommand',
      'PutCommand',
      'GetCommand',
      'PutCommand',
      'GetCommand',
      'PutCommand',
    ]);
  });

  test('run again while the task is open, it refreshes the token and leaves the case alone', async () => {
    // Prepare
    givenCase(taskOpen());

    // Act
    await invoke({ applicationId: CASE_ID, item: 'registration', token: 'token-review-retry' });

    // Assess
    expect(putItem<DepartmentTask>(1).token).toBe('token-review-retry');
    expect(sent(ddb).slice(2)).toEqual([getCase()]);
  });

  test('an existing closed task is not overwritten: the conditional Put fails and the stored task stands', async () => {
    // Prepare: the officer already decided; a late retry of this step brings a new token.
    const closed = departmentTask({
      status: 'closed',
      outcome: 'approved',
      decidedBy: OFFICER,
      decidedAt: DECIDED_AT,
    });
    givenCase(taskOpen());
    givenTask(closed);
    ddb.on(PutCommand, { Item: { pk: `TASK#${REGISTRATION_TASK}` } }).rejects(conditionFailed());
    setNow(DECIDED_AT);

    // Act
    await invoke({ applicationId: CASE_ID, item: 'registration', token: 'token-late' });

    // Assess
    const attempted = sent(ddb)[1];
    expect(attempted).toMatchObject({
      command: 'PutCommand',
      input: {
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :open',
        Item: { id: REGISTRATION_TASK, status: 'open', token: 'token-late' },
      },
    });
    expect(sent(ddb)).toEqual([getCase(), attempted, getTask(REGISTRATION_TASK), getCase()]);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(1);
  });

  test('a case that does not exist is refused before any task is written', async () => {
    // Prepare
    givenNoCase();

    // Act
    const failure = invoke({ applicationId: CASE_ID, item: 'registration', token: 'token-review-1' });

    // Assess
    await expect(failure).rejects.toMatchObject({
      name: 'TransitionRefused',
      message: `Case ${CASE_ID} does not exist`,
    });
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test.each([
    ['no token', { applicationId: CASE_ID, item: 'registration' }],
    ['an empty token', { applicationId: CASE_ID, item: 'registration', token: '' }],
    [
      'a token over 2048 characters',
      { applicationId: CASE_ID, item: 'registration', token: 't'.repeat(2049) },
    ],
  ])('%s is InvalidStepInput, before any DynamoDB call', async (_, event) => {
    // Act
    const failure = invoke(event);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'InvalidStepInput' });
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('applyDecision', () => {
  const invoke = (event: unknown) => applyDecisionHandler(event, lambdaContext('CaseApplyDecision'));

  function decisionOf(outcome: Decision['outcome'], extra: Partial<Decision> = {}): Decision {
    return {
      outcome,
      reasons: [],
      decidedBy: OFFICER,
      decidedAt: DECIDED_AT,
      taskId: REGISTRATION_TASK,
      ...extra,
    };
  }

  test('approved: the item is approved with its result, then the task closes conditionally; the SLA timer is left alone', async () => {
    // Prepare
    const current = taskOpen();
    const task = departmentTask();
    givenCase(current);
    givenTask(task);
    const decision = decisionOf('approved', { note: 'All in order' });

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'registration', decision });

    // Assess
    expect(result).toEqual({ outcome: 'approved' });
    const expected = structuredClone(current);
    expected.items.registration = {
      ...stateOf(expected, 'registration'),
      status: 'approved',
      decidedAt: DECIDED_AT,
      decidedBy: OFFICER,
      reasons: [],
      note: 'All in order',
      result: registrationResult(CASE_ID, FORM, '2026-12-02'),
    };
    expected.timeline.push({
      at: DECIDED_AT,
      type: 'approved',
      actor: OFFICER,
      item: 'registration',
      details: { round: 1, taskId: REGISTRATION_TASK, reasons: [], note: 'All in order' },
    });
    expected.applied.push('registration:decision:1');
    expect(sent(ddb)).toEqual([
      getCase(),
      putCase(expected, 5),
      getTask(REGISTRATION_TASK),
      closeTask({
        ...task,
        status: 'closed',
        outcome: 'approved',
        decidedBy: OFFICER,
        decidedAt: DECIDED_AT,
      }),
    ]);
    expect(sent(ddb)[3]?.input).toMatchObject({
      Item: {
        pk: `TASK#${REGISTRATION_TASK}`,
        departmentPk: 'DEPT#market-regulation#closed',
        status: 'closed',
      },
    });
    expect(sent(sfn)).toEqual([]);
    expect(harness.metrics()).toEqual([
      {
        namespace: 'CompanyOpening',
        name: 'ItemDecided',
        unit: 'Count',
        value: 1,
        dimensions: { item: 'registration', outcome: 'approved' },
      },
    ]);
  });

  test('correction requested: the case pauses its SLA, the task closes, then the SLA timer is told to recompute', async () => {
    // Prepare
    const current = taskOpen();
    const task = departmentTask();
    givenCase(current);
    givenTask(task);
    const reasons = [
      { path: 'company.address.detail', message: 'Room number missing' },
      { path: 'materials', message: 'Address proof unreadable' },
    ];
    const decision = decisionOf('correction-requested', { reasons, note: 'Fix both at once' });

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'registration', decision });

    // Assess
    expect(result).toEqual({ outcome: 'correction-requested' });
    const expected = structuredClone(current);
    expected.status = 'correction-needed';
    expected.items.registration = {
      ...stateOf(expected, 'registration'),
      status: 'awaiting-correction',
      decidedAt: DECIDED_AT,
      decidedBy: OFFICER,
      reasons,
      note: 'Fix both at once',
    };
    expected.corrections = [
      {
        id: 'registration-1',
        item: 'registration',
        round: 1,
        status: 'open',
        requestedAt: DECIDED_AT,
        requestedBy: OFFICER,
        reasons,
        note: 'Fix both at once',
      },
    ];
    expected.sla = { ...expected.sla, pauses: [{ from: DECIDED_AT }], revision: 1 };
    expected.timeline.push({
      at: DECIDED_AT,
      type: 'correction-requested',
      actor: OFFICER,
      item: 'registration',
      details: { round: 1, taskId: REGISTRATION_TASK, reasons, note: 'Fix both at once' },
    });
    expected.applied.push('registration:decision:1');
    expect(sentToAny()).toEqual([
      getCase(),
      putCase(expected, 5),
      getTask(REGISTRATION_TASK),
      closeTask({
        ...task,
        status: 'closed',
        outcome: 'correction-requested',
        decidedBy: OFFICER,
        decidedAt: DECIDED_AT,
      }),
      resumeWith(SLA_TIMER_TOKEN, {}),
    ]);
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({
      taskToken: 'token-sla-timer',
      output: '{}',
    });
  });

  test('correction requested before the SLA timer armed: no Step Functions call', async () => {
    // Prepare
    const unarmed = atVersion(openTask(awaitingTask(), 'registration', REGISTRATION_TASK, REVIEW_AT), 4);
    givenCase(unarmed);
    givenTask(departmentTask());

    // Act
    await invoke({
      applicationId: CASE_ID,
      item: 'registration',
      decision: decisionOf('correction-requested'),
    });

    // Assess
    expect(sent(ddb).map((call) => call.command)).toEqual([
      'GetCommand',
      'PutCommand',
      'GetCommand',
      'PutCommand',
    ]);
    expect(sent(sfn)).toEqual([]);
  });

  test('rejected: the item is rejected and the task closes as rejected', async () => {
    // Prepare
    const task = departmentTask();
    givenCase(taskOpen());
    givenTask(task);
    const reasons = [{ path: 'company.businessScope[0]', message: 'Restricted activity' }];

    // Act
    const result = await invoke({
      applicationId: CASE_ID,
      item: 'registration',
      decision: decisionOf('rejected', { reasons }),
    });

    // Assess
    expect(result).toEqual({ outcome: 'rejected' });
    const [, , , taskPut] = sent(ddb);
    const saved = putItem(1);
    expect(saved.items.registration).toMatchObject({ status: 'rejected', reasons });
    expect(stateOf(saved, 'registration').result).toBeUndefined();
    expect(saved.timeline.at(-1)).toMatchObject({ type: 'rejected', item: 'registration' });
    expect(taskPut).toEqual(
      closeTask({
        ...task,
        status: 'closed',
        outcome: 'rejected',
        decidedBy: OFFICER,
        decidedAt: DECIDED_AT,
      }),
    );
    expect(sent(sfn)).toEqual([]);
  });

  test('a task the officer’s call already closed is not written again', async () => {
    // Prepare
    givenCase(taskOpen());
    givenTask(
      departmentTask({ status: 'closed', outcome: 'approved', decidedBy: OFFICER, decidedAt: DECIDED_AT }),
    );

    // Act
    const result = await invoke({
      applicationId: CASE_ID,
      item: 'registration',
      decision: decisionOf('approved'),
    });

    // Assess
    expect(result).toEqual({ outcome: 'approved' });
    expect(sent(ddb).map((call) => call.command)).toEqual(['GetCommand', 'PutCommand', 'GetCommand']);
  });

  test('a task closed by a racing writer between read and write (conditional check failed) is not an error', async () => {
    // Prepare
    givenCase(taskOpen());
    givenTask(departmentTask());
    ddb.on(PutCommand, { Item: { pk: `TASK#${REGISTRATION_TASK}` } }).rejects(conditionFailed());

    // Act
    const result = await invoke({
      applicationId: CASE_ID,
      item: 'registration',
      decision: decisionOf('approved'),
    });

    // Assess
    expect(result).toEqual({ outcome: 'approved' });
    expect(sent(ddb).map((call) => call.command)).toEqual([
      'GetCommand',
      'PutCommand',
      'GetCommand',
      'PutCommand',
    ]);
  });

  test('an SLA timer token that timed out is not an error', async () => {
    // Prepare
    givenCase(taskOpen());
    givenTask(departmentTask());
    sfn.on(SendTaskSuccessCommand).rejects(new TaskTimedOut({ message: 'Task Timed Out', $metadata: {} }));

    // Act
    const result = await invoke({
      applicationId: CASE_ID,
      item: 'registration',
      decision: decisionOf('correction-requested'),
    });

    // Assess
    expect(result).toEqual({ outcome: 'correction-requested' });
    expect(sent(sfn)).toEqual([resumeWith(SLA_TIMER_TOKEN, {})]);
  });

  test('a throttled SLA timer resumption fails the step so that it is retried', async () => {
    // Prepare
    givenCase(taskOpen());
    givenTask(departmentTask());
    sfn
      .on(SendTaskSuccessCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));

    // Act
    const failure = invoke({
      applicationId: CASE_ID,
      item: 'registration',
      decision: decisionOf('correction-requested'),
    });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  test('run again after the decision was applied and the task closed, it writes nothing', async () => {
    // Prepare
    const decision = decisionOf('approved');
    const applied = applyDecision(
      taskOpen(),
      'registration',
      decision,
      registrationResult(CASE_ID, FORM, '2026-12-02'),
    );
    givenCase(atVersion(applied, 6));
    givenTask(
      departmentTask({ status: 'closed', outcome: 'approved', decidedBy: OFFICER, decidedAt: DECIDED_AT }),
    );

    // Act
    await invoke({ applicationId: CASE_ID, item: 'registration', decision });

    // Assess
    expect(sent(ddb)).toEqual([getCase(), getTask(REGISTRATION_TASK)]);
    expect(sent(sfn)).toEqual([]);
  });

  test.each([
    ['an outcome outside the three', { outcome: 'deferred' }],
    ['a decider who is not an officer', { decidedBy: { role: 'applicant', sub: 'founder-1' } }],
    ['a decidedAt that is not an ISO instant', { decidedAt: '2 December 2026' }],
    ['a reason with an unknown key', { reasons: [{ path: 'a', message: 'b', severity: 'high' }] }],
    ['no task id', { taskId: undefined }],
  ])('%s is InvalidStepInput, before any DynamoDB call', async (_, change) => {
    // Prepare
    const decision = { ...decisionOf('approved'), ...change };

    // Act
    const failure = invoke({ applicationId: CASE_ID, item: 'registration', decision });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'InvalidStepInput' });
    expect(ddb.calls()).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });
});
