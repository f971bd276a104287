import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LambdaHandler } from '../../local/lambda-context';
import { type LocalRuntime, type RuntimeOptions, startRuntime } from '../../local/runtime';
import { LOCAL_TABLE_NAME } from '../../shared/config';
import { DynamoMeter } from './dynamo-meter';
import { apiClient } from './http';

export const JOURNAL_TABLE = 'local-step-functions';

/** Invocations and measured durations of the workflow functions, by function name. */
export class InvocationMeter {
  readonly byFunction = new Map<string, { count: number; ms: number[] }>();

  wrap = (name: string, handler: LambdaHandler): LambdaHandler => {
    return async (event, context) => {
      const started = performance.now();
      try {
        return await handler(event, context);
      } finally {
        let entry = this.byFunction.get(name);
        if (!entry) {
          entry = { count: 0, ms: [] };
          this.byFunction.set(name, entry);
        }
        entry.count++;
        entry.ms.push(performance.now() - started);
      }
    };
  };

  snapshot(): { count: number; billedMs: number; byFunction: Record<string, number> } {
    let count = 0;
    let billedMs = 0;
    const byFunction: Record<string, number> = {};
    for (const [name, entry] of this.byFunction) {
      count += entry.count;
      billedMs += entry.ms.reduce((sum, ms) => sum + Math.max(1, Math.ceil(ms)), 0);
      byFunction[name] = entry.count;
    }
    return { count, billedMs, byFunction };
  }
}

/** Bytes of EMF lines the handlers print (CloudWatch Logs ingests them in AWS). */
class EmfBytes {
  bytes = 0;
  lines = 0;

  start(): void {
    const stdout = process.stdout;
    const next = stdout.write.bind(stdout);
    stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      for (const line of text.split('\n')) {
        if (!line.includes('"_aws"')) continue;
        this.bytes += Buffer.byteLength(line) + 1;
        this.lines++;
      }
      return (next as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stdout.write;
  }
}

/**
 * The real local runtime in this process (dynalite on disk, the durable engine, the handler modules)
 * behind the real local HTTP server, with meters on the DynamoDB clients and the workflow functions.
 * `definitions` registers CompanyOpening versions as the runtime does (the last is the newest).
 */
export async function startMeteredPlatform(options: Pick<RuntimeOptions, 'definitions'> = {}) {
  const invocations = new InvocationMeter();
  const dataDirectory = await mkdtemp(join(tmpdir(), 'bench-platform-'));
  const runtime: LocalRuntime = await startRuntime({
    dataDirectory,
    wrapFunction: invocations.wrap,
    definitions: options.definitions,
    environment: { POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  const emf = new EmfBytes();
  emf.start();
  const app = new DynamoMeter([LOCAL_TABLE_NAME]);
  const { documents } = await import('../../shared/data/dynamo');
  app.attach(documents);
  const journal = new DynamoMeter(
    [JOURNAL_TABLE],
    [
      { name: 'byMachine', partitionKey: 'machinePk', sortKey: 'startedSk' },
      { name: 'byMachineAndStatus', partitionKey: 'machineStatusPk', sortKey: 'startedSk' },
    ],
  );
  // The engine's client is private to it; the bench reaches in only to count what it sends.
  const engineClient = (runtime.engine as unknown as { store: { client: DynamoDBClient } }).store.client;
  journal.attach(engineClient);
  const { localTokens } = await import('../../local/jwt');
  const { startLocalServer } = await import('../../local/server');
  const tokens = await localTokens({ now: () => runtime.clock.now() });
  const { server, url } = await startLocalServer({ runtime, tokens, port: 0 });
  await runtime.resumed;
  return {
    runtime,
    invocations,
    emf,
    meters: { app, journal },
    api: apiClient(url),
    tokens,
    url,
    dataDirectory,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await runtime.close();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

export type MeteredPlatform = Awaited<ReturnType<typeof startMeteredPlatform>>;
