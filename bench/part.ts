import { startRuntime } from '../local/runtime';
import { startChildServer } from '../test/integration/http/server';
import { benchBundles } from './bundles';
import { benchCost } from './cost';
import { benchEngine } from './engine';
import { benchInbox } from './inbox';
import { benchLatency } from './latency';
import { LIMITS_LIFTED } from './lib/limits-lifted';
import { startMeteredPlatform } from './lib/platform';
import { definitionsWithV1 } from './lib/workflow-versions';
import { benchOpenCases } from './open-cases';
import { benchThroughput } from './throughput';
import { benchUploads } from './uploads';

/**
 * One part of `npm run bench`, in a process of its own (forked by bench/run.ts): memory figures are
 * that process's, and the in-process runtime can start once per process. Progress and the result go
 * back over IPC.
 */

type Progress = (fraction: number, detail: string) => void;

const progress: Progress = (fraction, detail) => process.send?.({ progress: { fraction, detail } });

/** Options arrive as JSON from bench/run.ts, which builds them for each part. */
type Options<F extends (...args: never[]) => unknown> = Parameters<F>[0];
type PlatformOptions = { cost: Parameters<typeof benchCost>[1]; inbox: Parameters<typeof benchInbox>[1] };
type HttpOptions = {
  throughput: Parameters<typeof benchThroughput>[1];
  latency: Parameters<typeof benchLatency>[1];
};

const parts: Record<string, (options: never, progress: Progress) => Promise<unknown>> = {
  bundles: (options: Options<typeof benchBundles>) => benchBundles(options, progress),
  engine: async (options: Options<typeof benchEngine>) => {
    progress(0.05, `transitions/s, then ${options.parked} parked executions`);
    return benchEngine(options);
  },
  platform: async (options: PlatformOptions) => {
    progress(0.01, 'starting the runtime in process');
    const platform = await startMeteredPlatform({ definitions: await definitionsWithV1() });
    try {
      const cost = await benchCost(platform, options.cost, (fraction, detail) =>
        progress(0.05 + 0.1 * fraction, detail),
      );
      const inbox = await benchInbox(platform, options.inbox, (fraction, detail) =>
        progress(0.15 + 0.85 * fraction, detail),
      );
      return { cost, inbox };
    } finally {
      await platform.close();
    }
  },
  http: async (options: HttpOptions) => {
    progress(0.01, "starting npm start's server (INSTANT_APPROVAL=off)");
    const server = await startChildServer(
      { INSTANT_APPROVAL: 'off', ...LIMITS_LIFTED },
      { startTimeoutMs: 120_000 },
    );
    try {
      const throughput = await benchThroughput(server, options.throughput, (fraction, detail) =>
        progress(0.1 + 0.3 * fraction, detail),
      );
      const latency = await benchLatency(server, options.latency, (fraction, detail) =>
        progress(0.4 + 0.6 * fraction, detail),
      );
      return { throughput, latency };
    } finally {
      await server.stop();
    }
  },
  uploads: async (options: Parameters<typeof benchUploads>[1]) => {
    progress(0.01, 'starting the runtime in process (local S3, ClamAV)');
    const runtime = await startRuntime();
    try {
      return await benchUploads(runtime, options, (fraction, detail) =>
        progress(0.05 + 0.95 * fraction, detail),
      );
    } finally {
      await runtime.close();
    }
  },
  'open-cases': (options: Options<typeof benchOpenCases>) => benchOpenCases(options, progress),
};

const [name = '', optionsJson = '{}'] = process.argv.slice(2);
const part = parts[name];
if (!part) throw new Error(`no bench part "${name}"`);
try {
  const result = await part(JSON.parse(optionsJson) as never, progress);
  process.send?.({ result }, () => process.exit(0));
} catch (error) {
  process.send?.({ error: (error as Error).stack ?? String(error) }, () => process.exit(1));
}
