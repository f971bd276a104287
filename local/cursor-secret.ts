import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

/**
 * The local cursor-signing secret: generated once and kept in `file` (under the data directory), so
 * cursors handed out before a restart still work after it; a fresh one per run without a file.
 */
export async function localCursorSecret(file: string | undefined): Promise<string> {
  const kept = file ? await readFile(file, 'utf8').catch(() => undefined) : undefined;
  if (kept) return kept;
  const secret = randomBytes(32).toString('base64url');
  if (file) await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
