import type { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { uploads } from '../data/uploads';
import { bucketName, storage } from '../storage/s3';
import { inspectUpload } from './inspect-upload';
import type { UploadRecord } from './model';
import { settled } from './status';

const REPLACED = {
  en: 'Another file was sent for this upload after it was checked: upload the file again',
  zh: '该上传在检查后又被发送了其他文件，请重新上传',
};

/** `incoming/<id>` → the upload id. */
export const uploadIdOfKey = (key: string): string | undefined =>
  /^incoming\/(up-[0-9a-z]{26})$/.exec(key)?.[1];

/**
 * Runs when an upload's bytes arrived: checks them against what was declared and records the verdict.
 * A refused file is never served nor filed, and stays where it arrived for the malware scan, which
 * moves it to quarantine when infected, until the lifecycle deletes it. Checking again (a redelivered
 * event) finds the verdict recorded and changes nothing; a file the scan already took away is left so.
 */
export async function checkUpload(object: { key: string; etag?: string }): Promise<UploadRecord | undefined> {
  const id = uploadIdOfKey(object.key);
  const record = id ? await uploads.get(id) : undefined;
  if (!record) return record;
  if (record.inspection) {
    if (!object.etag || record.inspection.etag === object.etag) return record;
    // Another file was posted to the slot after the first was checked: the upload is refused for good.
    return uploads.update(record.id, (current) =>
      settled({ ...current, inspection: { verdict: 'rejected', reason: REPLACED, etag: object.etag } }),
    );
  }
  let verdict: Awaited<ReturnType<typeof inspectUpload>>;
  try {
    verdict = await inspectUpload({
      read: () => streamOf(bucketName('uploads'), object.key),
      declared: {
        fileName: record.fileName,
        mediaType: record.mediaType as UploadRecord['mediaType'] & 'application/pdf',
        sizeBytes: record.sizeBytes,
        sha256: record.sha256,
      },
    });
  } catch (error) {
    if (error instanceof NoSuchKey) return record;
    throw error;
  }
  const inspection = {
    ...(verdict.verdict === 'accepted' ? verdict : { verdict: verdict.verdict, reason: verdict.reason }),
    ...(object.etag ? { etag: object.etag } : {}),
  };
  const updated = await uploads.update(record.id, (current) =>
    current.inspection ? undefined : settled({ ...current, inspection }),
  );
  return updated;
}

async function* streamOf(bucket: string, key: string): AsyncIterable<Uint8Array> {
  const { Body } = await storage.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  for await (const chunk of Body as Readable) yield chunk as Uint8Array;
}
