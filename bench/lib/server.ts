import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/integration/http/server';
import { sleep } from './stats';

/**
 * `npm start`'s server as a child process (node --import tsx local/main.ts on a fresh DATA_DIR), as
 * the HTTP integration tests start it (test/integration/http/server.ts), plus what the benchmarks
 * and the chaos run need: its output (the banner says how many executions a start resumed), SIGKILL
 * and restart on the same data, and how long each start took.
 */
export async function startChildServer(environment: Record<string, string>) {
  const dataDirectory = await mkdtemp(join(tmpdir(), 'company-opening-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';
  let dynamoEndpoint = '';
  const starts: { seconds: number; resumed: number }[] = [];

  async function launch(reset: boolean): Promise<void> {
    const started = performance.now();
    output = '';
    dynamoEndpoint = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts', ...(reset ? ['--reset'] : [])], {
      env: {
        ...process.env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        PORT: String(port),
        DATA_DIR: dataDirectory,
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-200_000);
      if (process.env.SHOW_SERVER_OUTPUT) process.stderr.write(chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited early:\n${output.slice(-5000)}`);
      dynamoEndpoint = /DynamoDB\s+(http:\/\/\S+)/.exec(output)?.[1] ?? '';
      const healthy = await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy && dynamoEndpoint) break;
      if (Date.now() > deadline)
        throw new Error(`the server did not start within 120 s:\n${output.slice(-5000)}`);
      await sleep(100);
    }
    const resumed = Number(/(\d+) unfinished executions resumed/.exec(output)?.[1] ?? 0);
    starts.push({ seconds: (performance.now() - started) / 1000, resumed });
  }

  async function signal(name: NodeJS.Signals): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(name);
    await exited;
  }

  await launch(true);
  return {
    url,
    dataDirectory,
    dynamoEndpoint: () => dynamoEndpoint,
    output: () => output,
    starts,
    pid: () => child?.pid,
    kill: () => signal('SIGKILL'),
    restart: () => launch(false),
    async stop(): Promise<void> {
      await signal('SIGTERM');
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

export type ChildServer = Awaited<ReturnType<typeof startChildServer>>;
