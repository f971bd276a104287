import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { inspectUpload, MAX_PDF_PAGES } from '../../../shared/uploads';
import { chunks, declare, elf, jpeg, pdf, png, pngHeader, sha256, windowsExecutable } from './files';

const inspect = (bytes: Uint8Array, declared = declare(bytes, 'application/pdf')) =>
  inspectUpload({ read: chunks(bytes), declared });

describe('inspectUpload accepts', () => {
  test.each([true, false])('a pdf-lib PDF of 3 pages (object streams: %s)', async (useObjectStreams) => {
    // Prepare
    const file = await pdf(3, useObjectStreams);

    // Act
    const verdict = await inspect(file);

    // Assess
    expect(verdict).toEqual({ verdict: 'accepted' });
  });

  test('a PNG and a JPEG declared as what they are, read from a Node stream', async () => {
    // Prepare
    const picture = png(40, 30);
    const photo = jpeg(1200, 800);

    // Act
    const verdicts = await Promise.all([
      inspectUpload({ read: () => Readable.from([picture]), declared: declare(picture, 'image/png') }),
      inspectUpload({
        read: () => Readable.from([photo]),
        declared: declare(photo, 'image/jpeg', 'id.JPEG'),
      }),
    ]);

    // Assess
    expect(verdicts).toEqual([{ verdict: 'accepted' }, { verdict: 'accepted' }]);
  });

  test("a JPEG whose SOF comes after 300 KiB of metadata, as in a camera's photo", async () => {
    const photo = jpeg(4000, 3000, 300 * 1024);
    expect(await inspect(photo, declare(photo, 'image/jpeg'))).toEqual({ verdict: 'accepted' });
  });

  test(`a PDF of exactly ${MAX_PDF_PAGES} pages`, async () => {
    expect(await inspect(await pdf(MAX_PDF_PAGES, true))).toEqual({ verdict: 'accepted' });
  });
});

describe('inspectUpload refuses a file that is not the one declared', () => {
  test('a file with fewer bytes than declared', async () => {
    // Prepare
    const file = await pdf(1, true);
    const declared = { ...declare(file, 'application/pdf'), sizeBytes: file.byteLength + 10 };

    // Act
    const verdict = await inspect(file, declared);

    // Assess
    expect(verdict).toMatchObject({ verdict: 'rejected', code: 'size-mismatch' });
    expect(verdict).toHaveProperty(
      'reason.en',
      expect.stringContaining(`not the ${(file.byteLength + 10).toLocaleString('en-US')} declared`),
    );
  });

  test('a file with more bytes than declared, without reading it to its end', async () => {
    // Prepare
    const file = await pdf(1, true);
    const declared = { ...declare(file, 'application/pdf'), sizeBytes: 100 };
    let yielded = 0;
    const read = async function* () {
      for (let chunk = 0; chunk < 1000; chunk++) {
        yielded++;
        yield file.subarray(0, 64);
      }
    };

    // Act
    const verdict = await inspectUpload({ read, declared });

    // Assess
    expect(verdict).toMatchObject({ verdict: 'rejected', code: 'size-mismatch' });
    expect(verdict).toHaveProperty('reason.zh', expect.stringContaining('以上'));
    expect(yielded).toBe(2);
  });

  test('a file beyond 20 MiB, even when declared so', async () => {
    // Prepare
    const file = new Uint8Array(20 * 1024 * 1024 + 1);
    const declared = { ...declare(file, 'application/pdf'), sizeBytes: file.byteLength };

    // Act
    const verdict = await inspect(file, declared);

    // Assess
    expect(verdict).toMatchObject({ verdict: 'rejected', code: 'too-large' });
  });

  test('a file whose SHA-256 differs from the declared one', async () => {
    // Prepare
    const file = await pdf(1, true);
    const declared = { ...declare(file, 'application/pdf'), sha256: sha256(new Uint8Array([1])) };

    // Act
    const verdict = await inspect(file, declared);

    // Assess
    expect(verdict).toMatchObject({ verdict: 'rejected', code: 'sha256-mismatch' });
  });
});

describe('inspectUpload refuses a file that is not what it claims to be', () => {
  test.each([
    [
      'a Windows executable',
      windowsExecutable(),
      'it is a Windows executable (.exe)',
      '实为Windows可执行文件（.exe）',
    ],
    ['an ELF executable', elf(), 'it is a Linux executable (ELF)', '实为Linux可执行文件（ELF）'],
    [
      'plain text',
      new TextEncoder().encode('just some text, not a PDF at all\n'.repeat(10)),
      'its type could not be recognised',
      '无法识别其类型',
    ],
  ])('%s renamed .pdf, saying what it really is', async (_name, file, en, zh) => {
    // Act
    const verdict = await inspect(file);

    // Assess
    expect(verdict).toEqual({
      verdict: 'rejected',
      code: 'type-not-accepted',
      reason: { en: `The file is not a PDF, JPEG or PNG: ${en}`, zh: `文件不是PDF、JPEG或PNG：${zh}` },
    });
  });

  test('a JPEG declared as a PNG', async () => {
    // Prepare
    const photo = jpeg();

    // Act
    const verdict = await inspect(photo, declare(photo, 'image/png'));

    // Assess
    expect(verdict).toMatchObject({
      verdict: 'rejected',
      code: 'type-mismatch',
      reason: {
        en: expect.stringContaining('declared as a PNG image but is a JPEG image'),
        zh: expect.stringContaining('文件申报为PNG图片，实为JPEG图片'),
      },
    });
  });

  test('a PDF declared as a JPEG', async () => {
    const file = await pdf(1, false);
    expect(await inspect(file, declare(file, 'image/jpeg'))).toMatchObject({ code: 'type-mismatch' });
  });
});

describe("inspectUpload refuses a file beyond the platform's limits", () => {
  test.each([true, false])(
    `a PDF of ${MAX_PDF_PAGES + 1} pages (object streams: %s)`,
    async (useObjectStreams) => {
      // Prepare
      const file = await pdf(MAX_PDF_PAGES + 1, useObjectStreams);

      // Act
      const verdict = await inspect(file);

      // Assess
      expect(verdict).toMatchObject({ verdict: 'rejected', code: 'too-many-pages' });
      expect(verdict).toHaveProperty('reason.en', expect.stringContaining(`${MAX_PDF_PAGES + 1} pages`));
    },
  );

  test('a PNG of 10,000 × 10,000 pixels: 100 megapixels', async () => {
    // Prepare
    const header = pngHeader(10_000, 10_000);

    // Act
    const verdict = await inspect(header, declare(header, 'image/png'));

    // Assess
    expect(verdict).toMatchObject({ verdict: 'rejected', code: 'too-many-pixels' });
    expect(verdict).toHaveProperty('reason.en', expect.stringContaining('10,000 × 10,000 pixels'));
  });

  test('a JPEG strip of 25,000 × 100 pixels: few pixels, one side too long', async () => {
    const strip = jpeg(25_000, 100);
    expect(await inspect(strip, declare(strip, 'image/jpeg'))).toMatchObject({ code: 'image-side-too-long' });
  });

  test('a JPEG without dimensions in its first 512 KiB', async () => {
    // Prepare
    const photo = jpeg(100, 100, 600 * 1024);

    // Act
    const verdict = await inspect(photo, declare(photo, 'image/jpeg'));

    // Assess
    expect(verdict).toMatchObject({ verdict: 'rejected', code: 'image-unreadable' });
  });
});

describe('inspectUpload refuses a PDF it cannot read', () => {
  const encoder = new TextEncoder();
  const bytes = (text: string) => encoder.encode(text);

  test('an encrypted PDF', async () => {
    // Prepare
    const file = bytes(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 1 >>\nendobj\n' +
        'trailer\n<< /Root 1 0 R /Encrypt 3 0 R /Size 4 >>\n%%EOF\n',
    );

    // Act
    const verdict = await inspect(file);

    // Assess
    expect(verdict).toMatchObject({ verdict: 'rejected', code: 'pdf-encrypted' });
  });

  test.each([
    ['no trailer', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n'],
    [
      'a catalogue pointing at no object',
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    ],
    [
      'a page tree without /Count',
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    ],
  ])('a PDF with %s', async (_case, text) => {
    expect(await inspect(bytes(text))).toMatchObject({ verdict: 'rejected', code: 'pdf-unreadable' });
  });

  test('a PDF whose object stream inflates past the budget (a decompression bomb)', async () => {
    // Prepare: the catalogue and page tree sit behind 80 MiB of zeros in a FlateDecode object stream.
    const objects = '1 0 2 48 ';
    const body = `${objects}<< /Type /Catalog /Pages 2 0 R >>`.padEnd(48 + objects.length, ' ');
    const inflated = Buffer.concat([
      Buffer.from(`${body}<< /Type /Pages /Kids [] /Count 1 >>`),
      Buffer.alloc(80 * 1024 * 1024),
    ]);
    const stream = deflateSync(inflated);
    const file = Buffer.concat([
      Buffer.from(
        `%PDF-1.7\n3 0 obj\n<< /Type /ObjStm /N 2 /First ${objects.length} /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`,
      ),
      stream,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    ]);

    // Act
    const verdict = await inspect(file);

    // Assess
    expect(verdict).toMatchObject({ verdict: 'rejected', code: 'pdf-unreadable' });
  });
});
