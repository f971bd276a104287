import { S3Client } from '@aws-sdk/client-s3';
import { BUCKETS, type BucketName } from './buckets';

/**
 * Path-style addressing, when the deployment asks for it: an S3-compatible endpoint given by
 * AWS_ENDPOINT_URL_S3 serves buckets as paths, AWS serves them as host names.
 */
export const PATH_STYLE_ENVIRONMENT = 'S3_FORCE_PATH_STYLE';

export const storage = new S3Client({ forcePathStyle: process.env[PATH_STYLE_ENVIRONMENT] === 'true' });

export function bucketName(bucket: BucketName, env: NodeJS.ProcessEnv = process.env): string {
  const name = env[BUCKETS[bucket].environment];
  if (!name) throw new Error(`${BUCKETS[bucket].environment} is not set`);
  return name;
}
