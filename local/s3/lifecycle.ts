import { DeleteObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { BUCKETS, LIFECYCLE } from '../../shared/storage/buckets';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * S3 lifecycle expiration on the local S3, by the same rules CDK gives the buckets: each object under a
 * rule's prefix is deleted once `days` have passed since it was written, on the runtime's clock. S3 runs
 * it about once a day; here each sweep runs it.
 */
export async function expireObjects(s3: S3Client, now: number): Promise<number> {
  let expired = 0;
  for (const [bucket, rules] of Object.entries(LIFECYCLE)) {
    const name = BUCKETS[bucket as keyof typeof BUCKETS].localName;
    for (const rule of rules ?? []) {
      let token: string | undefined;
      do {
        const page = await s3.send(
          new ListObjectsV2Command({ Bucket: name, Prefix: rule.prefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          if (!object.Key || !object.LastModified) continue;
          if (object.LastModified.getTime() + rule.days * DAY_MS > now) continue;
          await s3.send(new DeleteObjectCommand({ Bucket: name, Key: object.Key }));
          expired++;
        }
        token = page.NextContinuationToken;
      } while (token);
    }
  }
  return expired;
}
