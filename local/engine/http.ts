import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DurableEngine } from './engine';
import { StepFunctionsError, validationError } from './errors';
import type { ExecutionStatus } from './store';

type WireRequest = Record<string, unknown>;
type Operation = (engine: DurableEngine, request: WireRequest) => Promise<unknown>;

/** Epoch milliseconds → the epoch seconds the Step Functions JSON protocol carries. */
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

function field<T extends 'string' | 'number' | 'boolean'>(
  request: WireRequest,
  name: string,
  type: T,
): (T extends 'string' ? string : T extends 'number' ? number : boolean) | undefined {
  const value = request[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw validationError(`${name} must be a ${type}`);
  return value as never;
}

function required(request: WireRequest, name: string): string {
  const value = field(request, name, 'string');
  if (value === undefined) throw validationError(`${name} is required`);
  return value;
}

const STATUSES = new Set(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

const describe = (record: Awaited<ReturnType<DurableEngine['describeExecution']>>) => ({
  executionArn: record.executionArn,
  stateMachineArn: record.stateMachineArn,
  stateMachineVersionArn: record.stateMachineVersionArn,
  stateMachineAliasArn: record.stateMachineAliasArn,
  name: record.name,
  status: record.status,
  startDate: seconds(record.startDate),
  stopDate: seconds(record.stopDate),
  input: record.input,
  inputDetails: { included: true },
  output: record.output,
  outputDetails: record.output === undefined ? undefined : { included: true },
  error: record.error,
  cause: record.cause,
});

const operations: Record<string, Operation> = {
  StartExecution: async (engine, request) => {
    const started = await engine.startExecution({
      stateMachineArn: required(request, 'stateMachineArn'),
      name: field(request, 'name', 'string'),
      input: field(request, 'input', 'string'),
    });
    return { executionArn: started.executionArn, startDate: seconds(started.startDate) };
  },
  DescribeExecution: async (engine, request) =>
    describe(await engine.describeExecution(required(request, 'executionArn'))),
  ListExecutions: async (engine, request) => {
    const statusFilter = field(request, 'statusFilter', 'string');
    if (statusFilter !== undefined && !STATUSES.has(statusFilter))
      throw validationError('Unknown statusFilter');
    const page = await engine.listExecutions({
      stateMachineArn: required(request, 'stateMachineArn'),
      statusFilter: statusFilter as ExecutionStatus | undefined,
      maxResults: field(request, 'maxResults', 'number'),
      nextToken: field(request, 'nextToken', 'string'),
    });
    return {
      executions: page.executions.map((execution) => ({
        executionArn: execution.executionArn,
        stateMachineArn: execution.stateMachineArn,
        stateMachineVersionArn: execution.stateMachineVersionArn,
        stateMachineAliasArn: execution.stateMachineAliasArn,
        name: execution.name,
        status: execution.status,
        startDate: seconds(execution.startDate),
        stopDate: seconds(execution.stopDate),
      })),
      nextToken: page.nextToken,
    };
  },
  GetExecutionHistory: async (engine, request) => {
    const page = await engine.getExecutionHistory({
      executionArn: required(request, 'executionArn'),
      maxResults: field(request, 'maxResults', 'number'),
      nextToken: field(request, 'nextToken', 'string'),
      reverseOrder: field(request, 'reverseOrder', 'boolean'),
      includeExecutionData: field(request, 'includeExecutionData', 'boolean'),
    });
    return {
      events: page.events.map((event) => ({ ...event, timestamp: seconds(event.timestamp) })),
      nextToken: page.nextToken,
    };
  },
  StopExecution: async (engine, request) => {
    const stopped = await engine.stopExecution({
      executionArn: required(request, 'executionArn'),
      error: field(request, 'error', 'string'),
      cause: field(request, 'cause', 'string'),
    });
    return { stopDate: seconds(stopped.stopDate) };
  },
  SendTaskSuccess: async (engine, request) => {
    await engine.sendTaskSuccess({
      taskToken: required(request, 'taskToken'),
      output: required(request, 'output'),
    });
    return {};
  },
  SendTaskFailure: async (engine, request) => {
    await engine.sendTaskFailure({
      taskToken: required(request, 'taskToken'),
      error: field(request, 'error', 'string'),
      cause: field(request, 'cause', 'string'),
    });
    return {};
  },
  SendTaskHeartbeat: async (engine, request) => {
    await engine.sendTaskHeartbeat({ taskToken: required(request, 'taskToken') });
    return {};
  },
};

/** Serves the engine's actions over the Step Functions JSON 1.0 protocol that `@aws-sdk/client-sfn` speaks. */
export function stepFunctionsRequestListener(engine: DurableEngine) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(body));
    };
    try {
      const target = String(request.headers['x-amz-target'] ?? '');
      const operation = operations[target.replace(/^AWSStepFunctions\./, '')];
      if (request.method !== 'POST' || !target.startsWith('AWSStepFunctions.') || !operation) {
        return reply(400, { __type: 'UnknownOperationException', message: `Unknown operation ${target}` });
      }
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return reply(400, { __type: 'SerializationException', message: 'The request body is not JSON' });
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        return reply(400, {
          __type: 'SerializationException',
          message: 'The request body must be a JSON object',
        });
      }
      reply(200, await operation(engine, body as WireRequest));
    } catch (error) {
      if (error instanceof StepFunctionsError)
        return reply(400, { __type: error.type, message: error.message });
      reply(500, { __type: 'InternalFailure', message: (error as Error).message });
    }
  };
}

export async function startStepFunctionsServer(
  engine: DurableEngine,
  port = 0,
  host = '127.0.0.1',
): Promise<{ server: Server; url: string }> {
  const server = createServer(
    (request, response) => void stepFunctionsRequestListener(engine)(request, response),
  );
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return { server, url: `http://${host}:${address.port}` };
}
