import { describe, expect, test } from 'vitest';
import { toFieldErrors } from '../../../shared/errors';
import { uploadDeclarationSchema } from '../../../shared/uploads';

const valid = { fileName: '章程.pdf', mediaType: 'application/pdf', sizeBytes: 1024, sha256: 'a'.repeat(64) };

const fieldsOf = (input: unknown) => {
  const result = uploadDeclarationSchema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error).map((error) => error.path);
};

describe('uploadDeclarationSchema', () => {
  test('accepts a PDF, a .jpeg and a .PNG of 20 MiB at most', () => {
    expect(fieldsOf(valid)).toEqual([]);
    expect(fieldsOf({ ...valid, fileName: 'id.jpeg', mediaType: 'image/jpeg' })).toEqual([]);
    expect(
      fieldsOf({ ...valid, fileName: 'LEASE.PNG', mediaType: 'image/png', sizeBytes: 20 * 1024 * 1024 }),
    ).toEqual([]);
  });

  test('refuses a name that does not end in an extension of the media type, with both languages', () => {
    // Act
    const result = uploadDeclarationSchema.safeParse({ ...valid, fileName: 'scan.png' });

    // Assess
    if (result.success) throw new Error('the declaration was accepted');
    expect(toFieldErrors(result.error)).toEqual([
      {
        path: 'fileName',
        message: 'A file of type application/pdf needs a name ending in .pdf',
        message_zh: 'application/pdf文件的文件名应以.pdf结尾',
      },
    ]);
  });

  test.each([
    ['a folder in the name', { fileName: 'a/b.pdf' }, ['fileName']],
    ['a size above 20 MiB', { sizeBytes: 20 * 1024 * 1024 + 1 }, ['sizeBytes']],
    ['an empty file', { sizeBytes: 0 }, ['sizeBytes']],
    ['an uppercase sha256', { sha256: 'A'.repeat(64) }, ['sha256']],
    ['another media type', { mediaType: 'application/zip' }, ['mediaType']],
    ['an unknown key', { uploadId: 'x' }, ['uploadId']],
  ])('refuses %s', (_case, change, paths) => {
    expect(fieldsOf({ ...valid, ...change })).toEqual(paths);
  });
});
