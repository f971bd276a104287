import { randomBytes } from 'node:crypto';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { uploads } from '../data/uploads';
import { ABANDONED_UPLOAD_DAYS, OBJECT_KEYS, PRESIGNED_URL_SECONDS } from '../storage/buckets';
import { bucketName, storage } from '../storage/s3';
import type { UploadDeclaration } from './declaration';
import type { UploadRecord } from './model';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const DAY_MS = 24 * 60 * 60 * 1000;

function newUploadId(): string {
  const bytes = randomBytes(26);
  return `up-${[...bytes].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('')}`;
}

/**
 * A slot for one file: the record of what the caller declared, and a presigned POST that storage takes
 * only for this key, this media type and exactly the declared size. Whether the bytes are what was
 * declared is checked after they arrive (shared/uploads/check-upload.ts).
 */
export async function createUpload(request: {
  owner: string;
  declaration: UploadDeclaration;
  now: Date;
}): Promise<{ record: UploadRecord; upload: { url: string; fields: Record<string, string> } }> {
  const { declaration, now } = request;
  const record: UploadRecord = {
    id: newUploadId(),
    owner: request.owner,
    ...declaration,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ABANDONED_UPLOAD_DAYS * DAY_MS).toISOString(),
    status: 'pending',
    version: 1,
  };
  await uploads.create(record);
  const upload = await createPresignedPost(storage, {
    Bucket: bucketName('uploads'),
    Key: OBJECT_KEYS.incoming(record.id),
    Conditions: [
      ['content-length-range', declaration.sizeBytes, declaration.sizeBytes],
      ['eq', '$Content-Type', declaration.mediaType],
    ],
    Fields: { 'Content-Type': declaration.mediaType },
    Expires: PRESIGNED_URL_SECONDS,
  });
  return { record, upload };
}
