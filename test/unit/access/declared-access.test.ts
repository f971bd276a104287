import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { openApiDocument } from '../../../shared/api/openapi';
import { type Access, allows, permissionsOf } from '../../../shared/entry-points/access';
import { ENTRY_POINTS } from '../../../shared/entry-points/all';
import { ROUTE_LIST, statusesOf } from '../../../shared/entry-points/routes';
import { WORKFLOW_FUNCTIONS } from '../../../shared/entry-points/workflow-functions';
import { callOf, undeclaredCalls } from '../support/aws-calls';

const ROOT = join(import.meta.dirname, '../../..');

describe('an access declaration', () => {
  const ops: Access = {
    table: { indexes: ['bySla'], partitions: ['CLOSED#*'] },
    alarms: ['cloudwatch:DescribeAlarms'],
  };

  test('allows exactly its actions on its targets', () => {
    expect(allows(ops, { action: 'dynamodb:Query', target: 'index/bySla' })).toBe(true);
    expect(allows(ops, { action: 'dynamodb:Query', target: 'index/byOwner' })).toBe(false);
    expect(allows(ops, { action: 'dynamodb:GetItem', target: 'table' })).toBe(false);
    expect(allows(ops, { action: 'cloudwatch:DescribeAlarms', target: 'alarms' })).toBe(true);
    expect(allows(ops, { action: 'states:SendTaskSuccess', target: 'stateMachine' })).toBe(false);
  });

  test('a query on the table itself only in the partitions its leading keys match', () => {
    const query = (partitionKey?: string) => ({
      action: 'dynamodb:Query',
      target: 'table' as const,
      partitionKey,
    });
    expect(allows(ops, query('CLOSED#2026-12'))).toBe(true);
    expect(allows(ops, query('APP#co-1'))).toBe(false);
    expect(allows(ops, query('XCLOSED#2026-12'))).toBe(false);
    expect(allows(ops, query(undefined))).toBe(false);
  });

  test('lists one permission per statement, in policy order', () => {
    expect(permissionsOf(ops)).toEqual([
      { actions: ['dynamodb:Query'], targets: ['table'], leadingKeys: ['CLOSED#*'] },
      { actions: ['dynamodb:Query'], targets: ['index/bySla'] },
      { actions: ['cloudwatch:DescribeAlarms'], targets: ['alarms'] },
    ]);
    expect(permissionsOf({})).toEqual([]);
  });
});

describe('the check on what a handler sends', () => {
  const resume = { command: 'SendTaskSuccessCommand', input: { taskToken: 't', output: '{}' } };
  const read = { command: 'GetCommand', input: { Key: { pk: 'APP#co-1', sk: 'CASE' } } };

  test('refuses a call its function does not declare: SendTaskSuccess from a step that only reads and writes', () => {
    const stepOnly = () => ({ table: { items: ['dynamodb:GetItem', 'dynamodb:PutItem'] } }) as Access;

    const refused = undeclaredCalls(
      [read, resume],
      [{ functionName: 'CaseCheckSla', fromCommand: 0 }],
      stepOnly,
    );

    expect(refused).toEqual(['CaseCheckSla: states:SendTaskSuccess on stateMachine']);
  });

  test('CaseCheckSla declares SendTaskSuccess: it resumes answered corrections while the clock is paused', () => {
    const refused = undeclaredCalls([read, resume], [{ functionName: 'CaseCheckSla', fromCommand: 0 }]);

    expect(refused).toEqual([]);
    expect(WORKFLOW_FUNCTIONS.checkSla.access.stateMachine).toContain('states:SendTaskSuccess');
  });

  test('each command belongs to the invocation that was running when it was sent', () => {
    const refused = undeclaredCalls(
      [read, resume, read, resume],
      [
        { functionName: 'CaseApplyDecision', fromCommand: 0 },
        { functionName: 'CaseIntake', fromCommand: 2 },
      ],
    );

    expect(refused).toEqual(['CaseIntake: states:SendTaskSuccess on stateMachine']);
  });

  test('a case starts only through the live alias: the machine or a version itself is refused', () => {
    const start = (stateMachineArn: string) => ({
      command: 'StartExecutionCommand',
      input: { stateMachineArn },
    });
    const machine = 'arn:aws:states:cn-north-1:123456789012:stateMachine:CompanyOpening';
    const submit = [{ functionName: 'SubmitApplication', fromCommand: 0 }];

    expect(undeclaredCalls([start(`${machine}:live`)], submit)).toEqual([]);
    expect(undeclaredCalls([start(machine)], submit)).toEqual([
      'SubmitApplication: states:StartExecution on stateMachine',
    ]);
    expect(undeclaredCalls([start(`${machine}:1`)], submit)).toHaveLength(1);
  });

  test('a command it cannot map, or a function nobody declared, is refused', () => {
    expect(callOf({ command: 'ScanCommand', input: {} }).action).toBe('unmapped:ScanCommand');
    expect(undeclaredCalls([read], [{ functionName: 'Nobody', fromCommand: 0 }])).toEqual([
      'Nobody: dynamodb:GetItem on table',
    ]);
  });

  test('an S3 copy reads its source and writes its destination: filing under the case only', () => {
    vi.stubEnv('UPLOADS_BUCKET', 'uploads-bucket');
    const copy = (from: string, to: string) => ({
      command: 'CopyObjectCommand',
      input: { Bucket: 'uploads-bucket', Key: to, CopySource: `uploads-bucket/${from}` },
    });
    const submit = [{ functionName: 'SubmitApplication', fromCommand: 0 }];

    expect(undeclaredCalls([copy('incoming/up-1', 'cases/co-1/materials/up-1')], submit)).toEqual([]);
    expect(undeclaredCalls([copy('cases/co-1/materials/up-1', 'incoming/up-1')], submit)).toEqual([
      'SubmitApplication: s3:GetObject on objects/uploads (cases/co-1/materials/up-1)',
      'SubmitApplication: s3:PutObject on objects/uploads (incoming/up-1)',
    ]);
    expect(
      undeclaredCalls(
        [{ command: 'DeleteObjectCommand', input: { Bucket: 'uploads-bucket', Key: 'incoming/up-1' } }],
        submit,
      ),
    ).toEqual(['SubmitApplication: s3:DeleteObject on objects/uploads (incoming/up-1)']);
    vi.unstubAllEnvs();
  });

  test('a query names its index, or the partition of the table it reads', () => {
    expect(callOf({ command: 'QueryCommand', input: { IndexName: 'byOwner' } })).toEqual({
      action: 'dynamodb:Query',
      target: 'index/byOwner',
    });
    expect(
      callOf({
        command: 'QueryCommand',
        input: {
          KeyConditionExpression: 'pk = :pk AND sk > :from',
          ExpressionAttributeValues: { ':pk': 'CLOSED#2026-12' },
        },
      }),
    ).toEqual({ action: 'dynamodb:Query', target: 'table', partitionKey: 'CLOSED#2026-12' });
  });
});

describe('every entry point declaration', () => {
  test.each(ENTRY_POINTS.map((entry) => [entry.name, entry.handler] as const))(
    '%s names a handler module that exists',
    (_, handler) => {
      expect(existsSync(join(ROOT, handler))).toBe(true);
    },
  );

  test('names are unique across routes, workflow functions and jobs', () => {
    const names = ENTRY_POINTS.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test.each(ROUTE_LIST.map((route) => [route.name, route] as const))(
    '%s: the OpenAPI document has its operation with exactly the statuses it declares',
    async (_, route) => {
      const module = (await import(join(ROOT, route.handler))) as { handler?: unknown };
      const operation = (
        openApiDocument().paths[route.path] as Record<
          string,
          { responses: Record<string, { content?: object; headers?: object }> }
        >
      )[route.method.toLowerCase()];
      const answer = operation?.responses[String(route.response.status)];

      expect(typeof module.handler).toBe('function');
      expect(Object.keys(operation?.responses ?? {}).map(Number)).toEqual(statusesOf(route));
      // A redirect answers its Location and no body; every other success answers a body.
      if (route.response.status === 302) {
        expect(route.response.body).toBeUndefined();
        expect(answer?.content).toBeUndefined();
        expect(Object.keys(answer?.headers ?? {})).toContain('Location');
      } else {
        expect(route.response.body).toBeDefined();
        expect(answer?.content).toHaveProperty(['application/json', 'schema']);
      }
    },
  );
});
