import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { describe, expect, test } from 'vitest';
import { checkPostPolicy } from '../../../../local/s3/post-policy';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const secretOf = (id: string) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined);

/** A presigned POST as the upload route makes it: this key, this type, exactly this size. */
async function slot(size = 100) {
  const s3 = new S3Client({
    region: 'us-east-1',
    credentials,
    endpoint: 'http://127.0.0.1:1',
    forcePathStyle: true,
  });
  const post = await createPresignedPost(s3, {
    Bucket: 'uploads',
    Key: 'incoming/up-1',
    Conditions: [
      ['content-length-range', size, size],
      ['eq', '$Content-Type', 'application/pdf'],
    ],
    Fields: { 'Content-Type': 'application/pdf' },
    Expires: 300,
  });
  s3.destroy();
  return post.fields;
}

describe('a browser POST is held to its policy, as S3 holds it', () => {
  test('the form the slot gives, with a file of the declared size, passes', async () => {
    expect(
      checkPostPolicy({ bucket: 'uploads', fields: await slot(), fileBytes: 100 }, secretOf, new Date()),
    ).toBeUndefined();
  });

  test('a larger or smaller file is refused with S3 codes and the sizes', async () => {
    const fields = await slot();
    expect(
      checkPostPolicy({ bucket: 'uploads', fields, fileBytes: 101 }, secretOf, new Date()),
    ).toMatchObject({
      status: 400,
      code: 'EntityTooLarge',
      extra: { ProposedSize: 101, MaxSizeAllowed: 100 },
    });
    expect(checkPostPolicy({ bucket: 'uploads', fields, fileBytes: 99 }, secretOf, new Date())).toMatchObject(
      {
        status: 400,
        code: 'EntityTooSmall',
      },
    );
  });

  test('another type, key or bucket than signed fails its condition', async () => {
    const fields = await slot();
    const refused = (change: Record<string, string>, bucket = 'uploads') =>
      checkPostPolicy({ bucket, fields: { ...fields, ...change }, fileBytes: 100 }, secretOf, new Date());
    expect(refused({ 'Content-Type': 'text/html' })?.message).toMatch(
      /Policy Condition failed: \["eq","\$Content-Type"/,
    );
    expect(refused({ key: 'incoming/up-2' })?.message).toMatch(/Policy Condition failed/);
    expect(refused({}, 'documents')?.message).toMatch(/Policy Condition failed/);
  });

  test('a field no condition names is refused', async () => {
    const refusal = checkPostPolicy(
      { bucket: 'uploads', fields: { ...(await slot()), 'x-amz-meta-owner': 'someone' }, fileBytes: 100 },
      secretOf,
      new Date(),
    );
    expect(refusal).toMatchObject({
      status: 403,
      message: 'Invalid according to Policy: Extra input fields: x-amz-meta-owner',
    });
  });

  test('a policy past its expiration, a forged signature and an unknown key are refused', async () => {
    const fields = await slot();
    const later = new Date(Date.now() + 301_000);
    expect(checkPostPolicy({ bucket: 'uploads', fields, fileBytes: 100 }, secretOf, later)?.message).toBe(
      'Invalid according to Policy: Policy expired.',
    );
    expect(
      checkPostPolicy(
        { bucket: 'uploads', fields: { ...fields, 'X-Amz-Signature': '0'.repeat(64) }, fileBytes: 100 },
        secretOf,
        new Date(),
      )?.code,
    ).toBe('SignatureDoesNotMatch');
    expect(
      checkPostPolicy({ bucket: 'uploads', fields, fileBytes: 100 }, () => undefined, new Date())?.code,
    ).toBe('InvalidAccessKeyId');
  });
});
