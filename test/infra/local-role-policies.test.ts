import { readFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import type { PolicyStatement } from '../../local/iam/policy-evaluation';
import { ROLE_TEMPLATES_FILE, type RoleTemplates, rolePoliciesOf } from '../../local/iam/role-policies';
import { synthesizeRoleTemplates } from '../../local/iam/role-templates';
import { ENTRY_POINTS } from '../../shared/entry-points/all';
import { EVENT_FUNCTIONS } from '../../shared/entry-points/event-functions';
import { ROUTES } from '../../shared/entry-points/routes';
import { STREAM_FUNCTIONS } from '../../shared/entry-points/stream-functions';
import { WORKFLOW_FUNCTIONS } from '../../shared/entry-points/workflow-functions';
import { BUCKETS } from '../../shared/storage/buckets';

const LOCAL = {
  region: 'us-east-1',
  accountId: '000000000000',
  tableName: 'company-opening',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:CompanyOpening',
};
const TABLE = 'arn:aws:dynamodb:us-east-1:000000000000:table/company-opening';

let synthesized: RoleTemplates;
let policies: Map<string, PolicyStatement[]>;

beforeAll(() => {
  synthesized = synthesizeRoleTemplates();
  policies = rolePoliciesOf(synthesized, LOCAL);
});

test('the role templates the runtime reads are the synthesized ones (after a change: npm run role-templates)', () => {
  // Act
  const committed = JSON.parse(readFileSync(ROLE_TEMPLATES_FILE, 'utf8')) as RoleTemplates;

  // Assess
  expect(committed).toEqual(synthesized);
});

test('every declared entry point has its role policy, under its function name', () => {
  // Prepare
  const declared = ENTRY_POINTS.map((fn) => fn.name);

  // Act / Assess
  for (const name of declared) expect(policies.get(name)?.length, name).toBeGreaterThan(0);
});

test("intrinsics resolve to the local resources: the table across stacks, the machine, the alarms' prefix", () => {
  // Act
  const checkSla = policies.get(WORKFLOW_FUNCTIONS.checkSla.name) ?? [];
  const submit = policies.get(ROUTES.submitApplication.name) ?? [];
  const withAlarms = [...policies.values()]
    .flat()
    .filter((s) => [s.Action].flat().includes('cloudwatch:DescribeAlarms'));

  // Assess
  expect(checkSla).toContainEqual({
    Effect: 'Allow',
    Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    Resource: TABLE,
  });
  expect(checkSla).toContainEqual({
    Effect: 'Allow',
    Action: 'states:SendTaskSuccess',
    Resource: LOCAL.stateMachineArn,
  });
  expect(submit).toContainEqual({
    Effect: 'Allow',
    Action: 'states:StartExecution',
    Resource: LOCAL.stateMachineArn,
    Condition: { StringEquals: { 'states:StateMachineQualifier': 'live' } },
  });
  expect(withAlarms.map((s) => s.Resource)).toEqual([
    'arn:aws:cloudwatch:us-east-1:000000000000:alarm:CompanyOpening-*',
  ]);
});

test('only the log groups, the storage key and the dead-letter queues, which have no local stand-in, resolve to an ARN no request carries', () => {
  // Act
  const unresolved = [...policies.values()]
    .flat()
    .filter((s) => [s.Resource].flat().some((resource) => resource.startsWith('arn:local:no-stand-in:')));
  const logs = unresolved.filter((s) => [s.Action].flat().every((action) => action.startsWith('logs:')));
  const keys = unresolved.filter((s) => [s.Action].flat().every((action) => action.startsWith('kms:')));
  const queues = unresolved.filter((s) => [s.Action].flat().every((action) => action.startsWith('sqs:')));

  // Assess
  expect(logs.length).toBe(policies.size);
  for (const statement of logs)
    expect(statement.Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  expect(keys.length).toBeGreaterThan(0);
  expect(queues).toHaveLength(Object.keys(EVENT_FUNCTIONS).length + Object.keys(STREAM_FUNCTIONS).length);
  expect(logs.length + keys.length + queues.length).toBe(unresolved.length);
});

test('object permissions resolve to the local buckets, under the declared keys', () => {
  // Act
  const createUpload = policies.get(ROUTES.createUpload.name) ?? [];
  const scanResult = policies.get(EVENT_FUNCTIONS.recordScanResult.name) ?? [];

  // Assess: across stacks (an export of the data stack) and within it.
  expect(createUpload).toContainEqual({
    Effect: 'Allow',
    Action: 's3:PutObject',
    Resource: `arn:aws:s3:::${BUCKETS.uploads.localName}/incoming/*`,
  });
  expect(scanResult).toContainEqual({
    Effect: 'Allow',
    Action: 's3:PutObject',
    Resource: `arn:aws:s3:::${BUCKETS.quarantine.localName}/quarantine/*`,
  });
});
