import { TABLE_KEYS } from '../../shared/data/table';
import type { AuthorizationRequest } from './policy-evaluation';

export interface Account {
  region: string;
  accountId: string;
}

/** The service prefix IAM knows each SDK client's actions by. */
const SERVICE_OF_CLIENT: Record<string, string> = {
  DynamoDBClient: 'dynamodb',
  SFNClient: 'states',
  CloudWatchClient: 'cloudwatch',
  S3Client: 's3',
  EventBridgeClient: 'events',
};

/** The S3 object commands by the action IAM authorizes them as (Service Authorization Reference, S3). */
const S3_OBJECT_ACTIONS: Record<string, string> = {
  GetObjectCommand: 's3:GetObject',
  HeadObjectCommand: 's3:GetObject',
  PutObjectCommand: 's3:PutObject',
  DeleteObjectCommand: 's3:DeleteObject',
};

type Input = Record<string, unknown>;

/** The DynamoDB commands on the table itself whose partition key IAM sees as dynamodb:LeadingKeys. */
const KEYED_OPERATIONS = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
]);

/**
 * One SDK command as IAM authorizes it (AWS Service Authorization Reference, per service): the action,
 * the ARN of the resource it acts on, and the condition keys the app's policies test. `input` is the
 * low-level input (DynamoDB attribute values already marshalled).
 */
export function authorizationRequestOf(
  clientName: string,
  commandName: string,
  input: Input,
  account: Account,
): AuthorizationRequest {
  const service = SERVICE_OF_CLIENT[clientName] ?? clientName.replace(/Client$/, '').toLowerCase();
  const action = `${service}:${commandName.replace(/Command$/, '')}`;
  const arn = (rest: string) => `arn:aws:${service}:${account.region}:${account.accountId}:${rest}`;
  if (service === 'dynamodb' && typeof input.TableName === 'string') {
    const table = arn(`table/${input.TableName}`);
    const leadingKeys = leadingKeysOf(input);
    // DynamoDB always knows the partition a keyed call touches; missing it here would pass a
    // ForAllValues condition AWS refuses, so the runtime stops instead.
    if (leadingKeys === undefined && input.IndexName === undefined && KEYED_OPERATIONS.has(commandName))
      throw new Error(`local IAM cannot read the partition key of ${commandName} on ${input.TableName}`);
    return {
      action,
      resource: typeof input.IndexName === 'string' ? `${table}/index/${input.IndexName}` : table,
      context: leadingKeys === undefined ? {} : { 'dynamodb:LeadingKeys': [leadingKeys] },
    };
  }
  if (service === 'states' && typeof input.stateMachineArn === 'string') {
    // A start through an alias or version is authorized on the unqualified ARN, its qualifier in
    // states:StateMachineQualifier (Step Functions docs, "Authorization for versions and aliases").
    const [unqualified, qualifier] = splitQualifier(input.stateMachineArn);
    return {
      action,
      resource: unqualified,
      context: qualifier === undefined ? {} : { 'states:StateMachineQualifier': [qualifier] },
    };
  }
  if (service === 'states' && typeof input.taskToken === 'string') {
    return { action, resource: stateMachineOfToken(input.taskToken) ?? arn('stateMachine:*'), context: {} };
  }
  if (service === 's3' && typeof input.Bucket === 'string' && typeof input.Key === 'string') {
    const action = S3_OBJECT_ACTIONS[commandName] ?? `s3:${commandName.replace(/Command$/, '')}`;
    return { action, resource: objectArn(input.Bucket, input.Key), context: {} };
  }
  if (service === 'cloudwatch' && commandName === 'DescribeAlarmsCommand') {
    // Alarms are named by their prefix, as the policy names them.
    const prefix = typeof input.AlarmNamePrefix === 'string' ? input.AlarmNamePrefix : '';
    return { action, resource: arn(`alarm:${prefix}*`), context: {} };
  }
  return { action, resource: '*', context: {} };
}

/**
 * Every authorization one command needs. A copy reads its source and writes its destination: S3
 * checks s3:GetObject on the one and s3:PutObject on the other.
 */
export function authorizationRequestsOf(
  clientName: string,
  commandName: string,
  input: Input,
  account: Account,
): AuthorizationRequest[] {
  if (
    clientName === 'S3Client' &&
    commandName === 'CopyObjectCommand' &&
    typeof input.CopySource === 'string'
  ) {
    const source = decodeURIComponent(input.CopySource.replace(/^\//, '').split('?')[0] ?? '');
    const slash = source.indexOf('/');
    return [
      {
        action: 's3:GetObject',
        resource: objectArn(source.slice(0, slash), source.slice(slash + 1)),
        context: {},
      },
      { action: 's3:PutObject', resource: objectArn(String(input.Bucket), String(input.Key)), context: {} },
    ];
  }
  if (clientName === 'EventBridgeClient' && commandName === 'PutEventsCommand') {
    // Each entry names its bus; EventBridge authorizes events:PutEvents on every bus the call puts to.
    const buses = new Set(
      ((input.Entries ?? []) as { EventBusName?: string }[]).map((entry) => entry.EventBusName ?? 'default'),
    );
    return [...buses].map((bus) => ({
      action: 'events:PutEvents',
      resource: `arn:aws:events:${account.region}:${account.accountId}:event-bus/${bus}`,
      context: {},
    }));
  }
  return [authorizationRequestOf(clientName, commandName, input, account)];
}

/** S3 ARNs name no region nor account: arn:aws:s3:::<bucket>/<key>. */
const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

/** The partition key value an item operation or a query on the table's own key names. */
function leadingKeysOf(input: Input): string | undefined {
  const key = ((input.Key ?? input.Item) as Record<string, { S?: string }> | undefined)?.[
    TABLE_KEYS.partitionKey
  ];
  if (key) return key.S;
  if (typeof input.KeyConditionExpression !== 'string') return undefined;
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  for (const condition of input.KeyConditionExpression.split(/\s+and\s+/i)) {
    const equality = /^\(?\s*([#\w]+)\s*=\s*(:\w+)\s*\)?$/.exec(condition.trim());
    if (!equality) continue;
    const [, attribute = '', placeholder = ''] = equality;
    if ((names[attribute] ?? attribute) !== TABLE_KEYS.partitionKey) continue;
    return ((input.ExpressionAttributeValues ?? {}) as Record<string, { S?: string }>)[placeholder]?.S;
  }
  return undefined;
}

/** arn:aws:states:<region>:<account>:stateMachine:<name>[:<alias or version>] */
function splitQualifier(stateMachineArn: string): [string, string | undefined] {
  const parts = stateMachineArn.split(':');
  return [parts.slice(0, 7).join(':'), parts[7]];
}

/**
 * The machine a local task token resumes: the engine's tokens open with the execution's ARN
 * (local/engine/tokens.ts), arn:aws:states:<region>:<account>:execution:<machine>:<name>.
 */
function stateMachineOfToken(token: string): string | undefined {
  try {
    const [executionArn] = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
    const parts = String(executionArn).split(':');
    if (parts[5] !== 'execution') return undefined;
    return [...parts.slice(0, 5), 'stateMachine', parts[6]].join(':');
  } catch {
    return undefined;
  }
}
