import { fork } from 'node:child_process';
import type { Progress } from './lib/progress';

/** Runs one part of `npm run bench` in a process of its own (bench/part.ts), its progress on the bar. */
export function runPart<T>(progress: Progress, name: string, options: unknown): Promise<T> {
  progress.start(name);
  const started = performance.now();
  return new Promise<T>((resolve, reject) => {
    const child = fork('bench/part.ts', [name, JSON.stringify(options)], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
    });
    let settled = false;
    child.on(
      'message',
      (message: { progress?: { fraction: number; detail: string }; result?: T; error?: string }) => {
        if (message.progress) progress.update(message.progress.fraction, message.progress.detail);
        if (message.result !== undefined) {
          settled = true;
          progress.finish(`${Math.round((performance.now() - started) / 1000)} s`);
          resolve(message.result);
        }
        if (message.error) {
          settled = true;
          reject(
            new Error(
              `bench part ${name} failed:\n${message.error}\n--- its stderr ---\n${stderr.slice(-5000)}`,
            ),
          );
        }
      },
    );
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`bench part ${name} exited with ${code}:\n${stderr.slice(-5000)}`));
    });
  });
}
