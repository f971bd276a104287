import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scanFile } from '../../local/clamav';

/** EICAR's test file, built from two halves so the repository never holds it whole. */
const EICAR = `X5O!P%@AP[4\\PZX54(P^)7CC)7}$${'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'}`;

describe("scanFile with Debian's clamscan and the repository's signatures", () => {
  let folder: string;
  const file = async (name: string, content: Uint8Array | string) => {
    const path = join(folder, name);
    await writeFile(path, content);
    return path;
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'clamav-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  test('finds the EICAR test file, by its hash and by its body', async () => {
    // Prepare
    expect(EICAR).toHaveLength(68);
    const exact = await file('eicar.pdf', EICAR);
    const padded = await file('eicar-padded.pdf', `${EICAR}   \r\n`);

    // Act
    const results = await Promise.all([scanFile(exact), scanFile(padded)]);

    // Assess
    expect(results).toEqual([
      { status: 'THREATS_FOUND', threats: [expect.stringMatching(/^Local\.Test\.EICAR-(File|Body)/)] },
      { status: 'THREATS_FOUND', threats: ['Local.Test.EICAR-Body.UNOFFICIAL'] },
    ]);
  });

  test('finds nothing in a PDF made by pdf-lib or in 1 MiB of random bytes', async () => {
    // Prepare
    const document = await PDFDocument.create();
    document.addPage().drawText('Articles of association');
    const pdf = await file('articles.pdf', await document.save());
    const random = await file('random.bin', randomBytes(1024 * 1024));

    // Act
    const results = await Promise.all([scanFile(pdf), scanFile(random)]);

    // Assess
    expect(results).toEqual([{ status: 'NO_THREATS_FOUND' }, { status: 'NO_THREATS_FOUND' }]);
  });

  test('reports a file beyond its size limits as UNSUPPORTED, never as clean', async () => {
    const large = await file('large.bin', Buffer.alloc(26 * 1024 * 1024, 1));
    expect(await scanFile(large)).toMatchObject({
      status: 'UNSUPPORTED',
      reason: expect.stringContaining('MaxFileSize'),
    });
  });

  test('fails without a database instead of calling the file clean', async () => {
    // Prepare
    const pdf = await file('no-database.pdf', '%PDF-1.7\n');

    // Act
    const result = await scanFile(pdf, { databaseDir: join(folder, 'no-such-database') });

    // Assess
    expect(result).toMatchObject({ status: 'FAILED', reason: expect.stringContaining('exited with 2') });
  });

  test('fails on a file that is not there', async () => {
    expect(await scanFile(join(folder, 'gone.pdf'))).toMatchObject({ status: 'FAILED' });
  });
});
