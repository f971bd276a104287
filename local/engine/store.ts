import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../../shared/data/errors';
import { queryPages } from '../../shared/data/query-pages';
import { ensureOwnTable } from '../own-table';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  executionArn: string;
  /** The unqualified ARN, however the execution was started. */
  stateMachineArn: string;
  /**
   * The definition version the execution runs on, for its whole life. Absent on journals written before
   * the engine kept versions (see `LEGACY_VERSION`).
   */
  version?: number;
  /** Set as Step Functions sets it: when the execution was started through a version or an alias ARN. */
  stateMachineVersionArn?: string;
  stateMachineAliasArn?: string;
  name: string;
  /** JSON text, as the API carries it. */
  input: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
}

export interface AttemptFailure {
  error: string;
  cause: string;
  at: number;
}

/** One journal entry: everything needed to replay a Task or Wait visit without running it again. */
export interface StepRecord {
  stepKey: string;
  state: string;
  visit: number;
  kind: 'task' | 'wait';
  /** `running` lives only in memory: a step is first written when it waits, fails or succeeds. */
  status: 'running' | 'waiting' | 'retrying' | 'succeeded' | 'failed' | 'cancelled';
  enteredAt: number;
  /** Index of the current attempt: the number of attempts that failed before it. */
  attempt: number;
  failures: AttemptFailure[];
  attemptStartedAt?: number;
  timeoutAt?: number;
  heartbeatSeconds?: number;
  lastHeartbeatAt?: number;
  retryAt?: number;
  dueAt?: number;
  output?: string;
  error?: string;
  cause?: string;
  completedAt?: number;
}

/** One definition the engine was given, kept for as long as any execution may run on it. */
export interface DefinitionVersion {
  stateMachineArn: string;
  version: number;
  /** sha256 of the canonical ASL: the same definition given again is the same version. */
  hash: string;
  /** The canonical ASL text. */
  definition: string;
  createdAt: number;
}

const EXECUTION_SK = '#execution';
const VERSION_PREFIX = 'version#';
const ALIAS_PREFIX = 'alias#';
const STEP_PREFIX = 'step#';

const executionKey = (executionArn: string) => ({ pk: `execution#${executionArn}`, sk: EXECUTION_SK });
const stepKeyOf = (executionArn: string, stepKey: string) => ({
  pk: `execution#${executionArn}`,
  sk: `${STEP_PREFIX}${stepKey}`,
});
const definitionsPk = (stateMachineArn: string) => `definitions#${stateMachineArn}`;
const versionSk = (version: number) => `${VERSION_PREFIX}${String(version).padStart(6, '0')}`;
const byMachine = (stateMachineArn: string) => `machine#${stateMachineArn}`;
const byMachineAndStatus = (stateMachineArn: string, status: ExecutionStatus) =>
  `machine#${stateMachineArn}#${status}`;

/**
 * The engine's durable state in a DynamoDB table of its own: executions, their step journals, the
 * token secret and the clock offset. Every change is one conditional write: dynalite has no
 * transactions, and none are needed when each write carries its own precondition.
 */
export class ExecutionStore {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    private readonly client: DynamoDBClient,
    readonly tableName: string,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }

  async ensureTable(): Promise<void> {
    const index = (name: string, pk: string, sk: string) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: pk, KeyType: 'HASH' as const },
        { AttributeName: sk, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    });
    await ensureOwnTable(this.client, {
      TableName: this.tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'machinePk', 'machineStatusPk', 'startedSk'].map((name) => ({
        AttributeName: name,
        AttributeType: 'S' as const,
      })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        index('byMachine', 'machinePk', 'startedSk'),
        index('byMachineAndStatus', 'machineStatusPk', 'startedSk'),
      ],
    });
  }

  /** The secret task tokens are signed with; made once, on the first start. */
  async tokenSecret(): Promise<Buffer> {
    const key = { pk: 'engine', sk: 'token-secret' };
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, secret: randomBytes(32).toString('base64') },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return Buffer.from(Item?.secret as string, 'base64');
  }

  async clockOffset(): Promise<number> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: 'engine', sk: 'clock' }, ConsistentRead: true }),
    );
    return (Item?.offsetMs as number | undefined) ?? 0;
  }

  async saveClockOffset(offsetMs: number): Promise<void> {
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { pk: 'engine', sk: 'clock', offsetMs } }),
    );
  }

  /** Every stored definition of a machine, oldest first. */
  async definitionVersions(stateMachineArn: string): Promise<DefinitionVersion[]> {
    const versions: DefinitionVersion[] = [];
    for await (const item of this.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :versions)',
      ExpressionAttributeValues: { ':pk': definitionsPk(stateMachineArn), ':versions': VERSION_PREFIX },
      ConsistentRead: true,
    })) {
      versions.push(toDefinitionVersion(item));
    }
    return versions;
  }

  async definitionVersion(stateMachineArn: string, version: number): Promise<DefinitionVersion | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: definitionsPk(stateMachineArn), sk: versionSk(version) },
        ConsistentRead: true,
      }),
    );
    return Item ? toDefinitionVersion(Item) : undefined;
  }

  /**
   * The version holding this definition: the stored one with the same hash, else a new one numbered
   * after the last. Each version is one conditional put, so a crash leaves either no version or a
   * whole one, and a number is never given twice.
   */
  async publishDefinition(
    stateMachineArn: string,
    definition: string,
    hash: string,
    createdAt: number,
  ): Promise<DefinitionVersion> {
    for (;;) {
      const versions = await this.definitionVersions(stateMachineArn);
      const same = versions.find((candidate) => candidate.hash === hash);
      if (same) return same;
      const published: DefinitionVersion = {
        stateMachineArn,
        version: (versions.at(-1)?.version ?? 0) + 1,
        hash,
        definition,
        createdAt,
      };
      try {
        await this.documents.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { pk: definitionsPk(stateMachineArn), sk: versionSk(published.version), ...published },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return published;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  }

  async routeAlias(stateMachineArn: string, name: string, version: number): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: definitionsPk(stateMachineArn), sk: `${ALIAS_PREFIX}${name}`, name, version },
      }),
    );
  }

  /** The version each alias of the machine routes to, by alias name. */
  async aliases(stateMachineArn: string): Promise<Map<string, number>> {
    const routes = new Map<string, number>();
    for await (const item of this.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :aliases)',
      ExpressionAttributeValues: { ':pk': definitionsPk(stateMachineArn), ':aliases': ALIAS_PREFIX },
      ConsistentRead: true,
    })) {
      routes.set(item.name as string, item.version as number);
    }
    return routes;
  }

  /** Creates the execution unless one with its ARN exists; returns the one that is stored. */
  async createExecution(record: ExecutionRecord): Promise<{ created: boolean; record: ExecutionRecord }> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...executionKey(record.executionArn), ...this.indexAttributes(record), ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { created: true, record };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.execution(record.executionArn);
      if (!existing) throw error;
      return { created: false, record: existing };
    }
  }

  async execution(executionArn: string): Promise<ExecutionRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: executionKey(executionArn), ConsistentRead: true }),
    );
    return Item ? toExecution(Item) : undefined;
  }

  /** The execution with its whole journal, for replay. */
  async load(executionArn: string): Promise<{ record: ExecutionRecord; steps: StepRecord[] } | undefined> {
    let record: ExecutionRecord | undefined;
    const steps: StepRecord[] = [];
    for await (const item of this.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': executionKey(executionArn).pk },
      ConsistentRead: true,
    })) {
      if (item.sk === EXECUTION_SK) record = toExecution(item);
      else steps.push(toStep(item));
    }
    return record ? { record, steps } : undefined;
  }

  /** Moves a running execution to its final status; false when it had already stopped. */
  async finishExecution(
    running: ExecutionRecord,
    outcome: Pick<ExecutionRecord, 'status' | 'stopDate' | 'output' | 'error' | 'cause'>,
  ): Promise<boolean> {
    const finished = { ...running, ...outcome };
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...executionKey(running.executionArn), ...this.indexAttributes(finished), ...finished },
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':running': 'RUNNING' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async *executions(
    stateMachineArn: string,
    status: ExecutionStatus | undefined,
    newestFirst = true,
  ): AsyncGenerator<ExecutionRecord> {
    const input: Omit<QueryCommandInput, 'TableName'> = status
      ? {
          IndexName: 'byMachineAndStatus',
          KeyConditionExpression: 'machineStatusPk = :pk',
          ExpressionAttributeValues: { ':pk': byMachineAndStatus(stateMachineArn, status) },
        }
      : {
          IndexName: 'byMachine',
          KeyConditionExpression: 'machinePk = :pk',
          ExpressionAttributeValues: { ':pk': byMachine(stateMachineArn) },
        };
    for await (const item of this.query({ ...input, ScanIndexForward: !newestFirst }))
      yield toExecution(item);
  }

  /** Writes a step the engine owns right now (no callback can race it). */
  async putStep(executionArn: string, step: StepRecord): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...stepKeyOf(executionArn, step.stepKey), ...step },
      }),
    );
  }

  /**
   * Replaces a step that is waiting on a callback, only if that same attempt is still waiting: the
   * single guard that makes a callback, a timeout and a cancellation race safely.
   */
  async replaceWaitingStep(executionArn: string, attempt: number, step: StepRecord): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...stepKeyOf(executionArn, step.stepKey), ...step },
          ConditionExpression: '#status = :waiting AND attempt = :attempt',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':waiting': 'waiting', ':attempt': attempt },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async recordHeartbeat(
    executionArn: string,
    stepKey: string,
    attempt: number,
    at: number,
  ): Promise<boolean> {
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: stepKeyOf(executionArn, stepKey),
          UpdateExpression: 'SET lastHeartbeatAt = :at',
          ConditionExpression: '#status = :waiting AND attempt = :attempt',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':waiting': 'waiting', ':attempt': attempt, ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  private indexAttributes(record: ExecutionRecord) {
    const startedSk = `${new Date(record.startDate).toISOString()}#${record.name}`;
    return {
      machinePk: byMachine(record.stateMachineArn),
      machineStatusPk: byMachineAndStatus(record.stateMachineArn, record.status),
      startedSk,
    };
  }

  private async *query(input: Omit<QueryCommandInput, 'TableName'>): AsyncGenerator<Record<string, unknown>> {
    for await (const page of queryPages(this.documents, { ...input, TableName: this.tableName })) {
      yield* page.Items ?? [];
    }
  }
}

function toExecution(item: Record<string, unknown>): ExecutionRecord {
  const { pk: _pk, sk: _sk, machinePk: _m, machineStatusPk: _ms, startedSk: _s, ...record } = item;
  return record as unknown as ExecutionRecord;
}

function toDefinitionVersion(item: Record<string, unknown>): DefinitionVersion {
  const { pk: _pk, sk: _sk, ...version } = item;
  return version as unknown as DefinitionVersion;
}

function toStep(item: Record<string, unknown>): StepRecord {
  const { pk: _pk, sk: _sk, ...step } = item;
  return step as unknown as StepRecord;
}
