import { readFile, writeFile } from 'node:fs/promises';

/**
 * A secret of the local runtime, made once by `create` and kept in `file` (under the data directory,
 * readable by its owner only), so what it signed before a restart still holds after it; a fresh one per
 * run without a file.
 */
export async function keptSecret(file: string | undefined, create: () => Promise<string>): Promise<string> {
  const kept = file ? await readFile(file, 'utf8').catch(() => undefined) : undefined;
  if (kept) return kept;
  const secret = await create();
  if (file) await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
