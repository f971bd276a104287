import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { LambdaHandler } from '../../../local/lambda-context';
import { LOCAL_TABLE_NAME } from '../../../shared/config';
import { type Platform, startPlatform } from './platform';

/**
 * The runtime authorizes each function's AWS calls against its synthesized role policy. Two real
 * workflow functions, invoked by the engine as usual, make calls their entry points do not declare
 * after doing their own work; the tests read what those calls answered.
 */

type Probe = () => Promise<unknown>;
const probes = new Map<string, Record<string, Probe>>();
const answers = new Map<string, unknown>();

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({
    wrapFunction:
      (name: string, handler: LambdaHandler): LambdaHandler =>
      async (event, context) => {
        const result = await handler(event, context);
        for (const [probe, call] of Object.entries(probes.get(name) ?? {})) {
          answers.set(probe, await call().catch((error: unknown) => error));
        }
        return result;
      },
  });
  const { documents } = await import('../../../shared/data/dynamo');
  const { startCaseWorkflow } = await import('../../../shared/workflow-client');
  const { putCaseEvents } = await import('../../../shared/events/event-bus');
  const addToCounter = (pk: string) => () =>
    documents.send(
      new UpdateCommand({
        TableName: LOCAL_TABLE_NAME,
        Key: { pk, sk: 'PROBE' },
        UpdateExpression: 'ADD probes :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  probes.set('CaseIntake', {
    undeclaredStart: () => startCaseWorkflow('undeclared-start'),
    // Only the outbox's publisher may put case events: a step that tried would be refused in AWS.
    undeclaredPutEvents: () => putCaseEvents([PROBE_EVENT]),
    undeclaredUpdate: addToCounter('LIMIT#FOUNDER#intake-probe'),
    declaredGet: () =>
      documents.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk: 'X', sk: 'Y' } })),
  });
  probes.set('CaseClose', {
    updateOutsideCounters: addToCounter('APP#close-probe'),
    updateOnCounters: addToCounter('LIMIT#FOUNDER#close-probe'),
  });
  process.env.INSTANT_APPROVAL = 'on';
  await platform.setClock('2026-12-01T02:00:00.000Z');
  const submitted = await platform.submit();
  // The probes run before each step returns, so they are all answered once the execution ends.
  expect((await platform.finishedExecution(submitted.id)).status).toBe('SUCCEEDED');
}, 90_000);

afterAll(async () => {
  await platform?.close();
});

const PROBE_EVENT = {
  schemaVersion: 1,
  id: 'probe.0',
  type: 'case.completed',
  occurredAt: '2026-12-01T02:00:00.000Z',
  caseId: 'probe',
  companyName: 'probe',
  bundle: 'company-opening',
  slaState: 'met',
} as const;

const counterItem = async (pk: string) => {
  const { documents } = await import('../../../shared/data/dynamo');
  return (await documents.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk, sk: 'PROBE' } })))
    .Item;
};

test('an undeclared StartExecution fails as AWS fails it: AccessDeniedException, a client fault, HTTP 400, one attempt', async () => {
  // Act
  const error = answers.get('undeclaredStart') as Error & {
    $fault?: string;
    $metadata?: { httpStatusCode?: number; attempts?: number; totalRetryDelay?: number };
  };

  // Assess
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe('AccessDeniedException');
  expect(error.$fault).toBe('client');
  expect(error.$metadata).toMatchObject({ httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 });
  expect(error.message).toBe(
    'User: arn:aws:sts::000000000000:assumed-role/CaseIntakeRole/CaseIntake is not authorized to perform: ' +
      'states:StartExecution on resource: arn:aws:states:us-east-1:000000000000:stateMachine:CompanyOpening ' +
      'because no identity-based policy allows the states:StartExecution action',
  );
  await expect(platform.execution('undeclared-start')).rejects.toMatchObject({
    name: 'ExecutionDoesNotExist',
  });
});

test('an undeclared UpdateItem is refused and writes nothing, while the same function reads what it declares', async () => {
  // Act
  const refused = answers.get('undeclaredUpdate') as Error;
  const declared = answers.get('declaredGet');

  // Assess
  expect(refused).toMatchObject({ name: 'AccessDeniedException', $metadata: { attempts: 1 } });
  expect(refused.message).toContain(
    'dynamodb:UpdateItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/company-opening',
  );
  expect(declared).toMatchObject({ $metadata: { httpStatusCode: 200 } });
  expect(await counterItem('LIMIT#FOUNDER#intake-probe')).toBeUndefined();
});

test('an undeclared PutEvents on the case bus is refused: only the publisher holds events:PutEvents', async () => {
  // Act
  const refused = answers.get('undeclaredPutEvents') as Error;

  // Assess
  expect(refused).toMatchObject({
    name: 'AccessDeniedException',
    $fault: 'client',
    $metadata: { attempts: 1 },
  });
  expect(refused.message).toContain(
    'CaseIntake is not authorized to perform: events:PutEvents on resource: ' +
      'arn:aws:events:us-east-1:000000000000:event-bus/company-opening-cases',
  );
  expect(platform.runtime.authorizations().PublishCaseEvents).toMatchObject({ denied: 0 });
  expect(platform.runtime.authorizations().PublishCaseEvents?.allowed).toBeGreaterThan(0);
});

test('dynamodb:LeadingKeys: a closing step updates a founder counter, and no partition outside the counters', async () => {
  // Act
  const outside = answers.get('updateOutsideCounters') as Error;
  const onCounters = answers.get('updateOnCounters');

  // Assess
  expect(outside).toMatchObject({ name: 'AccessDeniedException', $fault: 'client' });
  expect(outside.message).toContain('CaseClose is not authorized to perform: dynamodb:UpdateItem');
  expect(await counterItem('APP#close-probe')).toBeUndefined();
  expect(onCounters).toMatchObject({ $metadata: { httpStatusCode: 200 } });
  expect(await counterItem('LIMIT#FOUNDER#close-probe')).toEqual({
    pk: 'LIMIT#FOUNDER#close-probe',
    sk: 'PROBE',
    probes: 1,
  });
});

test('calls from outside any function are the services and the tests themselves, and are not authorized', async () => {
  // Act: the test reads the probes' partition with no function's role.
  const item = await counterItem('LIMIT#FOUNDER#close-probe');

  // Assess
  expect(item).toBeDefined();
});
