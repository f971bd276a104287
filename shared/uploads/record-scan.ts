import { CopyObjectCommand, DeleteObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { uploads } from '../data/uploads';
import { OBJECT_KEYS } from '../storage/buckets';
import { bucketName, storage } from '../storage/s3';
import { uploadIdOfKey } from './check-upload';
import type { ScanStatus, UploadRecord } from './model';
import { settled } from './status';

/**
 * Takes the malware scan's answer for an upload. An infected file is copied to the quarantine bucket,
 * which no route reads, and deleted where it arrived, so it can never be filed or served. A repeated
 * answer changes nothing.
 */
export async function recordScan(result: {
  key: string;
  status: ScanStatus;
  threats?: string[];
  etag?: string;
}): Promise<UploadRecord | undefined> {
  const id = uploadIdOfKey(result.key);
  if (!id) return undefined;
  const scan = {
    status: result.status,
    ...(result.threats?.length ? { threats: result.threats } : {}),
    ...(result.etag ? { etag: result.etag } : {}),
  };
  // The first answer stands, but malware found in any object posted to the slot outranks it.
  const updated = await uploads.update(id, (current) =>
    current.scan && result.status !== 'THREATS_FOUND' ? undefined : settled({ ...current, scan }),
  );
  if (result.status === 'THREATS_FOUND') {
    const uploadsBucket = bucketName('uploads');
    try {
      await storage.send(
        new CopyObjectCommand({
          Bucket: bucketName('quarantine'),
          Key: OBJECT_KEYS.quarantined(id),
          CopySource: `${uploadsBucket}/${result.key}`,
        }),
      );
    } catch (error) {
      // Moved already: a redelivered result finds the file in quarantine and nothing left to move.
      if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return updated;
      throw error;
    }
    await storage.send(new DeleteObjectCommand({ Bucket: uploadsBucket, Key: result.key }));
  }
  return updated;
}
