import './env';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from 'vitest';
import { handler } from '../../../functions/workflow/intake';
import { startCase } from '../../../shared/case/transitions';
import {
  atVersion,
  CASE_ID,
  conditionFailed,
  ddb,
  getCase,
  givenCase,
  givenNoCase,
  INTAKE_AT,
  lambdaContext,
  putCase,
  SUBMITTED_AT,
  SYSTEM,
  sent,
  setNow,
  sfn,
  submittedCase,
  TABLE,
  useWorkflowHarness,
} from './helpers';

useWorkflowHarness();

const invoke = (event: unknown) => handler(event, lambdaContext('CaseIntake'));

describe('intake', () => {
  test('reads the case consistently, then writes it in review at version + 1, conditional on the version read', async () => {
    // Prepare
    givenCase(submittedCase(3));
    setNow(INTAKE_AT);

    // Act
    const result = await invoke({ applicationId: CASE_ID });

    // Assess: the state machine routes on the plan, which names only the bundle and the items run
    expect(result).toEqual({
      bundle: 'company-opening',
      runs: {
        registration: true,
        invoice: true,
        seal: true,
        foodBusinessLicence: false,
        fireSafetyInspection: false,
        clinicPractice: false,
        socialInsurance: false,
        housingFund: false,
        bankAppointment: false,
      },
    });
    expect(sent(ddb)).toEqual([
      {
        command: 'GetCommand',
        input: { TableName: TABLE, Key: { pk: `APP#${CASE_ID}`, sk: 'CASE' }, ConsistentRead: true },
      },
      {
        command: 'PutCommand',
        input: {
          TableName: TABLE,
          Item: {
            pk: `APP#${CASE_ID}`,
            sk: 'CASE',
            ownerPk: 'OWNER#founder-1',
            submittedSk: `${SUBMITTED_AT}#${CASE_ID}`,
            slaPk: 'SLA#on-track',
            deadlineSk: `2026-12-04T15:59:59.999Z#${CASE_ID}`,
            // Its submission is not on the bus yet: the case is in the outbox index.
            outboxPk: 'OUTBOX',
            outboxSk: `${SUBMITTED_AT}#${CASE_ID}`,
            ...submittedCase(),
            version: 4,
            status: 'in-review',
            timeline: [
              { at: SUBMITTED_AT, type: 'submitted', actor: { role: 'applicant', sub: 'founder-1' } },
              { at: INTAKE_AT, type: 'review-started', actor: SYSTEM },
            ],
            applied: ['intake'],
            companyName: '广州云启科技有限公司',
            itemStatuses: { registration: 'pending', invoice: 'pending', seal: 'pending' },
            slaClock: { workingDays: 3, pauses: [] },
          },
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': 3 },
        },
      },
    ]);
    expect(sent(sfn)).toEqual([]);
  });

  test('run again on a case already taken in, it reads and writes nothing', async () => {
    // Prepare
    givenCase(atVersion(startCase(submittedCase(), INTAKE_AT), 4));

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test('a conflicting writer makes it read again and write on the newer version', async () => {
    // Prepare: the first Put loses the race against another writer that moved the case to version 4.
    const first = submittedCase(3);
    const newer = submittedCase(4);
    givenCase(first, newer);
    ddb.on(PutCommand).rejectsOnce(conditionFailed()).resolves({});
    setNow(INTAKE_AT);

    // Act
    await invoke({ applicationId: CASE_ID });

    // Assess
    expect(sent(ddb)).toEqual([
      getCase(),
      putCase(startCase(first, INTAKE_AT), 3),
      getCase(),
      putCase(startCase(newer, INTAKE_AT), 4),
    ]);
  });

  test('after eight conflicts in a row it gives up with VersionConflict', async () => {
    // Prepare
    givenCase(submittedCase(3));
    ddb.on(PutCommand).rejects(conditionFailed());

    // Act
    const failure = invoke({ applicationId: CASE_ID });

    // Assess
    await expect(failure).rejects.toMatchObject({
      name: 'VersionConflict',
      message: `Case ${CASE_ID} changed since version 3`,
    });
    const commands = sent(ddb).map((call) => call.command);
    expect(commands).toEqual(Array.from({ length: 8 }, () => ['GetCommand', 'PutCommand']).flat());
  });

  test('an error other than a failed condition is not retried', async () => {
    // Prepare
    givenCase(submittedCase(3));
    ddb.on(PutCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));

    // Act
    const failure = invoke({ applicationId: CASE_ID });

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(sent(ddb).map((call) => call.command)).toEqual(['GetCommand', 'PutCommand']);
  });

  test('a case that does not exist fails the step without writing', async () => {
    // Prepare
    givenNoCase();

    // Act
    const failure = invoke({ applicationId: CASE_ID });

    // Assess
    await expect(failure).rejects.toThrow(`Case ${CASE_ID} does not exist`);
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test.each([
    ['no application id', {}],
    ['an empty application id', { applicationId: '' }],
    ['an application id over 64 characters', { applicationId: 'x'.repeat(65) }],
    ['an unknown key', { applicationId: CASE_ID, extra: true }],
    ['no object at all', 'co-1'],
  ])('%s is InvalidStepInput, before any DynamoDB call', async (_, event) => {
    // Act
    const failure = invoke(event);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'InvalidStepInput' });
    expect(ddb.calls()).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });
});
