import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { CopyObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { Item } from '../../../shared/case/items';
import type { CaseFile, CaseRecord, DepartmentTask } from '../../../shared/case/model';
import { newCase, stateOf } from '../../../shared/case/transitions';
import { useClock } from '../../../shared/clock';
import { unpublishedEvents } from '../../../shared/events/timeline-events';
import { type ApplicationForm, applicationFormSchemaOn } from '../../../shared/form';
import type { ClosedCase } from '../../../shared/ops/closed-case';
import { OBJECT_KEYS } from '../../../shared/storage/buckets';
import type { UploadRecord } from '../../../shared/uploads/model';
import { type Invocation, type SentCommand, undeclaredCalls } from '../support/aws-calls';
import { LIVE_ALIAS_ARN, STATE_MACHINE_ARN, TABLE } from './env';

export { LIVE_ALIAS_ARN, STATE_MACHINE_ARN, TABLE };

/** Every DynamoDB document client, Step Functions client and S3 client in the process answers from these. */
export const ddb = mockClient(DynamoDBDocumentClient);
export const sfn = mockClient(SFNClient);
export const s3 = mockClient(S3Client);
export const UPLOADS_BUCKET = 'company-opening-uploads-unit';

/** Tuesday 2026-12-01, 10:00 Asia/Shanghai: a working day, so the SLA runs Dec 2, 3 and 4. */
export const SUBMITTED_AT = '2026-12-01T02:00:00.000Z';
/** End of Friday 2026-12-04, Asia/Shanghai: the third working day after submission. */
export const DEADLINE = '2026-12-04T15:59:59.999Z';
/** Five seconds after submission the workflow takes the case in... */
export const INTAKE_AT = '2026-12-01T02:00:05.000Z';
/** ...and five seconds later its reviews start (Tuesday 10:00:10 Asia/Shanghai). */
export const REVIEW_AT = '2026-12-01T02:00:10.000Z';
/** Wednesday 2026-12-02, 10:00 Asia/Shanghai: an officer decides. */
export const DECIDED_AT = '2026-12-02T02:00:00.000Z';
/** The token the SLA timer waits under in the fixtures. */
export const SLA_TIMER_TOKEN = 'token-sla-timer';
export const CASE_ID = 'co-unit-test-case-000001';
export const OWNER = 'founder-1';
export const CASE_KEY = { pk: `APP#${CASE_ID}`, sk: 'CASE' } as const;
export const SYSTEM = { role: 'system' } as const;
export const EXECUTION_ARN = `${STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${CASE_ID}`;

const FIXTURE = join(import.meta.dirname, '../../fixtures/applications/valid-baiyun-llc.json');

/** The valid fixture as a client sends it (a fresh copy each call). */
export function validApplication(): Record<string, unknown> {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
}

export const FORM: ApplicationForm = applicationFormSchemaOn('2026-12-01').parse(validApplication());

/** A clean upload of one material, in its filer's name, as the uploads table keeps it. */
export function uploadRecord(
  material: ApplicationForm['materials'][number],
  owner = OWNER,
  overrides: Partial<UploadRecord> = {},
): UploadRecord {
  return {
    id: material.uploadId,
    owner,
    fileName: `${material.type}.pdf`,
    mediaType: 'application/pdf',
    sizeBytes: 2048,
    sha256: createHash('sha256').update(material.uploadId).digest('hex'),
    createdAt: '2026-12-01T01:00:00.000Z',
    expiresAt: '2026-12-02T01:00:00.000Z',
    status: 'clean',
    inspection: { verdict: 'accepted' },
    scan: { status: 'NO_THREATS_FOUND' },
    version: 2,
    ...overrides,
  };
}

export const uploadKey = (id: string) => ({ pk: `UPLOAD#${id}`, sk: 'UPLOAD' });

/** The uploads table answers these records, by their ids. */
export function givenUploads(...records: UploadRecord[]): void {
  for (const record of records) {
    ddb
      .on(GetCommand, { Key: uploadKey(record.id) })
      .resolves({ Item: { ...uploadKey(record.id), ...record } });
  }
}

/** What reading one upload's record sends. */
export const getUpload = (id: string): SentCommand => ({
  command: 'GetCommand',
  input: { TableName: TABLE, Key: uploadKey(id), ConsistentRead: true },
});

/** What filing one upload under a case sends: a copy from where it arrived. */
export const copyMaterial = (caseId: string, uploadId: string): SentCommand => ({
  command: 'CopyObjectCommand',
  input: {
    Bucket: UPLOADS_BUCKET,
    Key: OBJECT_KEYS.material(caseId, uploadId),
    CopySource: `${UPLOADS_BUCKET}/${OBJECT_KEYS.incoming(uploadId)}`,
  },
});

/** The files a case holds once the form's materials were filed at `filedAt`. */
export function filedFiles(
  caseId: string,
  filedAt: string,
  form: ApplicationForm = FORM,
  owner = OWNER,
): Record<string, CaseFile> {
  return Object.fromEntries(
    form.materials.map((material) => {
      const { id, fileName, mediaType, sizeBytes, sha256 } = uploadRecord(material, owner);
      const key = OBJECT_KEYS.material(caseId, id);
      return [id, { uploadId: id, fileName, mediaType, sizeBytes, sha256, key, filedAt }];
    }),
  );
}

/** A case as the API stores it on submission, at the version given: its materials filed with it. */
export function submittedCase(version = 0, form: ApplicationForm = FORM): CaseRecord {
  return {
    ...newCase({
      id: CASE_ID,
      owner: OWNER,
      filedBy: { role: 'applicant', sub: OWNER },
      idempotencyKey: 'key-1',
      requestHash: 'hash-1',
      form,
      files: filedFiles(CASE_ID, SUBMITTED_AT, form),
      submittedAt: SUBMITTED_AT,
    }),
    version,
  };
}

/** A record at another version, as the store would hand it back after that many writes. */
export function atVersion(record: CaseRecord, version: number): CaseRecord {
  return { ...record, version };
}

/** The stored shape of a case: its keys and GSI attributes beside the record (shared/data/table.ts). */
export function caseItem(record: CaseRecord): Record<string, unknown> {
  const [waiting] = unpublishedEvents(record).events;
  return {
    pk: `APP#${record.id}`,
    sk: 'CASE',
    ownerPk: `OWNER#${record.owner}`,
    ...(record.filedBy.role === 'agent' ? { agentPk: `AGENT#${record.filedBy.sub}` } : {}),
    submittedSk: `${record.submittedAt}#${record.id}`,
    slaPk: `SLA#${record.failure ? 'failed' : record.sla.state}`,
    deadlineSk: `${record.sla.deadline}#${record.id}`,
    // The outbox index holds the case while it has events not yet on the bus.
    ...(waiting ? { outboxPk: 'OUTBOX', outboxSk: `${waiting.occurredAt}#${record.id}` } : {}),
    ...structuredClone(record),
    // The list summary the case indexes project (shared/data/listings.ts).
    companyName: record.form.company.name.full,
    itemStatuses: {
      registration: stateOf(record, 'registration').status,
      invoice: stateOf(record, 'invoice').status,
      seal: stateOf(record, 'seal').status,
    },
    slaClock: { workingDays: record.sla.workingDays, pauses: structuredClone(record.sla.pauses) },
    ...(record.failure ? { failureSummary: { error: record.failure.error, at: record.failure.at } } : {}),
  };
}

/** The deterministic task id of one review round: a retried step must find the same task. */
export function expectedTaskId(applicationId: string, item: Item, round: number): string {
  const digest = createHash('sha256').update(`${applicationId}:${item}:${round}`).digest('base64url');
  return `t-${digest.slice(0, 22)}`;
}

export function departmentTask(overrides: Partial<DepartmentTask> = {}): DepartmentTask {
  return {
    id: expectedTaskId(CASE_ID, 'registration', 1),
    applicationId: CASE_ID,
    item: 'registration',
    department: 'market-regulation',
    round: 1,
    status: 'open',
    slaDeadline: DEADLINE,
    createdAt: '2026-12-01T02:00:10.000Z',
    companyName: '广州云启科技有限公司',
    token: 'token-registration-review',
    ...overrides,
  };
}

export function taskItem(task: DepartmentTask): Record<string, unknown> {
  return {
    pk: `TASK#${task.id}`,
    sk: 'TASK',
    departmentPk: `DEPT#${task.department}#${task.status}`,
    deadlineSk: `${task.slaDeadline}#${task.id}`,
    ...structuredClone(task),
  };
}

export const taskKey = (id: string) => ({ pk: `TASK#${id}`, sk: 'TASK' });

/** Consistent reads of the case answer these records in turn, the last one from then on. */
export function givenCase(...reads: CaseRecord[]): void {
  let behavior = ddb.on(GetCommand, { Key: CASE_KEY });
  reads.forEach((record, index) => {
    if (index === reads.length - 1) behavior.resolves({ Item: caseItem(record) });
    else behavior = behavior.resolvesOnce({ Item: caseItem(record) });
  });
}

export function givenNoCase(): void {
  ddb.on(GetCommand, { Key: CASE_KEY }).resolves({});
}

export function givenTask(task: DepartmentTask): void {
  ddb.on(GetCommand, { Key: taskKey(task.id) }).resolves({ Item: taskItem(task) });
}

export function conditionFailed(): ConditionalCheckFailedException {
  return new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
}

export type { SentCommand };

type Client = typeof ddb | typeof sfn | typeof s3;
type RecordedCall = ReturnType<Client['calls']>[number];

function describeCall(call: RecordedCall): SentCommand {
  const command = call.args[0] as unknown as { constructor: { name: string }; input: unknown };
  return { command: command.constructor.name, input: command.input };
}

/** Every command a mocked client sent, in order, by class name and input. */
export function sent(client: Client): SentCommand[] {
  return client.calls().map(describeCall);
}

/** Every command sent to DynamoDB, Step Functions and S3, interleaved in the order they were sent. */
export function sentToAny(): SentCommand[] {
  const calls: RecordedCall[] = [...ddb.calls(), ...sfn.calls(), ...s3.calls()];
  const order = (call: RecordedCall) => (call as unknown as { callId: number }).callId;
  return calls.sort((a, b) => order(a) - order(b)).map(describeCall);
}

/** The Item of the n-th DynamoDB command sent (negative: from the end); fails unless that one is a Put. */
export function putItem<T = CaseRecord>(index: number): T & Record<string, unknown> {
  const call = sent(ddb).at(index);
  const item = (call?.input as { Item?: T } | undefined)?.Item;
  if (call?.command !== 'PutCommand' || item === undefined) throw new Error(`Command ${index} is not a Put`);
  return item as T & Record<string, unknown>;
}

/** What one `cases.get` sends. */
export const getCase = (): SentCommand => ({
  command: 'GetCommand',
  input: { TableName: TABLE, Key: CASE_KEY, ConsistentRead: true },
});

/** What one `cases.save` sends: the whole record at the next version, conditional on the one read. */
export const putCase = (record: CaseRecord, fromVersion: number): SentCommand => ({
  command: 'PutCommand',
  input: {
    TableName: TABLE,
    Item: caseItem({ ...record, version: fromVersion + 1 }),
    ConditionExpression: 'version = :version',
    ExpressionAttributeValues: { ':version': fromVersion },
  },
});

export const getTask = (id: string): SentCommand => ({
  command: 'GetCommand',
  input: { TableName: TABLE, Key: taskKey(id), ConsistentRead: true },
});

/** What `tasks.close` sends: the closed task, conditional on it still being open. */
export const closeTask = (closed: DepartmentTask): SentCommand => ({
  command: 'PutCommand',
  input: {
    TableName: TABLE,
    Item: taskItem(closed),
    ConditionExpression: '#status = :open',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':open': 'open' },
  },
});

/** What `tasks.moveDeadline` sends: the task with its new deadline, conditional on it being open with that token. */
export const moveTaskDeadline = (task: DepartmentTask, slaDeadline: string): SentCommand => ({
  command: 'PutCommand',
  input: {
    TableName: TABLE,
    Item: taskItem({ ...task, slaDeadline }),
    ConditionExpression: '#status = :open AND #token = :token',
    ExpressionAttributeNames: { '#status': 'status', '#token': 'token' },
    ExpressionAttributeValues: { ':open': 'open', ':token': task.token },
  },
});

/** What `closedCases.record` sends: the case's KPI facts in the partition of its closing month, unconditionally. */
export const putClosedCase = (fact: ClosedCase, month: string): SentCommand => ({
  command: 'PutCommand',
  input: {
    TableName: TABLE,
    Item: { pk: `CLOSED#${month}`, sk: `${fact.closedAt}#${fact.id}`, ...fact },
  },
});

/** What closing a case sends to take it off its founder's open cases: one unconditional DELETE from the set. */
export const releaseOpenCase = (owner = OWNER, id = CASE_ID): SentCommand => ({
  command: 'UpdateCommand',
  input: {
    TableName: TABLE,
    Key: { pk: `LIMIT#FOUNDER#${owner}`, sk: 'OPEN' },
    UpdateExpression: 'DELETE #cases :case',
    ExpressionAttributeNames: { '#cases': 'cases' },
    ExpressionAttributeValues: { ':case': new Set([id]) },
  },
});

export const resumeWith = (taskToken: string, output: unknown): SentCommand => ({
  command: 'SendTaskSuccessCommand',
  input: { taskToken, output: JSON.stringify(output) },
});

/** The Put inputs the case received, in order. */
export function casePuts(): { Item: Record<string, unknown>; ConditionExpression?: string }[] {
  return ddb
    .commandCalls(PutCommand)
    .map((call) => call.args[0].input as { Item: Record<string, unknown>; ConditionExpression?: string })
    .filter((input) => input.Item.pk === CASE_KEY.pk);
}

/** The functions invoked in the current test, in order: who sent which command. */
const invocations: Invocation[] = [];

/**
 * The commands sent from here on are `functionName`'s: for tests that call the domain code behind a
 * route (shared/case/commands.ts) rather than its handler.
 */
export function sentBy(functionName: string): void {
  beforeEach(() => {
    invocations.push({ functionName, fromCommand: 0 });
  });
}

/** A Lambda context as the runtime passes it; what its handler sends must be what it declares. */
export function lambdaContext(functionName: string): Context {
  invocations.push({
    functionName,
    fromCommand: ddb.calls().length + sfn.calls().length + s3.calls().length,
  });
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:cn-north-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: `request-${functionName}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/12/01/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface EmittedMetric {
  namespace: string;
  name: string;
  unit: string;
  value: number;
  /** Its dimensions, without the `service` default every metric carries. */
  dimensions: Record<string, string>;
}

interface EmfLine {
  _aws: {
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
}

function parseEmf(lines: readonly string[]): EmittedMetric[] {
  const metrics: EmittedMetric[] = [];
  for (const line of lines.flatMap((chunk) => chunk.split('\n'))) {
    if (!line.includes('"_aws"')) continue;
    const emf = JSON.parse(line) as EmfLine;
    for (const directive of emf._aws.CloudWatchMetrics) {
      const dimensions: Record<string, string> = {};
      for (const name of directive.Dimensions.flat()) {
        if (name !== 'service') dimensions[name] = String(emf[name]);
      }
      for (const metric of directive.Metrics) {
        metrics.push({
          namespace: directive.Namespace,
          name: metric.Name,
          unit: metric.Unit,
          value: emf[metric.Name] as number,
          dimensions,
        });
      }
    }
  }
  return metrics;
}

let clockMs = Date.parse(SUBMITTED_AT);

/** Moves the shared clock, the only time domain code reads. */
export function setNow(instant: string): void {
  clockMs = Date.parse(instant);
}

/**
 * Per test: fresh mocks (any Put succeeds, any resumption is accepted, a start returns its ARN, any S3
 * copy succeeds), the clock at submission, and stdout captured so the EMF lines Powertools prints can be
 * read back.
 */
export function useWorkflowHarness(): { metrics: () => EmittedMetric[] } {
  const output: string[] = [];
  beforeEach(() => {
    ddb.reset();
    sfn.reset();
    s3.reset();
    ddb.on(PutCommand).resolves({});
    s3.on(CopyObjectCommand).resolves({});
    sfn.on(SendTaskSuccessCommand).resolves({});
    sfn
      .on(StartExecutionCommand)
      .resolves({ executionArn: EXECUTION_ARN, startDate: new Date(SUBMITTED_AT) });
    setNow(SUBMITTED_AT);
    useClock(() => clockMs);
    output.length = 0;
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    useClock(Date.now);
    const undeclared = undeclaredCalls(sentToAny(), invocations);
    invocations.length = 0;
    expect(undeclared, 'AWS calls the function does not declare (shared/entry-points)').toEqual([]);
  });
  return { metrics: () => parseEmf(output) };
}
