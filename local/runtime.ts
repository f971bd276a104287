import './polyfills';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AttributeValue as DynamoAttributeValue,
  DynamoDBClient,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import {
  CASE_EVENT_BUS_NAME,
  ENVIRONMENT,
  LOCAL_TABLE_NAME,
  METRICS_NAMESPACE,
  SERVICE_NAME,
  STATE_MACHINE_NAME,
} from '../shared/config';
import type { EventFunction } from '../shared/entry-points/event-functions';
import type { StreamFunction } from '../shared/entry-points/stream-functions';
import { BUCKETS } from '../shared/storage/buckets';
import { LIVE_ALIAS } from '../workflows/live-alias';
import { RuntimeClock } from './clock';
import { startCloudWatchServer } from './cloudwatch';
import { startDynalite } from './dynalite';
import type { MachineDefinition } from './engine/asl';
import { DurableEngine } from './engine/engine';
import { startStepFunctionsServer } from './engine/http';
import { type BusEvent, LocalEventBus } from './event-bus';
import { type DeadLetter, EventDeliveries } from './event-deliveries';
import { startEventBridgeServer } from './eventbridge';
import { protectBucket } from './guardduty';
import { loadHandler } from './handler-module';
import { type Authorizations, asFunction, authorizationsSoFar, enforceRolePolicies } from './iam/enforcement';
import { keptSecret } from './kept-secret';
import { type LambdaHandler, lambdaContext } from './lambda-context';
import { MetricsCapture } from './metrics-capture';
import { privateDirectory } from './private-directory';
import { LocalLifecycle } from './s3/lifecycle';
import { type CreatedObject, startLocalS3 } from './s3/server';
import { LocalTableStream } from './table-stream';

export const LOCAL_ACCOUNT = { region: 'us-east-1', accountId: '000000000000' } as const;
/**
 * The engine stands in for the Step Functions service, whose own state never fails a task; its
 * journal writes retry far longer than a handler's, so injected throttling cannot fail a workflow.
 */
const ENGINE_DYNAMODB_ATTEMPTS = 10;
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
/** EventBridge retries a failed delivery for a day; locally a few quick tries, then the dead-letter queue. */
const EVENT_DELIVERY_ATTEMPTS = 3;
/** The buses' accepted events and dead letters (local/event-deliveries.ts), beside the engine's journal. */
const EVENT_DELIVERIES_TABLE = 'local-event-deliveries';
const LIFECYCLE_SWEEP_MS = 10 * 60_000;

export interface RuntimeOptions {
  /** Where dynalite keeps its files; in memory when absent. */
  dataDirectory?: string;
  /** Where the local S3 keeps its objects; a temporary folder, removed on close, when absent. */
  storageDirectory?: string;
  /** Extra environment for the handlers (INSTANT_APPROVAL=off, log levels). */
  environment?: Record<string, string>;
  /** Wraps a workflow function by name: how tests inject faults into a real handler. */
  wrapFunction?: (name: string, handler: LambdaHandler) => LambdaHandler;
  /** Echo EMF metric lines to stdout as well as capturing them. */
  echoMetrics?: boolean;
  /**
   * The CompanyOpening definitions to register, in order, the last as the newest version; by default
   * the one CDK synthesizes. Tests give older or changed ones here, never by editing the workflow.
   */
  definitions?: MachineDefinition[];
  /**
   * The version the live alias routes new cases to (WORKFLOW_LIVE_VERSION); the newest by default.
   * Pointing it at an older version is the local rollback.
   */
  liveVersion?: number;
  /** Fixed ports, so that clients outside this process find a restarted runtime at the same address. */
  ports?: { dynamo?: number; stepFunctions?: number; s3?: number };
  /** Where the list cursors' signing secret is kept across restarts; a new one per run when absent. */
  cursorSecretFile?: string;
}

export interface LocalRuntime {
  engine: DurableEngine;
  clock: RuntimeClock;
  metrics: MetricsCapture;
  /** The unqualified ARN; handlers start cases through `liveAliasArn`. */
  stateMachineArn: string;
  liveAliasArn: string;
  dynamoEndpoint: string;
  /** DynamoDB requests dynalite has served, from handlers and engine alike. */
  dynamoRequests: () => number;
  /** Requests answered with an injected throttling error (LOCAL_DYNAMODB_FAULT_RATE). */
  dynamoInjectedFaults: () => number;
  stepFunctionsEndpoint: string;
  /** The local S3 (s3rver behind the checks S3 makes that it leaves out). */
  s3Endpoint: string;
  /** The default event bus: S3's and the scanner's events, delivered to the event functions. */
  eventBus: LocalEventBus;
  /** The case event bus (shared/events/): what the functions publish, delivered to the event functions. */
  caseEvents: LocalEventBus;
  /** EventBridge answers the next `calls` PutEvents with InternalException, as in an outage. */
  failPutEvents: (calls: number) => void;
  /** The table's stream of new images, read by the stream functions (local/table-stream.ts). */
  tableStream: LocalTableStream;
  /** Stream records a stream function failed on every attempt: what its on-failure queue holds. */
  streamFailures: () => { function: string; record: DynamoDBRecord; error: string }[];
  /**
   * Events no delivery attempt could hand to their function: what the rules' dead-letter queues hold,
   * kept in the data folder across restarts.
   */
  deadLetters: () => { rule: string; event: BusEvent; error: string }[];
  /** Each function's AWS calls its synthesized role policy allowed and refused (local/iam/). */
  authorizations: () => Authorizations;
  /** Replays the executions a previous run left unfinished; resolves when all are back in memory. */
  resumed: Promise<number>;
  close: () => Promise<void>;
}

/**
 * Everything the platform runs on in AWS, on one machine: dynalite for DynamoDB, the durable engine for
 * Step Functions, the handler modules for Lambda, EMF capture for CloudWatch metrics. Handlers reach
 * the first two only through the SDK and the standard AWS_ENDPOINT_URL_* variables.
 *
 * The handlers read their configuration from process.env when they load, so one runtime runs per
 * process, and handler modules are imported only after the environment is set.
 */
export async function startRuntime(options: RuntimeOptions = {}): Promise<LocalRuntime> {
  if (options.dataDirectory) await privateDirectory(options.dataDirectory);
  let stored = (_item: Record<string, unknown>) => {};
  const dynamo = await startDynalite({
    path: options.dataDirectory,
    port: options.ports?.dynamo,
    faultRate: Number(process.env.LOCAL_DYNAMODB_FAULT_RATE ?? 0) || 0,
    stored: (tableName, item) => {
      if (tableName === LOCAL_TABLE_NAME) stored(item);
    },
  });
  const storageDirectory = options.storageDirectory ?? (await mkdtemp(join(tmpdir(), 'company-opening-s3-')));
  if (options.storageDirectory) await privateDirectory(options.storageDirectory);
  const metricsClock = new RuntimeClock();
  const metrics = new MetricsCapture(() => metricsClock.now());
  metrics.start({ echo: options.echoMetrics ?? false });

  Object.assign(process.env, {
    AWS_REGION: LOCAL_ACCOUNT.region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    [ENVIRONMENT.s3PathStyle]: 'true',
    ...Object.fromEntries(Object.values(BUCKETS).map((bucket) => [bucket.environment, bucket.localName])),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    [ENVIRONMENT.tableName]: LOCAL_TABLE_NAME,
    [ENVIRONMENT.cursorSecret]: await keptSecret(options.cursorSecretFile, async () =>
      randomBytes(32).toString('base64url'),
    ),
    // The local server stands in for CloudFront and adds it to every API event.
    [ENVIRONMENT.originSecret]: randomBytes(32).toString('base64url'),
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    ...options.environment,
  });

  const dynamodb = new DynamoDBClient({ endpoint: dynamo.endpoint, maxAttempts: ENGINE_DYNAMODB_ATTEMPTS });
  const { ensureAppTable } = await import('./app-table');
  await ensureAppTable(dynamodb, LOCAL_TABLE_NAME);

  const clock = metricsClock;
  const { useClock } = await import('../shared/clock');
  useClock(() => clock.now());

  const deliveries = new EventDeliveries(dynamodb, EVENT_DELIVERIES_TABLE);
  await deliveries.ensureTable();
  const deadLetters = await deliveries.deadLetters();
  const streamFailures: { function: string; record: DynamoDBRecord; error: string }[] = [];
  const busDelivery = {
    attempts: EVENT_DELIVERY_ATTEMPTS,
    backoffMs: (retry: number) => 100 * 2 ** retry,
    deadLetter: (letter: DeadLetter) => {
      deadLetters.push(letter);
      metrics.record({
        namespace: 'AWS/SQS',
        name: 'NumberOfMessagesSent',
        value: 1,
        dimensions: { QueueName: `${letter.rule}DeadLetters` },
      });
    },
  };
  const eventBus = new LocalEventBus('default', LOCAL_ACCOUNT, deliveries, busDelivery, () => clock.now());
  const caseEvents = new LocalEventBus(CASE_EVENT_BUS_NAME, LOCAL_ACCOUNT, deliveries, busDelivery, () =>
    clock.now(),
  );
  const tableStream = new LocalTableStream(
    {
      tableArn: `arn:aws:dynamodb:${LOCAL_ACCOUNT.region}:${LOCAL_ACCOUNT.accountId}:table/${LOCAL_TABLE_NAME}`,
      region: LOCAL_ACCOUNT.region,
    },
    {
      attempts: EVENT_DELIVERY_ATTEMPTS,
      backoffMs: busDelivery.backoffMs,
      gaveUp: (name, record, error) => {
        streamFailures.push({ function: name, record, error: String((error as Error)?.message ?? error) });
        metrics.record({
          namespace: 'AWS/SQS',
          name: 'NumberOfMessagesSent',
          value: 1,
          dimensions: { QueueName: `${name}DeadLetters` },
        });
      },
    },
  );
  stored = (item) => tableStream.written(item as Record<string, AttributeValue>);
  const eventBridge = await startEventBridgeServer(
    new Map([eventBus, caseEvents].map((bus) => [bus.name, bus])),
  );
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_EVENTBRIDGE: eventBridge.url,
    [ENVIRONMENT.caseEventBus]: CASE_EVENT_BUS_NAME,
  });
  let objectCreated = (_object: CreatedObject) => {};
  const s3 = await startLocalS3({
    directory: storageDirectory,
    credentials: LOCAL_CREDENTIALS,
    objectCreated: (object) => objectCreated(object),
    port: options.ports?.s3,
  });
  process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
  const storage = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true });

  let stateMachineArn = '';
  const engine = await DurableEngine.create({
    dynamodb,
    clock,
    ...LOCAL_ACCOUNT,
    observer: {
      executionFinished: (record) => {
        const metric = {
          FAILED: 'ExecutionsFailed',
          TIMED_OUT: 'ExecutionsTimedOut',
          ABORTED: 'ExecutionsAborted',
        }[record.status as string];
        if (metric)
          metrics.record({
            namespace: 'AWS/States',
            name: metric,
            value: 1,
            dimensions: { StateMachineArn: record.stateMachineArn },
          });
      },
      functionFailed: () =>
        metrics.record({ namespace: 'AWS/Lambda', name: 'Errors', value: 1, dimensions: {} }),
    },
  });
  const { server, url } = await startStepFunctionsServer(engine, options.ports?.stepFunctions);
  process.env.AWS_ENDPOINT_URL_SFN = url;

  const { alarmDefinitions } = await import('../shared/ops/alarms');
  const cloudWatch = await startCloudWatchServer({
    alarms: () => alarmDefinitions({ stateMachineArn, apiId: 'local', serviceName: SERVICE_NAME }),
    metrics,
    now: () => clock.now(),
  });
  process.env.AWS_ENDPOINT_URL_CLOUDWATCH = cloudWatch.url;

  const { localCompanyOpeningAsl } = await import('../workflows/local-definition');
  const functions = await loadWorkflowFunctions(options.wrapFunction);
  for (const definition of options.definitions ?? [JSON.parse(localCompanyOpeningAsl(LOCAL_ACCOUNT))]) {
    stateMachineArn = engine.registerStateMachine({ name: STATE_MACHINE_NAME, definition, functions });
  }
  const liveAliasArn = await engine.routeAlias({
    stateMachineArn,
    name: LIVE_ALIAS,
    version: options.liveVersion ?? liveVersionFromEnvironment(),
  });
  process.env[ENVIRONMENT.stateMachineArn] = liveAliasArn;
  const { committedRolePolicies } = await import('./iam/role-policies');
  enforceRolePolicies({
    account: LOCAL_ACCOUNT,
    policies: committedRolePolicies({ ...LOCAL_ACCOUNT, tableName: LOCAL_TABLE_NAME, stateMachineArn }),
  });
  const stopScheduledJobs = await scheduleJobs(clock);
  await subscribeEventFunctions({ default: eventBus, caseEvents });
  await subscribeStreamFunctions(tableStream);
  await eventBus.resume();
  await caseEvents.resume();
  tableStream.replay(await outboxItems(dynamodb));
  const scanUpload = protectBucket({
    bus: eventBus,
    s3: storage,
    bucket: BUCKETS.uploads.localName,
    prefix: 'incoming/',
  });
  const lifecycle = new LocalLifecycle(storage, () => clock.now());
  objectCreated = (object) => {
    lifecycle.objectWritten(object.bucket, object.key);
    void eventBus
      .put(objectCreatedEvent(object))
      .catch((error: Error) =>
        process.stderr.write(
          `The Object Created event of ${object.key} was not put on the bus: ${error.message}\n`,
        ),
      );
    scanUpload(object);
  };
  const stopLifecycle = clock.every(LIFECYCLE_SWEEP_MS, () => {
    void lifecycle.sweep().catch(() => {});
  });

  return {
    engine,
    clock,
    metrics,
    stateMachineArn,
    liveAliasArn,
    dynamoEndpoint: dynamo.endpoint,
    dynamoRequests: dynamo.requests,
    dynamoInjectedFaults: dynamo.injectedFaults,
    stepFunctionsEndpoint: url,
    s3Endpoint: s3.endpoint,
    eventBus,
    caseEvents,
    failPutEvents: eventBridge.failNext,
    tableStream,
    deadLetters: () => deadLetters.map(({ rule, event, error }) => ({ rule, event, error })),
    streamFailures: () => [...streamFailures],
    authorizations: authorizationsSoFar,
    resumed: engine.resume(),
    close: async () => {
      stopScheduledJobs();
      stopLifecycle();
      await eventBus.settled();
      await tableStream.settled();
      await caseEvents.settled();
      engine.close();
      await closeServer(eventBridge.server);
      await closeServer(server);
      await closeServer(cloudWatch.server);
      dynamodb.destroy();
      await dynamo.close();
      storage.destroy();
      await s3.close();
      if (!options.storageDirectory) await rm(storageDirectory, { recursive: true, force: true });
      metrics.stop();
    },
  };
}

function liveVersionFromEnvironment(): number | undefined {
  const version = process.env.WORKFLOW_LIVE_VERSION;
  if (!version) return undefined;
  if (!/^[1-9]\d*$/.test(version))
    throw new Error(`WORKFLOW_LIVE_VERSION must be a version number, not ${version}`);
  return Number(version);
}

async function loadWorkflowFunctions(
  wrap: RuntimeOptions['wrapFunction'],
): Promise<Record<string, LambdaHandler>> {
  const { WORKFLOW_FUNCTIONS } = await import('../shared/entry-points/workflow-functions');
  const entries = await Promise.all(
    Object.values(WORKFLOW_FUNCTIONS).map(async (fn) => {
      const handler = await loadHandler(fn.handler);
      return [fn.name, asFunction(fn.name, wrap ? wrap(fn.name, handler) : handler)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** EventBridge runs the scheduled jobs in AWS; here the runtime clock does. */
async function scheduleJobs(clock: RuntimeClock): Promise<() => void> {
  const { SCHEDULED_JOBS } = await import('../shared/entry-points/scheduled-jobs');
  const stops = await Promise.all(
    Object.values(SCHEDULED_JOBS).map(async (job) => {
      const handler = asFunction(job.name, await loadHandler(job.handler));
      return clock.every(job.everyMinutes * 60_000, () => {
        void handler({}, lambdaContext({ functionName: job.name })).catch(() => {});
      });
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}

/** EventBridge runs the event functions in AWS, by their rules' patterns; here the local buses do. */
async function subscribeEventFunctions(buses: Record<EventFunction['bus'], LocalEventBus>): Promise<void> {
  const { EVENT_FUNCTIONS } = await import('../shared/entry-points/event-functions');
  for (const fn of Object.values(EVENT_FUNCTIONS) as EventFunction[]) {
    const handler = asFunction(fn.name, await loadHandler(fn.handler));
    buses[fn.bus].addRule(fn.name, fn.pattern({ uploadsBucket: BUCKETS.uploads.localName }), (event) =>
      handler(event, lambdaContext({ functionName: fn.name })),
    );
  }
}

/** Lambda reads the table's stream for the stream functions in AWS; here the local stream does. */
async function subscribeStreamFunctions(stream: LocalTableStream): Promise<void> {
  const { STREAM_FUNCTIONS } = await import('../shared/entry-points/stream-functions');
  for (const fn of Object.values(STREAM_FUNCTIONS) as StreamFunction[]) {
    const handler = asFunction(fn.name, await loadHandler(fn.handler));
    stream.subscribe(fn.name, fn.filter, (event) => handler(event, lambdaContext({ functionName: fn.name })));
  }
}

/**
 * The case items a stream would still be holding records of after a restart: the cases whose events
 * wait for the bus, found by the sparse index those records were about.
 */
async function outboxItems(dynamodb: DynamoDBClient): Promise<Record<string, AttributeValue>[]> {
  const { TABLE_INDEXES, keys } = await import('../shared/data/table');
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, DynamoAttributeValue> | undefined;
  do {
    const page = await dynamodb.send(
      new QueryCommand({
        TableName: LOCAL_TABLE_NAME,
        IndexName: TABLE_INDEXES.byOutbox.name,
        KeyConditionExpression: 'outboxPk = :pk',
        ExpressionAttributeValues: { ':pk': { S: keys.outbox() } },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((page.Items ?? []) as Record<string, AttributeValue>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** S3's EventBridge notification of a new object ("Amazon S3 Event Notifications", EventBridge message structure). */
function objectCreatedEvent(object: CreatedObject) {
  return {
    source: 'aws.s3',
    'detail-type': 'Object Created',
    resources: [`arn:aws:s3:::${object.bucket}`],
    detail: {
      version: '0',
      bucket: { name: object.bucket },
      object: { key: object.key, size: object.size, ...(object.etag ? { etag: object.etag } : {}) },
      'request-id': randomBytes(8).toString('hex').toUpperCase(),
      requester: LOCAL_ACCOUNT.accountId,
      'source-ip-address': object.sourceIp,
      reason: object.reason,
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
