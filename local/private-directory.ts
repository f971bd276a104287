import { chmod, mkdir } from 'node:fs/promises';

/**
 * A directory only its owner may open: created with mode 0700, and an existing one (made by an earlier
 * version, or by hand) tightened to it. `npm start`'s data holds founders' ID numbers, mobiles and
 * addresses, and the key that signs tokens for every role; other users of the machine read none of it.
 */
export async function privateDirectory(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
}
