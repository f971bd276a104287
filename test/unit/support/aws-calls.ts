import { allows, type Call } from '../../../shared/entry-points/access';
import { ENTRY_POINTS } from '../../../shared/entry-points/all';
import { BUCKETS, type BucketName } from '../../../shared/storage/buckets';
import { LIVE_ALIAS } from '../../../workflows/live-alias';

/** A command as a mocked AWS client recorded it. */
export interface SentCommand {
  command: string;
  input: unknown;
}

/** Every entry point's declared access, by its function name. */
export const ACCESS_OF = new Map(ENTRY_POINTS.map((fn) => [fn.name, fn.access]));

interface QueryInput {
  IndexName?: string;
  KeyConditionExpression?: string;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** The partition key value a query's key condition names (`pk = :pk AND …`). */
function partitionKeyOf(input: QueryInput): string | undefined {
  const placeholder = /^\s*pk\s*=\s*(:\w+)/.exec(input.KeyConditionExpression ?? '')?.[1];
  const value = placeholder ? input.ExpressionAttributeValues?.[placeholder] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A command as IAM sees it: the action it needs, on what, under which partition key. */
export function callOf({ command, input }: SentCommand): Call {
  switch (command) {
    case 'GetCommand':
      return { action: 'dynamodb:GetItem', target: 'table' };
    case 'PutCommand':
      return { action: 'dynamodb:PutItem', target: 'table' };
    case 'UpdateCommand': {
      const key = (input as { Key?: { pk?: unknown } }).Key?.pk;
      return {
        action: 'dynamodb:UpdateItem',
        target: 'table',
        partitionKey: typeof key === 'string' ? key : undefined,
      };
    }
    case 'QueryCommand': {
      const query = input as QueryInput;
      return query.IndexName
        ? { action: 'dynamodb:Query', target: `index/${query.IndexName}` as Call['target'] }
        : { action: 'dynamodb:Query', target: 'table', partitionKey: partitionKeyOf(query) };
    }
    case 'StartExecutionCommand': {
      // arn:aws:states:<region>:<account>:stateMachine:<name>[:<version or alias>]
      const qualifier = String((input as { stateMachineArn?: string }).stateMachineArn).split(':')[7];
      return {
        action: 'states:StartExecution',
        target: qualifier === LIVE_ALIAS ? 'liveAlias' : 'stateMachine',
      };
    }
    case 'SendTaskSuccessCommand':
      return { action: 'states:SendTaskSuccess', target: 'stateMachine' };
    case 'DescribeAlarmsCommand':
      return { action: 'cloudwatch:DescribeAlarms', target: 'alarms' };
    default:
      return { action: `unmapped:${command}`, target: 'table' };
  }
}

interface ObjectInput {
  Bucket?: string;
  Key?: string;
  CopySource?: string;
}

/** The platform's bucket a command names, by the name its environment variable gives. */
function bucketOf(name: string | undefined): Call['target'] {
  const bucket = (Object.keys(BUCKETS) as BucketName[]).find(
    (id) => name !== undefined && process.env[BUCKETS[id].environment] === name,
  );
  return bucket ? `objects/${bucket}` : ('objects/unknown' as Call['target']);
}

/** An S3 command as IAM sees it: a copy reads its source (`bucket/key`) and writes its destination. */
function objectCallsOf(command: string, input: ObjectInput): Call[] | undefined {
  const on = (action: string, bucket: string | undefined, key: string | undefined): Call => ({
    action,
    target: bucketOf(bucket),
    objectKey: key,
  });
  switch (command) {
    case 'CopyObjectCommand': {
      const [, sourceBucket, sourceKey] = /^\/?([^/]+)\/(.+)$/.exec(input.CopySource ?? '') ?? [];
      return [on('s3:GetObject', sourceBucket, sourceKey), on('s3:PutObject', input.Bucket, input.Key)];
    }
    case 'HeadObjectCommand':
    case 'GetObjectCommand':
      return [on('s3:GetObject', input.Bucket, input.Key)];
    case 'PutObjectCommand':
      return [on('s3:PutObject', input.Bucket, input.Key)];
    case 'DeleteObjectCommand':
      return [on('s3:DeleteObject', input.Bucket, input.Key)];
    default:
      return undefined;
  }
}

/** The calls IAM checks for one command: one for each, two for an S3 copy. */
export function callsOf(sent: SentCommand): Call[] {
  return objectCallsOf(sent.command, sent.input as ObjectInput) ?? [callOf(sent)];
}

/** Which function sent which commands: each invocation owns the commands sent from its start on. */
export interface Invocation {
  functionName: string;
  /** How many commands had been sent when it started. */
  fromCommand: number;
}

/** The commands that the access declared for the function sending them does not allow. */
export function undeclaredCalls(
  commands: readonly SentCommand[],
  invocations: readonly Invocation[],
  accessOf: (functionName: string) => Parameters<typeof allows>[0] | undefined = (name) =>
    ACCESS_OF.get(name),
): string[] {
  const refused: string[] = [];
  commands.forEach((command, index) => {
    const owner = invocations.filter((invocation) => invocation.fromCommand <= index).at(-1);
    if (!owner) return;
    const access = accessOf(owner.functionName);
    for (const call of callsOf(command)) {
      if (access && allows(access, call)) continue;
      const scope = call.partitionKey ?? call.objectKey;
      refused.push(`${owner.functionName}: ${call.action} on ${call.target}${scope ? ` (${scope})` : ''}`);
    }
  });
  return refused;
}
