import { DeleteObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { BUCKETS, type BucketName, LIFECYCLE } from '../../shared/storage/buckets';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * S3 lifecycle expiration on the local S3, by the same rules CDK gives the buckets: an object under a
 * rule's prefix is deleted once `days` have passed since it was written, on the runtime's clock (which
 * tests and demos move), not on the wall clock s3rver stamps objects with. An object this process did
 * not see written counts from when a sweep first finds it. S3 runs it about once a day; here each sweep.
 */
export class LocalLifecycle {
  private readonly written = new Map<string, number>();

  constructor(
    private readonly s3: S3Client,
    private readonly now: () => number,
  ) {}

  objectWritten(bucket: string, key: string): void {
    this.written.set(`${bucket}/${key}`, this.now());
  }

  async sweep(): Promise<number> {
    let expired = 0;
    for (const [bucket, rules] of Object.entries(LIFECYCLE)) {
      const name = BUCKETS[bucket as BucketName].localName;
      for (const rule of rules ?? []) {
        let token: string | undefined;
        do {
          const page = await this.s3.send(
            new ListObjectsV2Command({ Bucket: name, Prefix: rule.prefix, ContinuationToken: token }),
          );
          for (const { Key } of page.Contents ?? []) {
            if (!Key) continue;
            const id = `${name}/${Key}`;
            const written = this.written.get(id) ?? this.now();
            this.written.set(id, written);
            if (written + rule.days * DAY_MS > this.now()) continue;
            await this.s3.send(new DeleteObjectCommand({ Bucket: name, Key }));
            this.written.delete(id);
            expired++;
          }
          token = page.NextContinuationToken;
        } while (token);
      }
    }
    return expired;
  }
}
