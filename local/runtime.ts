import './polyfills';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  ENVIRONMENT,
  LOCAL_TABLE_NAME,
  METRICS_NAMESPACE,
  SERVICE_NAME,
  STATE_MACHINE_NAME,
} from '../shared/config';
import { LIVE_ALIAS } from '../workflows/live-alias';
import { RuntimeClock } from './clock';
import { startCloudWatchServer } from './cloudwatch';
import { startDynalite } from './dynalite';
import type { MachineDefinition } from './engine/asl';
import { DurableEngine } from './engine/engine';
import { startStepFunctionsServer } from './engine/http';
import { loadHandler } from './handler-module';
import { type Authorizations, asFunction, authorizationsSoFar, enforceRolePolicies } from './iam/enforcement';
import { keptSecret } from './kept-secret';
import { type LambdaHandler, lambdaContext } from './lambda-context';
import { MetricsCapture } from './metrics-capture';
import { privateDirectory } from './private-directory';

export const LOCAL_ACCOUNT = { region: 'us-east-1', accountId: '000000000000' } as const;
/**
 * The engine stands in for the Step Functions service, whose own state never fails a task; its
 * journal writes retry far longer than a handler's, so injected throttling cannot fail a workflow.
 */
const ENGINE_DYNAMODB_ATTEMPTS = 10;

export interface RuntimeOptions {
  /** Where dynalite keeps its files; in memory when absent. */
  dataDirectory?: string;
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
  ports?: { dynamo?: number; stepFunctions?: number };
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
  const dynamo = await startDynalite({
    path: options.dataDirectory,
    port: options.ports?.dynamo,
    faultRate: Number(process.env.LOCAL_DYNAMODB_FAULT_RATE ?? 0) || 0,
  });
  const metricsClock = new RuntimeClock();
  const metrics = new MetricsCapture(() => metricsClock.now());
  metrics.start({ echo: options.echoMetrics ?? false });

  Object.assign(process.env, {
    AWS_REGION: LOCAL_ACCOUNT.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
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
    ...options.environment,
  });

  const dynamodb = new DynamoDBClient({ endpoint: dynamo.endpoint, maxAttempts: ENGINE_DYNAMODB_ATTEMPTS });
  const { ensureAppTable } = await import('./app-table');
  await ensureAppTable(dynamodb, LOCAL_TABLE_NAME);

  const clock = metricsClock;
  const { useClock } = await import('../shared/clock');
  useClock(() => clock.now());

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
    authorizations: authorizationsSoFar,
    resumed: engine.resume(),
    close: async () => {
      stopScheduledJobs();
      engine.close();
      await closeServer(server);
      await closeServer(cloudWatch.server);
      dynamodb.destroy();
      await dynamo.close();
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

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
