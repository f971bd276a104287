import { S3Client } from '@aws-sdk/client-s3';
import { ENVIRONMENT } from '../config';
import { BUCKETS, type BucketName } from './buckets';

/**
 * One S3 client per process, at module scope so Lambda reuses it. Path-style addressing when the
 * deployment asks for it: an S3-compatible endpoint (AWS_ENDPOINT_URL_S3) serves buckets as paths.
 */
export const storage = new S3Client({ forcePathStyle: process.env[ENVIRONMENT.s3PathStyle] === 'true' });

export function bucketName(bucket: BucketName, env: NodeJS.ProcessEnv = process.env): string {
  const name = env[BUCKETS[bucket].environment];
  if (!name) throw new Error(`${BUCKETS[bucket].environment} is not set`);
  return name;
}
