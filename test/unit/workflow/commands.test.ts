import './env';
import { createHash } from 'node:crypto';
import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  answerCorrections,
  decideTask,
  requestHashOf,
  submitApplication,
} from '../../../shared/case/commands';
import type { CaseRecord } from '../../../shared/case/model';
import {
  applyCorrection,
  applyDecision,
  attachCorrectionToken,
  openTask,
  startCase,
  startItemReview,
  stateOf,
  submitCorrection,
} from '../../../shared/case/transitions';
import { formBytes, MAX_FORM_BYTES } from '../../../shared/data/item-limits';
import { AppError, parseOrThrow } from '../../../shared/errors';
import { type ApplicationForm, applicationFormSchema } from '../../../shared/form';
import { largestValidForm, withShareholders } from '../../integration/largest-form';
import {
  atVersion,
  CASE_ID,
  caseItem,
  closeTask,
  conditionFailed,
  copyMaterial,
  DEADLINE,
  ddb,
  departmentTask,
  expectedTaskId,
  FORM,
  filedFiles,
  getCase,
  getTask,
  getUpload,
  givenCase,
  givenTask,
  givenUploads,
  LIVE_ALIAS_ARN,
  putCase,
  resumeWith,
  STATE_MACHINE_ARN,
  SUBMITTED_AT,
  s3,
  sent,
  sentBy,
  sentToAny,
  setNow,
  sfn,
  submittedCase,
  TABLE,
  uploadRecord,
  useWorkflowHarness,
  validApplication,
} from './helpers';

useWorkflowHarness();

const CJK = /\p{Script=Han}/u;

const sfnError = <E>(type: new (options: { message: string; $metadata: object }) => E, message: string) =>
  new type({ message, $metadata: {} });

describe('submitApplication', () => {
  sentBy('SubmitApplication');
  const FOUNDER = { role: 'applicant' as const, sub: 'founder-1' };
  /** The case id the API derives from who files and their Idempotency-Key. */
  const idFor = (filer: string, key: string) =>
    `co-${createHash('sha256').update(`${filer}\u0000${key}`).digest('base64url').slice(0, 22)}`;
  const FOUNDER_CASE = idFor('founder-1', 'key-1');

  // No case has the id yet: the submission is new, and counted against its filer's limits. Each
  // material names a clean upload of the founder's.
  beforeEach(() => {
    ddb.on(GetCommand).resolves({});
    givenUploads(...FORM.materials.map((material) => uploadRecord(material)));
  });

  /** What filing the fixture's materials sends: each upload read, then each copied under the case. */
  const filing = (id: string) => [
    ...FORM.materials.map((material) => getUpload(material.uploadId)),
    ...FORM.materials.map((material) => copyMaterial(id, material.uploadId)),
  ];

  /** The reads and counts a new submission sends before it stores the case. */
  const counting = (id: string, day = '2026-12-01') => [
    {
      command: 'GetCommand',
      input: { TableName: TABLE, Key: { pk: `APP#${id}`, sk: 'CASE' }, ConsistentRead: true },
    },
    ...[`DAY#${day}`, 'OPEN'].map((sk) => ({
      command: 'UpdateCommand',
      input: {
        TableName: TABLE,
        Key: { pk: 'LIMIT#FOUNDER#founder-1', sk },
        UpdateExpression: 'ADD #cases :case',
        ConditionExpression: 'attribute_not_exists(#cases) OR contains(#cases, :id) OR size(#cases) < :limit',
        ExpressionAttributeNames: { '#cases': 'cases' },
        ExpressionAttributeValues: { ':case': new Set([id]), ':id': id, ':limit': sk === 'OPEN' ? 20 : 50 },
      },
    })),
  ];

  /** As the route does: the body checked against its schema, then the command. */
  async function submit(
    body: unknown,
    filedBy: { role: 'applicant' | 'agent'; sub: string } = FOUNDER,
    key = 'key-1',
  ) {
    const form = parseOrThrow(applicationFormSchema, body);
    return submitApplication({ owner: 'founder-1', filedBy, idempotencyKey: key, form, requestBody: body });
  }

  function storedItem(): Record<string, unknown> {
    return (ddb.commandCalls(PutCommand)[0]?.args[0].input.Item ?? {}) as Record<string, unknown>;
  }

  test('stores a new case only if none has its id, then starts the workflow named after the case', async () => {
    // Act
    const { created, record } = await submit(validApplication());

    // Assess
    expect(created).toBe(true);
    expect(record.id).toBe(FOUNDER_CASE);
    const expected: CaseRecord = {
      id: FOUNDER_CASE,
      version: 0,
      status: 'submitted',
      owner: 'founder-1',
      filedBy: FOUNDER,
      idempotencyKey: 'key-1',
      requestHash: record.requestHash,
      submittedAt: SUBMITTED_AT,
      form: FORM,
      bundle: 'company-opening',
      catalogueVersion: '2026-12-01.1',
      // The seal's limit is still to-confirm in the catalogue: it keeps none.
      items: {
        registration: { status: 'pending', department: 'market-regulation', round: 0, limitWorkingDays: 3 },
        invoice: { status: 'pending', department: 'tax', round: 0, limitWorkingDays: 5 },
        seal: { status: 'pending', department: 'public-security', round: 0 },
      },
      sla: { workingDays: 3, pauses: [], state: 'on-track', deadline: DEADLINE, revision: 0 },
      corrections: [],
      trips: 0,
      timeline: [{ at: SUBMITTED_AT, type: 'submitted', actor: FOUNDER }],
      applied: [],
      eventsPublished: 0,
      files: filedFiles(FOUNDER_CASE, SUBMITTED_AT),
    };
    expect(record).toEqual(expected);
    expect(record.requestHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [readCase, ...counts] = counting(FOUNDER_CASE);
    expect(sentToAny()).toEqual([
      readCase,
      ...filing(FOUNDER_CASE),
      ...counts,
      {
        command: 'PutCommand',
        input: {
          TableName: TABLE,
          Item: caseItem(expected),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        command: 'StartExecutionCommand',
        input: {
          stateMachineArn: LIVE_ALIAS_ARN,
          name: FOUNDER_CASE,
          input: JSON.stringify({ applicationId: FOUNDER_CASE }),
        },
      },
    ]);
    expect(storedItem()).not.toHaveProperty('agentPk', expect.anything());
  });

  test('an agent filing for a founder: the case id comes from the agent’s key, the agent index is set', async () => {
    // Prepare: the agent uploaded the files.
    givenUploads(...FORM.materials.map((material) => uploadRecord(material, 'agent-7')));

    // Act
    const { record } = await submit(validApplication(), { role: 'agent', sub: 'agent-7' }, 'desk-42');

    // Assess
    const id = idFor('agent-7', 'desk-42');
    expect(record.id).toBe(id);
    expect(storedItem()).toMatchObject({
      pk: `APP#${id}`,
      ownerPk: 'OWNER#founder-1',
      agentPk: 'AGENT#agent-7',
    });
  });

  test('the request hash ignores key order, and changes with the content', async () => {
    // Prepare
    const body = validApplication();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const changed = { ...body, channel: 'mini-program' };

    // Act
    const first = await submit(body, FOUNDER, 'key-a');
    const same = await submit(reordered, FOUNDER, 'key-b');
    const other = await submit(changed, FOUNDER, 'key-c');

    // Assess
    expect(same.record.requestHash).toBe(first.record.requestHash);
    expect(other.record.requestHash).not.toBe(first.record.requestHash);
  });

  test('the same key and body again: no second case, the stored one answered, and the start sent again', async () => {
    // Prepare: the first request stored the case; the workflow has moved it on since.
    const { record: original } = await submit(validApplication());
    ddb.resetHistory();
    sfn.resetHistory();
    s3.resetHistory();
    const stored = { ...atVersion(startCase(original, '2026-12-01T02:00:05.000Z'), 1) };
    ddb.on(PutCommand).rejects(conditionFailed());
    ddb
      .on(GetCommand, { Key: { pk: `APP#${FOUNDER_CASE}`, sk: 'CASE' } })
      .resolves({ Item: caseItem(stored) });

    // Act
    const replay = await submit(validApplication());

    // Assess
    expect(replay).toEqual({ created: false, record: stored });
    expect(sentToAny()).toEqual([
      {
        command: 'GetCommand',
        input: { TableName: TABLE, Key: { pk: `APP#${FOUNDER_CASE}`, sk: 'CASE' }, ConsistentRead: true },
      },
      expect.objectContaining({ command: 'PutCommand' }),
      {
        command: 'GetCommand',
        input: { TableName: TABLE, Key: { pk: `APP#${FOUNDER_CASE}`, sk: 'CASE' }, ConsistentRead: true },
      },
      {
        command: 'StartExecutionCommand',
        input: {
          stateMachineArn: LIVE_ALIAS_ARN,
          name: FOUNDER_CASE,
          input: JSON.stringify({ applicationId: FOUNDER_CASE }),
        },
      },
    ]);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(1);
  });

  test('a retry of a case filed before the size limit replays it; a new one that size is refused, nothing counted', async () => {
    // Prepare
    // No form the schema takes reaches the limit since files left the form: this one is past both.
    const body = withShareholders(largestValidForm(), 400) as unknown as ApplicationForm;
    expect(formBytes(body)).toBeGreaterThan(MAX_FORM_BYTES);
    const submitAsIs = (key: string) =>
      submitApplication({
        owner: 'founder-1',
        filedBy: FOUNDER,
        idempotencyKey: key,
        form: body,
        requestBody: body,
      });
    const stored = { ...atVersion(submittedCase(0, body), 3), requestHash: requestHashOf(body) };
    const refusedNew = submitAsIs('key-new');
    await expect(refusedNew).rejects.toMatchObject({
      status: 400,
      code: 'ValidationFailed',
      fields: [{ path: 'shareholders', message: expect.stringContaining('64.0 KiB') }],
    });
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
    ddb
      .on(GetCommand, { Key: { pk: `APP#${FOUNDER_CASE}`, sk: 'CASE' } })
      .resolves({ Item: caseItem(stored) });
    ddb.on(PutCommand).rejects(conditionFailed());

    // Act
    const replay = await submitAsIs('key-1');

    // Assess
    expect(replay.created).toBe(false);
    expect(replay.record.id).toBe(stored.id);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  test('the same key and body after the workflow finished (ExecutionAlreadyExists) still answers the stored case', async () => {
    // Prepare: every item was approved by rule and the execution closed before the client retried.
    const { record: original } = await submit(validApplication());
    ddb.on(PutCommand).rejects(conditionFailed());
    ddb
      .on(GetCommand, { Key: { pk: `APP#${FOUNDER_CASE}`, sk: 'CASE' } })
      .resolves({ Item: caseItem(original) });
    const executionArn = `${STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${FOUNDER_CASE}`;
    sfn
      .on(StartExecutionCommand)
      .rejects(sfnError(ExecutionAlreadyExists, `Execution Already Exists: '${executionArn}'`));
    sfn.resetHistory();

    // Act
    const replay = await submit(validApplication());

    // Assess
    expect(replay).toEqual({ created: false, record: original });
    expect(sent(sfn)).toEqual([
      {
        command: 'StartExecutionCommand',
        input: {
          stateMachineArn: LIVE_ALIAS_ARN,
          name: FOUNDER_CASE,
          input: JSON.stringify({ applicationId: FOUNDER_CASE }),
        },
      },
    ]);
  });

  test('a start failing for another reason fails the submission, so the client retries', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).rejects(sfnError(StateMachineDoesNotExist, 'State Machine Does Not Exist'));

    // Act
    const failure = submit(validApplication());

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
    expect(sent(ddb).map((call) => call.command)).toEqual([
      'GetCommand',
      ...FORM.materials.map(() => 'GetCommand'),
      'UpdateCommand',
      'UpdateCommand',
      'PutCommand',
    ]);
  });

  test('the same key with another body is a 409, and no workflow is started', async () => {
    // Prepare
    const { record: original } = await submit(validApplication());
    ddb.resetHistory();
    sfn.resetHistory();
    s3.resetHistory();
    ddb.on(PutCommand).rejects(conditionFailed());
    ddb
      .on(GetCommand, { Key: { pk: `APP#${FOUNDER_CASE}`, sk: 'CASE' } })
      .resolves({ Item: caseItem(original) });

    // Act
    const failure = submit({ ...validApplication(), channel: 'mini-program' });

    // Assess
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ status: 409, code: 'Conflict' });
    expect(sent(ddb).map((call) => call.command)).toEqual(['GetCommand', 'PutCommand', 'GetCommand']);
    expect(sent(sfn)).toEqual([]);
  });

  test("a material naming another account's upload, a pending one or an infected one is a 400 at its uploadId: nothing copied, counted, stored or started", async () => {
    // Prepare: the first material is clean and the founder's; the others are not fileable.
    const [own, others, pending, infected] = FORM.materials;
    if (!own || !others || !pending || !infected) throw new Error('the fixture has four materials');
    givenUploads(
      uploadRecord(others, 'founder-2'),
      uploadRecord(pending, 'founder-1', { status: 'pending', scan: undefined }),
      uploadRecord(infected, 'founder-1', {
        status: 'infected',
        scan: { status: 'THREATS_FOUND', threats: ['EICAR-Test-File'] },
      }),
    );

    // Act
    const failure = submit(validApplication());

    // Assess
    const error = (await failure.catch((caught: unknown) => caught)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400, code: 'ValidationFailed' });
    expect(error.fields.map((field) => field.path)).toEqual([
      'materials.1.uploadId',
      'materials.2.uploadId',
      'materials.3.uploadId',
    ]);
    expect(error.fields.every((field) => field.message !== '' && CJK.test(field.message_zh))).toBe(true);
    const [readCase] = counting(FOUNDER_CASE);
    expect(sent(ddb)).toEqual([readCase, ...FORM.materials.map((material) => getUpload(material.uploadId))]);
    expect(sent(s3)).toEqual([]);
    expect(sent(sfn)).toEqual([]);
  });

  test('an invalid body is a 400 with every field problem, before any DynamoDB or Step Functions call', async () => {
    // Prepare
    const body = { ...validApplication(), shareholders: [], nickname: 'x' };

    // Act
    const failure = submit(body);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(AppError);
    const error = (await failure.catch((caught: unknown) => caught)) as AppError;
    expect(error).toMatchObject({ status: 400, code: 'ValidationFailed' });
    const paths = error.fields.map((field) => field.path);
    expect(paths).toContain('nickname');
    expect(paths.some((path) => path.startsWith('shareholders'))).toBe(true);
    expect(error.fields.every((field) => field.message !== '' && field.message_zh !== '')).toBe(true);
    expect(ddb.calls()).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });

  test('a write failing for another reason is not taken for a replay', async () => {
    // Prepare
    ddb.on(PutCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));

    // Act
    const failure = submit(validApplication());

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(sent(ddb).map((call) => call.command)).toEqual([
      'GetCommand',
      ...FORM.materials.map(() => 'GetCommand'),
      'UpdateCommand',
      'UpdateCommand',
      'PutCommand',
    ]);
    expect(sent(sfn)).toEqual([]);
  });
});

describe('decideTask', () => {
  sentBy('DecideTask');
  const DECIDED_AT = '2026-12-02T02:00:00.000Z';
  const OFFICER = { sub: 'officer-mr-1', department: 'market-regulation' as const };
  const DECIDED_BY = { role: 'officer', ...OFFICER } as const;
  const reasons = [{ path: 'company.address.detail', message: 'Room number missing' }];

  function decide(overrides: Partial<Parameters<typeof decideTask>[0]> = {}) {
    return decideTask({
      taskId: departmentTask().id,
      officer: OFFICER,
      outcome: 'correction-requested',
      reasons,
      note: 'Please fix',
      ...overrides,
    });
  }

  test('resumes the waiting workflow with the decision, then closes the task conditionally', async () => {
    // Prepare
    const task = departmentTask();
    givenTask(task);
    setNow(DECIDED_AT);

    // Act
    const result = await decide();

    // Assess
    const decision = {
      outcome: 'correction-requested',
      reasons,
      note: 'Please fix',
      decidedBy: DECIDED_BY,
      decidedAt: DECIDED_AT,
      taskId: task.id,
    };
    expect(result).toEqual({
      task: {
        ...task,
        status: 'closed',
        outcome: 'correction-requested',
        decidedBy: DECIDED_BY,
        decidedAt: DECIDED_AT,
      },
      decision,
    });
    expect(sentToAny()).toEqual([
      getTask(task.id),
      resumeWith('token-registration-review', decision),
      closeTask({
        ...task,
        status: 'closed',
        outcome: 'correction-requested',
        decidedBy: DECIDED_BY,
        decidedAt: DECIDED_AT,
      }),
    ]);
    const [resume] = sfn.commandCalls(SendTaskSuccessCommand);
    expect(resume?.args[0].input.taskToken).toBe('token-registration-review');
    expect(JSON.parse(resume?.args[0].input.output ?? '')).toEqual(decision);
  });

  test.each([
    ['TaskTimedOut', sfnError(TaskTimedOut, 'Task Timed Out')],
    ['InvalidToken', sfnError(InvalidToken, 'Invalid Token')],
    ['TaskDoesNotExist', sfnError(TaskDoesNotExist, 'Task Does Not Exist')],
  ])(
    'a token Step Functions answers %s is a 409, and the task is not closed by the call',
    async (_, error) => {
      // Prepare
      givenTask(departmentTask());
      sfn.on(SendTaskSuccessCommand).rejects(error);

      // Act
      const failure = decide({ outcome: 'approved', reasons: [] });

      // Assess
      await expect(failure).rejects.toBeInstanceOf(AppError);
      await expect(failure).rejects.toMatchObject({ status: 409, code: 'Conflict' });
      expect(sent(sfn).map((call) => call.command)).toEqual(['SendTaskSuccessCommand']);
      expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    },
  );

  test('a task already closed is a 409 without calling Step Functions', async () => {
    // Prepare
    givenTask(
      departmentTask({ status: 'closed', outcome: 'approved', decidedBy: DECIDED_BY, decidedAt: DECIDED_AT }),
    );

    // Act
    const failure = decide({ outcome: 'rejected' });

    // Assess
    await expect(failure).rejects.toMatchObject({ status: 409, code: 'Conflict' });
    expect(sent(ddb)).toEqual([getTask(departmentTask().id)]);
    expect(sent(sfn)).toEqual([]);
  });

  test('an officer of another department gets a 404, without calling Step Functions', async () => {
    // Prepare
    givenTask(departmentTask());

    // Act
    const failure = decide({ officer: { sub: 'officer-tax-1', department: 'tax' } });

    // Assess
    await expect(failure).rejects.toMatchObject({ status: 404, code: 'NotFound' });
    expect(sent(sfn)).toEqual([]);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  test('an unknown task is a 404', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({});

    // Act
    const failure = decide({ taskId: 't-unknown' });

    // Assess
    await expect(failure).rejects.toMatchObject({ status: 404, code: 'NotFound' });
    expect(sent(ddb)).toEqual([getTask('t-unknown')]);
    expect(sent(sfn)).toEqual([]);
  });

  test('a throttled resumption is not mistaken for a closed task: it fails as it is, nothing closed', async () => {
    // Prepare
    givenTask(departmentTask());
    sfn
      .on(SendTaskSuccessCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));

    // Act
    const failure = decide();

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  test('the workflow closing the task first (conditional check failed) still answers the decision', async () => {
    // Prepare
    const task = departmentTask();
    givenTask(task);
    ddb.on(PutCommand).rejects(conditionFailed());

    // Act
    const result = await decide({ outcome: 'approved', reasons: [] });

    // Assess
    expect(result.task).toMatchObject({ id: task.id, status: 'closed', outcome: 'approved' });
    expect(sent(ddb).map((call) => call.command)).toEqual(['GetCommand', 'PutCommand']);
  });
});

describe('answerCorrections', () => {
  sentBy('AnswerCorrections');
  const INTAKE_AT = '2026-12-01T02:00:05.000Z';
  const REVIEW_AT = '2026-12-01T02:00:10.000Z';
  const DECIDED_AT = '2026-12-02T02:00:00.000Z';
  const ANSWERED_AT = '2026-12-02T07:00:00.000Z';
  const FOUNDER = { role: 'applicant' as const, sub: 'founder-1' };

  function requestCorrection(
    record: CaseRecord,
    item: 'invoice' | 'seal' | 'registration',
    reasons = [{ path: 'company.address.detail', message: 'Room number missing' }],
  ): CaseRecord {
    const taskId = expectedTaskId(CASE_ID, item, 1);
    const department = stateOf(record, item).department;
    const opened = openTask(startItemReview(record, item, REVIEW_AT), item, taskId, REVIEW_AT);
    return applyDecision(
      opened,
      item,
      {
        outcome: 'correction-requested',
        reasons,
        decidedBy: { role: 'officer', sub: `officer-${item}`, department },
        decidedAt: DECIDED_AT,
        taskId,
      },
      undefined,
    );
  }

  function correctedForm() {
    const form = structuredClone(FORM);
    form.company.address.detail = '示例路18号A栋302房';
    return form;
  }

  const taken = () => startCase(submittedCase(), INTAKE_AT);

  test('stores the answer on the open request with a versioned Put, then resumes the waiting workflow', async () => {
    // Prepare
    const current = atVersion(
      attachCorrectionToken(
        requestCorrection(taken(), 'registration'),
        'registration-1',
        'token-correction-1',
      ),
      6,
    );
    givenCase(current);
    setNow(ANSWERED_AT);

    // Act
    const updated = await answerCorrections({
      applicationId: CASE_ID,
      by: FOUNDER,
      form: correctedForm(),
      note: 'Room fixed',
    });

    // Assess
    const expected = structuredClone(current);
    const [request] = expected.corrections;
    if (!request) throw new Error('the fixture has a correction request');
    request.answer = {
      form: correctedForm(),
      note: 'Room fixed',
      changedFields: ['company.address.detail'],
      by: FOUNDER,
      at: ANSWERED_AT,
    };
    expected.timeline.push({
      at: ANSWERED_AT,
      type: 'correction-submitted',
      actor: FOUNDER,
      details: { changedFields: ['company.address.detail'], note: 'Room fixed', items: ['registration'] },
    });
    expect(updated).toEqual({ ...expected, version: 7 });
    expect(sentToAny()).toEqual([
      // Read once for the files the case holds (its materials, kept as filed), then by the versioned update.
      getCase(),
      getCase(),
      putCase(expected, 6),
      resumeWith('token-correction-1', { correctionId: 'registration-1' }),
    ]);
    expect(updated.form).toEqual(FORM);
  });

  test('one answer serves every open request, each workflow branch resumed with its own id', async () => {
    // Prepare
    let record = requestCorrection(requestCorrection(taken(), 'invoice'), 'seal');
    record = attachCorrectionToken(record, 'invoice-1', 'token-invoice');
    record = attachCorrectionToken(record, 'seal-1', 'token-seal');
    givenCase(atVersion(record, 9));
    setNow(ANSWERED_AT);

    // Act
    const updated = await answerCorrections({ applicationId: CASE_ID, by: FOUNDER, form: correctedForm() });

    // Assess
    expect(updated.corrections.map((request) => request.answer?.changedFields)).toEqual([
      ['company.address.detail'],
      ['company.address.detail'],
    ]);
    expect(sent(sfn)).toEqual([
      resumeWith('token-invoice', { correctionId: 'invoice-1' }),
      resumeWith('token-seal', { correctionId: 'seal-1' }),
    ]);
  });

  test('an earlier request already applied keeps its spent token: only the open request is resumed', async () => {
    // Prepare: invoice's round-1 correction was answered and applied; seal's request is open now.
    let record = requestCorrection(taken(), 'invoice');
    record = attachCorrectionToken(record, 'invoice-1', 'token-invoice-spent');
    record = submitCorrection(record, { form: FORM, changedFields: [], by: FOUNDER, at: DECIDED_AT });
    record = applyCorrection(record, 'invoice-1', DECIDED_AT);
    record = attachCorrectionToken(requestCorrection(record, 'seal'), 'seal-1', 'token-seal');
    givenCase(atVersion(record, 12));
    setNow(ANSWERED_AT);

    // Act
    const updated = await answerCorrections({ applicationId: CASE_ID, by: FOUNDER, form: correctedForm() });

    // Assess
    expect(updated.corrections.map((request) => [request.id, request.status, request.answer?.at])).toEqual([
      ['invoice-1', 'answered', DECIDED_AT],
      ['seal-1', 'open', ANSWERED_AT],
    ]);
    expect(sent(sfn)).toEqual([resumeWith('token-seal', { correctionId: 'seal-1' })]);
  });

  test('answered before the workflow waits (no token yet): stored, nothing to resume', async () => {
    // Prepare
    givenCase(atVersion(requestCorrection(taken(), 'registration'), 6));

    // Act
    await answerCorrections({ applicationId: CASE_ID, by: FOUNDER, form: correctedForm() });

    // Assess
    expect(sent(ddb).map((call) => call.command)).toEqual(['GetCommand', 'GetCommand', 'PutCommand']);
    expect(sent(sfn)).toEqual([]);
  });

  test('a workflow wait that already timed out is not an error for the founder', async () => {
    // Prepare
    const record = attachCorrectionToken(
      requestCorrection(taken(), 'registration'),
      'registration-1',
      'token-old',
    );
    givenCase(atVersion(record, 6));
    sfn.on(SendTaskSuccessCommand).rejects(sfnError(TaskTimedOut, 'Task Timed Out'));

    // Act
    const updated = await answerCorrections({ applicationId: CASE_ID, by: FOUNDER, form: correctedForm() });

    // Assess
    expect(updated.version).toBe(7);
    expect(sent(sfn).map((call) => call.command)).toEqual(['SendTaskSuccessCommand']);
  });

  test('no open correction request is a 409: nothing written, nothing resumed', async () => {
    // Prepare
    givenCase(atVersion(taken(), 2));

    // Act
    const failure = answerCorrections({ applicationId: CASE_ID, by: FOUNDER, form: correctedForm() });

    // Assess
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ status: 409, code: 'Conflict' });
    expect(sent(ddb)).toEqual([getCase(), getCase()]);
    expect(sent(sfn)).toEqual([]);
  });

  test('a change no open request asks for is a 400 naming only those fields: nothing written, nothing resumed', async () => {
    // Prepare: registration approved; the seal department asks about the seal set alone.
    let record = startItemReview(taken(), 'registration', REVIEW_AT);
    record = applyDecision(
      openTask(record, 'registration', expectedTaskId(CASE_ID, 'registration', 1), REVIEW_AT),
      'registration',
      {
        outcome: 'approved',
        reasons: [],
        decidedBy: { role: 'officer', sub: 'officer-mr', department: 'market-regulation' },
        decidedAt: REVIEW_AT,
        taskId: expectedTaskId(CASE_ID, 'registration', 1),
      },
      undefined,
    );
    record = requestCorrection(record, 'seal', [{ path: 'seals.set', message: 'No contract seal' }]);
    givenCase(atVersion(attachCorrectionToken(record, 'seal-1', 'token-seal'), 8));
    const renamed = structuredClone(FORM);
    renamed.seals.set = ['company', 'finance'];
    renamed.company.name.tradeName = '云帆';
    renamed.company.name.full = '广州云帆科技有限公司';

    // Act
    const failure = answerCorrections({ applicationId: CASE_ID, by: FOUNDER, form: renamed });

    // Assess
    await expect(failure).rejects.toMatchObject({
      status: 400,
      code: 'ValidationFailed',
      fields: [
        expect.objectContaining({
          path: 'company.name.tradeName',
          message_zh: expect.stringContaining('企业名称'),
        }),
        expect.objectContaining({
          path: 'company.name.full',
          message: expect.stringContaining('Seal filing'),
        }),
      ],
    });
    expect(sent(ddb)).toEqual([getCase(), getCase()]);
    expect(sent(sfn)).toEqual([]);
  });

  test('a case filed before the size limit is answered at the size it has; an answer growing it is refused', async () => {
    // Prepare: a form over today's limit, accepted before the limit existed, with a request on the address
    const oversized = withShareholders(largestValidForm(), 400) as unknown as ApplicationForm;
    expect(formBytes(oversized)).toBeGreaterThan(MAX_FORM_BYTES);
    const record = requestCorrection(startCase(submittedCase(0, oversized), INTAKE_AT), 'registration');
    givenCase(atVersion(attachCorrectionToken(record, 'registration-1', 'token-correction-1'), 6));
    setNow(ANSWERED_AT);
    const answerWith = (detail: string) => {
      const form = structuredClone(oversized);
      form.company.address.detail = detail;
      return answerCorrections({ applicationId: CASE_ID, by: FOUNDER, form });
    };

    // Act
    const grown = answerWith(`${oversized.company.address.detail}A栋302房`);
    await expect(grown).rejects.toMatchObject({
      status: 400,
      code: 'ValidationFailed',
      fields: [{ path: 'shareholders', message: expect.stringContaining('64.0 KiB') }],
    });
    const kept = await answerWith(oversized.company.address.detail.slice(0, -1));

    // Assess
    expect(kept.corrections[0]).toMatchObject({
      status: 'open',
      answer: { changedFields: ['company.address.detail'] },
    });
    expect(sent(sfn)).toEqual([resumeWith('token-correction-1', { correctionId: 'registration-1' })]);
  });

  test('an answer that changes nothing, with a note, is stored and resumes the workflow', async () => {
    // Prepare
    givenCase(
      atVersion(attachCorrectionToken(requestCorrection(taken(), 'seal'), 'seal-1', 'token-seal'), 6),
    );
    setNow(ANSWERED_AT);

    // Act
    const updated = await answerCorrections({
      applicationId: CASE_ID,
      by: FOUNDER,
      form: FORM,
      note: 'The room number is on the lease already',
    });

    // Assess
    expect(updated.corrections[0]?.answer).toMatchObject({ changedFields: [], note: expect.any(String) });
    expect(sent(ddb).map((call) => call.command)).toEqual(['GetCommand', 'GetCommand', 'PutCommand']);
    expect(sent(sfn)).toEqual([resumeWith('token-seal', { correctionId: 'seal-1' })]);
  });

  test('the same answer again writes nothing and resumes the workflow once more', async () => {
    // Prepare
    const answered = submitCorrection(
      attachCorrectionToken(
        requestCorrection(taken(), 'registration'),
        'registration-1',
        'token-correction-1',
      ),
      { form: correctedForm(), changedFields: ['company.address.detail'], by: FOUNDER, at: ANSWERED_AT },
    );
    givenCase(atVersion(answered, 7));

    // Act
    await answerCorrections({ applicationId: CASE_ID, by: FOUNDER, form: correctedForm() });

    // Assess
    expect(sentToAny()).toEqual([
      getCase(),
      getCase(),
      resumeWith('token-correction-1', { correctionId: 'registration-1' }),
    ]);
  });

  test('a request answered again before it was applied takes the newer answer', async () => {
    // Prepare
    const first = submitCorrection(requestCorrection(taken(), 'registration'), {
      form: FORM,
      changedFields: [],
      by: FOUNDER,
      at: '2026-12-02T03:00:00.000Z',
    });
    givenCase(atVersion(first, 7));
    setNow(ANSWERED_AT);

    // Act
    const updated = await answerCorrections({ applicationId: CASE_ID, by: FOUNDER, form: correctedForm() });

    // Assess
    expect(updated.corrections[0]?.answer).toMatchObject({
      at: ANSWERED_AT,
      changedFields: ['company.address.detail'],
    });
    expect(updated.corrections[0]?.status).toBe('open');
  });
});
