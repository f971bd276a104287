import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ScanResult } from './clamav';
import { SCAN_RESULT_EVENT, scanFile, scanResultEventDetail } from './clamav';
import type { LocalEventBus } from './event-bus';

/**
 * The local stand-in for GuardDuty Malware Protection for S3: for each object created under the
 * protected prefix it scans the bytes with Debian's ClamAV and puts the result event GuardDuty puts on
 * the default bus, for the same rule to deliver. A scan that could not run reports FAILED, never clean.
 */
export function protectBucket(options: {
  bus: LocalEventBus;
  s3: S3Client;
  bucket: string;
  prefix: string;
  scan?: (path: string) => Promise<ScanResult>;
}): (object: { bucket: string; key: string; etag?: string }) => void {
  const scan = options.scan ?? ((path: string) => scanFile(path));
  return (object) => {
    if (object.bucket !== options.bucket || !object.key.startsWith(options.prefix)) return;
    void scanObject(options.s3, object, scan)
      .then((result) =>
        options.bus.put({
          source: SCAN_RESULT_EVENT.source,
          'detail-type': SCAN_RESULT_EVENT.detailType,
          resources: [`arn:aws:s3:::${object.bucket}`],
          detail: scanResultEventDetail(
            { bucketName: object.bucket, objectKey: object.key, eTag: object.etag ?? '' },
            result,
          ) as unknown as Record<string, unknown>,
        }),
      )
      .catch((error: Error) =>
        process.stderr.write(`The scan result of ${object.key} was not put on the bus: ${error.message}\n`),
      );
  };
}

async function scanObject(
  s3: S3Client,
  object: { bucket: string; key: string },
  scan: (path: string) => Promise<ScanResult>,
): Promise<ScanResult> {
  const directory = await mkdtemp(join(tmpdir(), 'scan-'));
  try {
    const { Body } = await s3.send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key }));
    const path = join(directory, 'object');
    await writeFile(
      path,
      await (Body as { transformToByteArray: () => Promise<Uint8Array> }).transformToByteArray(),
    );
    return await scan(path);
  } catch (error) {
    return { status: 'FAILED', reason: `the object could not be read: ${(error as Error).message}` };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
