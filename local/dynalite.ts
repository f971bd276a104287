import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface LocalDynamo {
  endpoint: string;
  /** DynamoDB requests served so far: what the benchmarks and cost figures count. */
  requests: () => number;
  /** Requests answered with an injected throttling error (see `faultRate`). */
  injectedFaults: () => number;
  close: () => Promise<void>;
}

/** How long closing waits for the requests being served to be answered. */
const CLOSE_GRACE_MS = 5_000;

/** The data-plane calls DynamoDB throttles; table management is never failed on purpose. */
const THROTTLED_OPERATIONS = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
]);

/**
 * DynamoDB's wire protocol on loopback. With a `path` its LevelDB files survive restarts (one process
 * per path); without one it keeps everything in memory.
 *
 * `faultRate` (0–1, for chaos runs: LOCAL_DYNAMODB_FAULT_RATE) answers that share of data-plane
 * requests with the throttling error DynamoDB sends, before dynalite sees them, so nothing is written.
 */
export async function startDynalite(
  options: {
    path?: string;
    port?: number;
    faultRate?: number;
    /** Told of every item a PutItem stored, once dynalite answered it: what a table stream records. */
    stored?: (tableName: string, item: Record<string, unknown>) => void;
  } = {},
): Promise<LocalDynamo> {
  const server: Server = dynalite({
    path: options.path,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  let injected = 0;
  const faultRate = options.faultRate ?? 0;
  if (faultRate > 0) {
    const serve = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      if (!THROTTLED_OPERATIONS.has(operation) || Math.random() >= faultRate) {
        for (const listener of serve) listener.call(server, request, response);
        return;
      }
      injected++;
      request.resume();
      request.once('end', () => throttle(response));
    });
  }
  const stored = options.stored;
  if (stored) {
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (request.headers['x-amz-target'] !== 'DynamoDB_20120810.PutItem') return;
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('finish', () => {
        if (response.statusCode !== 200) return;
        const { TableName, Item } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          TableName: string;
          Item: Record<string, unknown>;
        };
        stored(TableName, Item);
      });
    });
  }
  let requests = 0;
  let inFlight = 0;
  const waitingForIdle: (() => void)[] = [];
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    requests++;
    inFlight++;
    response.once('close', () => {
      inFlight--;
      if (inFlight === 0) for (const resolve of waitingForIdle.splice(0)) resolve();
    });
  });
  // dynalite closes its LevelDB when the server closes, and a request still being served then throws
  // "Database is closed" out of dynalite: answer what is in flight first (bounded, so close never hangs).
  const idle = () =>
    Promise.race([
      new Promise<void>((resolve) => (inFlight === 0 ? resolve() : waitingForIdle.push(resolve))),
      new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref()),
    ]);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => requests,
    injectedFaults: () => injected,
    close: async () => {
      await idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
}

function throttle(response: ServerResponse): void {
  const body = JSON.stringify({
    __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message: 'The level of configured provisioned throughput for the table was exceeded (injected fault)',
  });
  response.writeHead(400, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': `injected-${Date.now().toString(36)}`,
  });
  response.end(body);
}
