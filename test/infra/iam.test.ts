import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../infra/bundling';
import { bucketOf, conditionsOf, KMS_ACTIONS_FOR, kmsActionsOf } from '../../infra/grant-access';
import type { HouseFunction } from '../../infra/house-function';
import {
  type Access,
  FILES_MATERIALS,
  type ObjectAccess,
  permissionsOf,
} from '../../shared/entry-points/access';
import { EVENT_FUNCTIONS } from '../../shared/entry-points/event-functions';
import { ROUTE_LIST } from '../../shared/entry-points/routes';
import { SCHEDULED_JOBS } from '../../shared/entry-points/scheduled-jobs';
import { STREAM_FUNCTIONS } from '../../shared/entry-points/stream-functions';
import { WORKFLOW_FUNCTIONS, type WorkflowFunctionKey } from '../../shared/entry-points/workflow-functions';
import type { BucketName } from '../../shared/storage/buckets';
import { type Json, logicalIdOf, resourcesOf, type SynthesizedApp, synthesize } from './synth';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: Json;
  Principal?: Json;
  Condition?: Json;
}

let synthesized: SynthesizedApp;
let templates: [string, Template][];

beforeAll(() => {
  synthesized = synthesize();
  templates = Object.entries(synthesized.templates);
});

const actionsOf = (statement: Statement) => [statement.Action].flat();
/** What CDK's grantStreamRead grants a stream function, all on the table's stream. */
const STREAM_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
const LIST_STREAMS = 'dynamodb:ListStreams';

/** Every statement of every identity policy (roles' inline policies, AWS::IAM::Policy, managed policies). */
function identityStatements(): [string, Statement][] {
  return templates.flatMap(([stack, template]) => [
    ...Object.entries(resourcesOf(template, 'AWS::IAM::Policy')).flatMap(([id, policy]) =>
      (policy.Properties.PolicyDocument.Statement as Statement[]).map(
        (s) => [`${stack}/${id}`, s] as [string, Statement],
      ),
    ),
    ...Object.entries(resourcesOf(template, 'AWS::IAM::ManagedPolicy')).flatMap(([id, policy]) =>
      (policy.Properties.PolicyDocument.Statement as Statement[]).map(
        (s) => [`${stack}/${id}`, s] as [string, Statement],
      ),
    ),
    ...Object.entries(resourcesOf(template, 'AWS::IAM::Role')).flatMap(([id, role]) =>
      ((role.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]).flatMap(
        (policy) => policy.PolicyDocument.Statement.map((s) => [`${stack}/${id}`, s] as [string, Statement]),
      ),
    ),
  ]);
}

/** Every statement of every resource policy: buckets, topics, keys. */
function resourceStatements(): [string, Statement][] {
  const documents: [string, string][] = [
    ['AWS::S3::BucketPolicy', 'PolicyDocument'],
    ['AWS::SNS::TopicPolicy', 'PolicyDocument'],
    ['AWS::KMS::Key', 'KeyPolicy'],
  ];
  return templates.flatMap(([stack, template]) =>
    documents.flatMap(([type, property]) =>
      Object.entries(resourcesOf(template, type)).flatMap(([id, resource]) =>
        (resource.Properties[property].Statement as Statement[]).map(
          (statement) => [`${stack}/${id}`, statement] as [string, Statement],
        ),
      ),
    ),
  );
}

/** The statements of the policies attached to one function's role. */
function statementsOf(fn: HouseFunction): Statement[] {
  const template = synthesized.templateOf(fn);
  if (!fn.role) throw new Error(`${fn.node.id} has no role`);
  const role = logicalIdOf(fn.role);
  const roleResource = resourcesOf(template, 'AWS::IAM::Role')[role];
  expect(roleResource?.Properties.ManagedPolicyArns, `${fn.node.id} managed policies`).toBeUndefined();
  expect(roleResource?.Properties.Policies, `${fn.node.id} inline policies`).toBeUndefined();
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as Json[]).some((ref) => ref.Ref === role))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

/** What every house function may do: write its own logs and send trace segments. */
function baseline(fn: HouseFunction): Statement[] {
  const logs = logicalIdOf((fn.node.scope ?? Stack.of(fn)).node.findChild(`${fn.node.id}Logs`));
  return [
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::GetAtt': [logs, 'Arn'] },
    },
    { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
  ];
}

function tableArn(fn: HouseFunction): Json {
  return fn.stack.resolve(synthesized.data.table.tableArn);
}

function indexArn(fn: HouseFunction, index: string): Json {
  return { 'Fn::Join': ['', [tableArn(fn), `/index/${index}`]] };
}

const itemsGetPut = (fn: HouseFunction): Statement => ({
  Effect: 'Allow',
  Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
  Resource: tableArn(fn),
});

/** UpdateItem on the table, only in the counter partitions named. */
const countersUpdate = (fn: HouseFunction, leadingKeys: string[]): Statement => ({
  Effect: 'Allow',
  Action: 'dynamodb:UpdateItem',
  Resource: tableArn(fn),
  Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys } },
});

/** A bucket's ARN as `fn`'s stack names it: its own resource in the data stack, the fixed export elsewhere. */
function bucketArn(fn: HouseFunction, bucket: BucketName): Json {
  const { storage } = synthesized.data;
  const buckets = fn.stack === synthesized.data ? storage.resources.buckets : storage.exported.buckets;
  return fn.stack.resolve(buckets[bucket].bucketArn);
}

const objectsIn = (fn: HouseFunction, bucket: BucketName, keys: string): Json => ({
  'Fn::Join': ['', [bucketArn(fn, bucket), `/${keys}`]],
});

const single = (actions: readonly string[]) => (actions.length === 1 ? actions[0] : [...actions]);

/** What S3 may ask the storage key for on `fn`'s behalf: through S3 only, for that bucket's objects only. */
function keyUse(fn: HouseFunction, bucket: BucketName, actions: string[]): Statement {
  const arn = bucketArn(fn, bucket);
  return {
    Effect: 'Allow',
    Action: single(actions) as string | string[],
    Resource: fn.stack.resolve(synthesized.data.storage.key.keyArn),
    Condition: {
      StringEquals: {
        'kms:ViaService': {
          'Fn::Join': ['', ['s3.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
        },
      },
      StringLike: { 'kms:EncryptionContext:aws:s3:arn': [arn, { 'Fn::Join': ['', [arn, '/*']] }] },
    },
  };
}

/** The object statements, each followed by its key statement, that `storage` declares. */
function objectStatements(fn: HouseFunction, storage: readonly ObjectAccess[]): Statement[] {
  return storage.flatMap(({ bucket, actions, keys }) => {
    const kms = [...new Set(actions.flatMap((action) => KMS_ACTIONS_FOR[action]))];
    return [
      {
        Effect: 'Allow' as const,
        Action: single(actions) as string | string[],
        Resource: objectsIn(fn, bucket, keys),
      },
      ...(kms.length > 0 ? [keyUse(fn, bucket, kms)] : []),
    ];
  });
}

describe('no wildcard actions', () => {
  test('no identity policy allows an action with a wildcard, let alone "*" or "service:*"', () => {
    // Prepare
    const statements = identityStatements();

    // Act
    const wildcards = statements.filter(
      ([, statement]) =>
        statement.Effect === 'Allow' && actionsOf(statement).some((action) => action.includes('*')),
    );

    // Assess
    expect(statements.length).toBeGreaterThan(30);
    expect(wildcards).toEqual([]);
  });

  test('no role carries an AWS managed policy', () => {
    // Prepare / Act
    const managed = templates.flatMap(([, template]) =>
      Object.entries(resourcesOf(template, 'AWS::IAM::Role')).filter(
        ([, role]) => role.Properties.ManagedPolicyArns,
      ),
    );

    // Assess
    expect(managed.map(([id]) => id)).toEqual([]);
  });

  test('resource policies allow no "*" action, but for the KMS default statement giving the account its own key', () => {
    // Prepare
    const statements = resourceStatements();

    // Act
    const wildcards = statements.filter(
      ([, statement]) =>
        statement.Effect === 'Allow' &&
        actionsOf(statement).some((action) => action === '*' || action.endsWith(':*')),
    );

    // Assess: without it a key could not be administered through IAM at all (KMS key policy basics).
    expect(wildcards.map(([where]) => where.split('/')[1]?.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'AlarmTopicKey',
      'StorageKey',
    ]);
    for (const [, statement] of wildcards) {
      expect(statement.Action).toBe('kms:*');
      expect(statement.Principal).toEqual({
        AWS: {
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']],
        },
      });
    }
  });

  test('DynamoDB: only GetItem, PutItem and Query are granted anywhere, and UpdateItem only on the submission counters; never Scan, Delete or batches', () => {
    // Prepare / Act
    const statements = identityStatements()
      .map(([, statement]) => statement)
      .filter(
        (statement) =>
          !actionsOf(statement).some((action) => [...STREAM_READ, LIST_STREAMS].includes(action)),
      );
    const dynamo = new Set(statements.flatMap(actionsOf).filter((action) => action.startsWith('dynamodb:')));
    const updates = statements.filter((statement) => actionsOf(statement).includes('dynamodb:UpdateItem'));

    // Assess
    expect([...dynamo].sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(updates).toHaveLength(3);
    for (const statement of updates) {
      expect(actionsOf(statement)).toEqual(['dynamodb:UpdateItem']);
      const leadingKeys = (statement.Condition as Record<string, Record<string, string[]>> | undefined)?.[
        'ForAllValues:StringLike'
      ]?.['dynamodb:LeadingKeys'];
      expect(leadingKeys?.length).toBeGreaterThan(0);
      for (const key of leadingKeys ?? []) expect(key).toMatch(/^LIMIT#(FOUNDER|AGENT)#\*$/);
    }
  });

  test("the table stream is read only by the stream functions, on the stream's ARN alone", () => {
    // Prepare / Act
    const readers = identityStatements().filter(([, statement]) =>
      actionsOf(statement).some((action) => [...STREAM_READ, LIST_STREAMS].includes(action)),
    );

    // Assess
    const roles = new Set(readers.map(([policy]) => policy));
    expect(roles.size).toBe(Object.keys(STREAM_FUNCTIONS).length);
    expect(new Set(readers.flatMap(([, statement]) => actionsOf(statement)))).toEqual(
      new Set([...STREAM_READ, LIST_STREAMS]),
    );
    for (const [, statement] of readers) expect(JSON.stringify(statement.Resource)).toMatch(/StreamArn/);
  });

  test('those four cover every DynamoDB command the repositories in shared/data send', () => {
    // Prepare
    const directory = join(REPO_ROOT, 'shared', 'data');
    const sources = readdirSync(directory)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(directory, file), 'utf8'));

    // Act
    const commands = new Set(
      sources.flatMap((source) => [...source.matchAll(/new (\w+)Command\(/g)].map((m) => m[1])),
    );

    // Assess: add the action to shared/entry-points/access.ts (and declare it where it is used) before using another command.
    expect([...commands].sort()).toEqual(['Get', 'Put', 'Query', 'Update']);
  });
});

describe('each API function gets what its route needs', () => {
  const fn = (name: string) => synthesized.edge.api.functions[name] as HouseFunction;

  test('read-only routes (every GET) have no write action of any kind, but for the file routes recording who viewed a file', () => {
    // Prepare
    const reads = ROUTE_LIST.filter((route) => route.method === 'GET');

    // Act
    const writes = reads.flatMap((route) =>
      statementsOf(fn(route.name))
        .flatMap(actionsOf)
        .filter(
          (action) =>
            /:(Put|Update|Delete|BatchWrite|Write|Start|Send|Create)/.test(action) &&
            !action.startsWith('logs:') &&
            !action.startsWith('xray:'),
        )
        .map((action) => `${route.name}: ${action}`),
    );

    // Assess: a view of a material or a document is recorded on the case (one conditional put).
    expect(reads.length).toBe(14);
    expect(writes.sort()).toEqual(['GetDocument: dynamodb:PutItem', 'GetMaterial: dynamodb:PutItem']);
  });

  test('GET /api/applications/{id} and GET /api/tasks/{taskId}: GetItem on the table, nothing else', () => {
    for (const name of ['GetApplication', 'GetTask']) {
      // Prepare / Act
      const statements = statementsOf(fn(name));

      // Assess
      expect(statements).toEqual([
        ...baseline(fn(name)),
        { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: tableArn(fn(name)) },
      ]);
    }
  });

  test("GET /api/applications: Query on the owner's and the agent's index only", () => {
    // Prepare / Act
    const statements = statementsOf(fn('ListApplications'));

    // Assess
    expect(statements).toEqual([
      ...baseline(fn('ListApplications')),
      {
        Effect: 'Allow',
        Action: 'dynamodb:Query',
        Resource: [indexArn(fn('ListApplications'), 'byOwner'), indexArn(fn('ListApplications'), 'byAgent')],
      },
    ]);
  });

  test("POST /api/applications: GetItem/PutItem, UpdateItem on the founders' and agents' counters, StartExecution through the live alias only", () => {
    // Prepare
    const submit = fn('SubmitApplication');

    // Act
    const statements = statementsOf(submit);

    // Assess: Step Functions authorizes an alias start on the machine's ARN with the alias as qualifier.
    expect(statements).toEqual([
      ...baseline(submit),
      itemsGetPut(submit),
      countersUpdate(submit, ['LIMIT#FOUNDER#*', 'LIMIT#AGENT#*']),
      {
        Effect: 'Allow',
        Action: 'states:StartExecution',
        Resource: submit.stack.resolve(synthesized.workflow.stateMachine.stateMachineArn),
        Condition: { StringEquals: { 'states:StateMachineQualifier': 'live' } },
      },
      ...objectStatements(submit, FILES_MATERIALS),
    ]);
  });

  test('decisions and corrections: GetItem/PutItem and SendTaskSuccess on the machine, no StartExecution', () => {
    for (const name of ['DecideTask', 'AnswerCorrections']) {
      // Prepare / Act
      const statements = statementsOf(fn(name));

      // Assess
      expect(statements).toEqual([
        ...baseline(fn(name)),
        itemsGetPut(fn(name)),
        {
          Effect: 'Allow',
          Action: 'states:SendTaskSuccess',
          Resource: fn(name).stack.resolve(synthesized.workflow.stateMachine.stateMachineArn),
        },
        ...(name === 'AnswerCorrections' ? objectStatements(fn(name), FILES_MATERIALS) : []),
      ]);
    }
  });

  test("GET /api/ops/sla: Query on the SLA index and the closed-case partitions only, DescribeAlarms on this platform's alarms", () => {
    // Prepare / Act
    const statements = statementsOf(fn('OpsSla'));

    // Assess
    expect(statements).toEqual([
      ...baseline(fn('OpsSla')),
      {
        Effect: 'Allow',
        Action: 'dynamodb:Query',
        Resource: tableArn(fn('OpsSla')),
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CLOSED#*'] } },
      },
      { Effect: 'Allow', Action: 'dynamodb:Query', Resource: indexArn(fn('OpsSla'), 'bySla') },
      {
        Effect: 'Allow',
        Action: 'cloudwatch:DescribeAlarms',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':cloudwatch:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':alarm:CompanyOpening-*',
            ],
          ],
        },
      },
    ]);
  });

  test('the public routes may touch nothing at all', () => {
    for (const name of ['Health', 'OpenApi', 'GetCatalogue', 'GetChecklist']) {
      expect(statementsOf(fn(name))).toEqual(baseline(fn(name)));
    }
  });

  test('every route has a function', () => {
    expect(Object.keys(synthesized.edge.api.functions).sort()).toEqual(
      ROUTE_LIST.map((route) => route.name).sort(),
    );
  });
});

/** The steps whose code sends SendTaskSuccess (shared/case/workflow-steps.ts). */
const RESUMING_STEPS: string[] = ['applyCorrection', 'applyDecision', 'checkSla', 'closeCase', 'rejectCase'];
/** The steps that end a case, and so take it off its founder's open cases. */
const CLOSING_STEPS: string[] = ['closeCase', 'rejectCase'];

describe('each workflow function gets what its step needs', () => {
  const stateMachineArnByName = {
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':states:',
        { Ref: 'AWS::Region' },
        ':',
        { Ref: 'AWS::AccountId' },
        ':stateMachine:CompanyOpening',
      ],
    ],
  };

  test.each(Object.keys(WORKFLOW_FUNCTIONS).map((key) => [key as WorkflowFunctionKey]))(
    "%s: GetItem/PutItem on the table; UpdateItem on the founders' counters only if it ends a case; SendTaskSuccess only if it resumes a wait",
    (key) => {
      // Prepare
      const fn = synthesized.workflow.functions[key];
      const resumes = RESUMING_STEPS.includes(key);

      // Act
      const statements = statementsOf(fn);

      // Assess
      expect(statements).toEqual([
        ...baseline(fn),
        itemsGetPut(fn),
        ...(CLOSING_STEPS.includes(key) ? [countersUpdate(fn, ['LIMIT#FOUNDER#*'])] : []),
        ...(resumes
          ? [{ Effect: 'Allow', Action: 'states:SendTaskSuccess', Resource: stateMachineArnByName }]
          : []),
        ...(key === 'issueDocuments'
          ? [
              { Effect: 'Allow', Action: 's3:PutObject', Resource: objectsIn(fn, 'documents', 'cases/*') },
              keyUse(fn, 'documents', ['kms:GenerateDataKey']),
            ]
          : []),
      ]);
    },
  );

  test('a wait is resumed by exactly the four steps that change what the SLA timer waits for, and checkSla, which resumes answered corrections', () => {
    const resuming = Object.entries(WORKFLOW_FUNCTIONS)
      .filter(([, fn]) => fn.access.stateMachine?.includes('states:SendTaskSuccess'))
      .map(([key]) => key);
    expect(resuming.sort()).toEqual(RESUMING_STEPS.toSorted());
  });

  test('the state machine may invoke its functions and nothing else', () => {
    // Prepare
    const machineRole = synthesized.workflow.stateMachine.role;
    const role = logicalIdOf(machineRole);

    // Act
    const statements = Object.values(resourcesOf(synthesized.templates.workflow, 'AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as Json[]).some((ref) => ref.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    const invoked = statements
      .filter((statement) => statement.Action === 'lambda:InvokeFunction')
      .map((statement) => statement.Resource[0]['Fn::GetAtt'][0] as string);

    // Assess
    expect(invoked.sort()).toEqual(
      Object.values(synthesized.workflow.functions)
        .map((fn) => logicalIdOf(fn))
        .sort(),
    );
    const others = statements.filter((statement) => statement.Action !== 'lambda:InvokeFunction');
    expect(
      others.flatMap(actionsOf).every((action) => action.startsWith('logs:') || action.startsWith('xray:')),
    ).toBe(true);
  });
});

describe('every function carries the statements its declaration grants, and nothing more', () => {
  /** A statement's actions, condition and how many resources it names: what the declaration fixes. */
  const shapeOf = (statement: Statement) => ({
    actions: actionsOf(statement),
    resources: [statement.Resource].flat().length,
    condition: statement.Condition ?? null,
  });
  const declared = (access: Access) =>
    permissionsOf(access).flatMap((permission) => [
      {
        actions: [...permission.actions],
        resources: permission.targets.length,
        condition: conditionsOf(permission) ?? null,
      },
      ...(bucketOf(permission) && kmsActionsOf(permission).length > 0
        ? [
            {
              actions: kmsActionsOf(permission),
              resources: 1,
              condition: { StringEquals: expect.anything(), StringLike: expect.anything() },
            },
          ]
        : []),
    ]);
  const entryPoints = (): [string, HouseFunction, Access][] => [
    ...ROUTE_LIST.map((route): [string, HouseFunction, Access] => [
      route.name,
      synthesized.edge.api.functions[route.name] as HouseFunction,
      route.access,
    ]),
    ...Object.entries(WORKFLOW_FUNCTIONS).map(([key, fn]): [string, HouseFunction, Access] => [
      fn.name,
      synthesized.workflow.functions[key as WorkflowFunctionKey],
      fn.access,
    ]),
    [SCHEDULED_JOBS.overdueTasks.name, synthesized.ops.jobs.overdueTasks, SCHEDULED_JOBS.overdueTasks.access],
  ];

  test('one statement per declared permission after the logs and trace baseline', () => {
    for (const [name, fn, access] of entryPoints()) {
      // Prepare / Act
      const statements = statementsOf(fn);

      // Assess
      expect(statements.slice(0, 2), name).toEqual(baseline(fn));
      expect(statements.slice(2).map(shapeOf), name).toEqual(declared(access));
    }
  });

  test("an event function's, then sending the events it failed on to its own dead-letter queue", () => {
    for (const [key, declaration] of Object.entries(EVENT_FUNCTIONS)) {
      // Prepare
      const { functions, deadLetterQueues } = synthesized.data.eventFunctions;
      const fn = functions[key as keyof typeof EVENT_FUNCTIONS];
      const queue = deadLetterQueues[key as keyof typeof EVENT_FUNCTIONS];

      // Act
      const statements = statementsOf(fn);
      const last = statements.at(-1) as Statement;

      // Assess
      expect(statements.slice(0, 2), key).toEqual(baseline(fn));
      expect(statements.slice(2, -1).map(shapeOf), key).toEqual(declared(declaration.access));
      expect(last.Resource).toEqual({ 'Fn::GetAtt': [logicalIdOf(queue), 'Arn'] });
      expect(actionsOf(last).every((action) => action.startsWith('sqs:') && !action.includes('*'))).toBe(
        true,
      );
      expect(actionsOf(last)).toContain('sqs:SendMessage');
    }
  });
});

describe('storage: each function reaches the objects its declaration names, under one prefix, and nothing else', () => {
  const api = (name: string) => synthesized.edge.api.functions[name] as HouseFunction;

  test('POST /api/uploads may only put objects under uploads/incoming/ (the presigned POST acts as it), with the data key that needs', () => {
    // Prepare
    const fn = api('CreateUpload');

    // Act / Assess
    expect(statementsOf(fn)).toEqual([
      ...baseline(fn),
      itemsGetPut(fn),
      { Effect: 'Allow', Action: 's3:PutObject', Resource: objectsIn(fn, 'uploads', 'incoming/*') },
      keyUse(fn, 'uploads', ['kms:GenerateDataKey']),
    ]);
  });

  test("a case's material is only read, under uploads/cases/; a document only under documents/cases/", () => {
    for (const [name, bucket] of [
      ['GetMaterial', 'uploads'],
      ['GetDocument', 'documents'],
    ] as const) {
      // Prepare
      const fn = api(name);

      // Act / Assess
      expect(statementsOf(fn), name).toEqual([
        ...baseline(fn),
        itemsGetPut(fn),
        { Effect: 'Allow', Action: 's3:GetObject', Resource: objectsIn(fn, bucket, 'cases/*') },
        keyUse(fn, bucket, ['kms:Decrypt']),
      ]);
    }
  });

  test('the scan result may read and delete what arrived, and put an infected file in the quarantine bucket only', () => {
    // Prepare
    const fn = synthesized.data.eventFunctions.functions.recordScanResult;

    // Act
    const statements = statementsOf(fn);

    // Assess
    expect(statements.slice(0, -1)).toEqual([
      ...baseline(fn),
      itemsGetPut(fn),
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:DeleteObject'],
        Resource: objectsIn(fn, 'uploads', 'incoming/*'),
      },
      keyUse(fn, 'uploads', ['kms:Decrypt']),
      { Effect: 'Allow', Action: 's3:PutObject', Resource: objectsIn(fn, 'quarantine', 'quarantine/*') },
      keyUse(fn, 'quarantine', ['kms:GenerateDataKey']),
    ]);
  });

  test('no identity policy grants an S3 or KMS action on "*" or on every object of a bucket, or a wildcard action', () => {
    // Prepare
    const statements = identityStatements().filter(([, statement]) =>
      actionsOf(statement).some((action) => action.startsWith('s3:') || action.startsWith('kms:')),
    );

    // Act / Assess
    expect(statements.length).toBeGreaterThan(10);
    for (const [where, statement] of statements) {
      expect(
        actionsOf(statement).filter((action) => action.includes('*')),
        where,
      ).toEqual([]);
      for (const resource of [statement.Resource].flat()) {
        expect(resource, where).not.toBe('*');
        const parts = (resource as Json)['Fn::Join']?.[1] as Json[] | undefined;
        const tail = parts?.at(-1);
        // An object ARN names a prefix (`/incoming/*`), never every object (`/*`).
        if (typeof tail === 'string' && tail.startsWith('/')) expect(tail, where).not.toBe('/*');
      }
    }
  });
});

describe('the overdue-task count', () => {
  test('may only Query the department index', () => {
    // Prepare
    const fn = synthesized.ops.jobs.overdueTasks;

    // Act
    const statements = statementsOf(fn);

    // Assess
    expect(statements).toEqual([
      ...baseline(fn),
      { Effect: 'Allow', Action: 'dynamodb:Query', Resource: indexArn(fn, 'byDepartment') },
    ]);
  });
});
