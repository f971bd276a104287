import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ScanResult } from './scan-result';

/** The signatures kept in the repository: EICAR only, enough to prove the path end to end (docs/uploads.md). */
export const BUNDLED_DATABASE_DIR = fileURLToPath(new URL('./signatures', import.meta.url));

export interface ScanOptions {
  /** clamscan's path; Debian's `clamav` package installs it in /usr/bin. */
  command?: string;
  /** A directory of ClamAV databases: CLAMAV_DATABASE_DIR, or the repository's test signatures. */
  databaseDir?: string;
  timeoutMs?: number;
}

/**
 * Above the platform's 20 MiB, so an upload is never skipped for its size; clamscan would otherwise say OK for
 * what it skipped. `--alert-exceeds-max` turns a skip into a Heuristics.Limits.Exceeded finding instead.
 */
const LIMITS = ['--max-filesize=25M', '--max-scansize=100M', '--alert-exceeds-max=yes'];
const SKIPPED = 'Heuristics.Limits.Exceeded';

interface Run {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  error?: NodeJS.ErrnoException;
  timedOut: boolean;
}

function run(command: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const settle = (outcome: Omit<Run, 'stdout' | 'stderr'>) => {
      clearTimeout(timer);
      resolve({ ...outcome, stdout, stderr });
    };
    // Settles at once rather than on 'close': a child the scanner left behind could hold its pipes open.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle({ exitCode: null, timedOut: true });
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) => settle({ exitCode: null, error, timedOut: false }));
    child.on('close', (exitCode) => settle({ exitCode, timedOut: false }));
  });
}

/** clamscan prints one line per file: `<path>: OK` or `<path>: <signature> FOUND`. */
function verdictLines(stdout: string, path: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`${path}: `))
    .map((line) => line.slice(path.length + 2).trim());
}

function resultOf(outcome: Run, path: string, command: string, timeoutMs: number): ScanResult {
  if (outcome.error?.code === 'ENOENT') {
    return { status: 'FAILED', reason: `${command} not found: install Debian's clamav package` };
  }
  if (outcome.error)
    return { status: 'FAILED', reason: `${command} could not start: ${outcome.error.message}` };
  if (outcome.timedOut)
    return { status: 'FAILED', reason: `${command} did not finish within ${timeoutMs} ms` };
  const lines = verdictLines(outcome.stdout, path);
  if (outcome.exitCode === 0 && lines.includes('OK')) return { status: 'NO_THREATS_FOUND' };
  const found = lines
    .filter((line) => line.endsWith(' FOUND'))
    .map((line) => line.slice(0, -' FOUND'.length));
  if (outcome.exitCode === 1 && found.some((name) => name.startsWith(SKIPPED))) {
    return { status: 'UNSUPPORTED', reason: `${command} skipped the file: ${found.join(', ')}` };
  }
  if (outcome.exitCode === 1 && found.length > 0) return { status: 'THREATS_FOUND', threats: found };
  const said = outcome.stderr.trim().split('\n').slice(-3).join(' / ') || outcome.stdout.trim();
  return { status: 'FAILED', reason: `${command} exited with ${outcome.exitCode}: ${said}` };
}

/**
 * The local stand-in for GuardDuty's scan of an uploaded object: one `clamscan` per file, exit 0 clean, 1
 * found, 2 error. Anything but a clean run to its end is a FAILED, UNSUPPORTED or THREATS_FOUND result.
 */
export async function scanFile(path: string, options: ScanOptions = {}): Promise<ScanResult> {
  const command = options.command ?? 'clamscan';
  const databaseDir = options.databaseDir ?? (process.env.CLAMAV_DATABASE_DIR || BUNDLED_DATABASE_DIR);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const args = ['--no-summary', `--database=${databaseDir}`, ...LIMITS, '--', path];
  return resultOf(await run(command, args, timeoutMs), path, command, timeoutMs);
}
