import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { freePort } from '../../support/free-port';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Builds web/dist as `vite build web` does, so the server started next serves the app at `/`. */
export async function buildWebApp(): Promise<void> {
  await build({ root: join(ROOT, 'web'), logLevel: 'warn' });
}

export interface Platform {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real platform, as `npm start` runs it, on a free port with a fresh data directory. Instant approval
 * is off so every item reaches its department's inbox.
 */
export async function startPlatform(): Promise<Platform> {
  const port = await freePort();
  const dataDirectory = await mkdtemp(join(tmpdir(), 'web-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts', '--reset'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDirectory, INSTANT_APPROVAL: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDirectory, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { url, stop };
    await new Promise((done) => setTimeout(done, 250));
  }
  await stop();
  throw new Error(`The platform did not become healthy:\n${output}`);
}
