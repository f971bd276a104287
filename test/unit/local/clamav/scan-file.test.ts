import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scanFile } from '../../../../local/clamav';

/** Stand-ins for clamscan, to see how scanFile reads each way a scanner can end. */
describe('scanFile never calls a file clean unless a scanner said so', () => {
  let folder: string;
  const target = '/uploads/case/articles.pdf';
  const fakeScanner = async (name: string, script: string) => {
    const path = join(folder, name);
    await writeFile(path, `#!/bin/sh\n${script}\n`);
    await chmod(path, 0o755);
    return path;
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fake-clamscan-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  test('a missing clamscan is FAILED, naming the package to install', async () => {
    // Act
    const result = await scanFile(target, { command: join(folder, 'no-such-clamscan') });

    // Assess
    expect(result).toEqual({
      status: 'FAILED',
      reason: `${join(folder, 'no-such-clamscan')} not found: install Debian's clamav package`,
    });
  });

  test('a scanner that does not finish in time is FAILED', async () => {
    // Prepare
    const command = await fakeScanner('slow', 'sleep 5');

    // Act
    const result = await scanFile(target, { command, timeoutMs: 200 });

    // Assess
    expect(result).toEqual({ status: 'FAILED', reason: `${command} did not finish within 200 ms` });
  });

  test('exit 2 is FAILED with what the scanner wrote on stderr', async () => {
    // Prepare
    const command = await fakeScanner(
      'broken',
      'echo "LibClamAV Error: cl_load(): No such file" >&2; exit 2',
    );

    // Act
    const result = await scanFile(target, { command });

    // Assess
    expect(result).toEqual({
      status: 'FAILED',
      reason: `${command} exited with 2: LibClamAV Error: cl_load(): No such file`,
    });
  });

  test('exit 0 without the OK line for this very file is FAILED', async () => {
    // Prepare
    const command = await fakeScanner('silent', 'exit 0');

    // Act
    const result = await scanFile(target, { command });

    // Assess
    expect(result).toMatchObject({ status: 'FAILED' });
  });

  test('exit 1 names each signature found; an OK line says clean', async () => {
    // Prepare
    const found = await fakeScanner(
      'found',
      `echo "${target}: Win.Test.A FOUND"; echo "${target}: Doc.Test.B FOUND"; exit 1`,
    );
    const clean = await fakeScanner('clean', `echo "${target}: OK"; exit 0`);

    // Act
    const results = await Promise.all([
      scanFile(target, { command: found }),
      scanFile(target, { command: clean }),
    ]);

    // Assess
    expect(results).toEqual([
      { status: 'THREATS_FOUND', threats: ['Win.Test.A', 'Doc.Test.B'] },
      { status: 'NO_THREATS_FOUND' },
    ]);
  });

  test('passes the database directory and the file after --, so a file name cannot pass for an option', async () => {
    // Prepare
    const command = await fakeScanner('echo-args', 'echo "$@" >&2; exit 2');

    // Act
    const result = await scanFile('-d', { command, databaseDir: '/srv/clamav' });

    // Assess
    expect(result).toMatchObject({
      status: 'FAILED',
      reason: expect.stringContaining('--database=/srv/clamav'),
    });
    expect(result).toMatchObject({ reason: expect.stringMatching(/ -- -d$/) });
  });
});
