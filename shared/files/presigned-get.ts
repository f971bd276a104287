import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { notFound } from '../errors';
import type { BucketName } from '../storage/buckets';
import { PRESIGNED_URL_SECONDS } from '../storage/buckets';
import { bucketName, storage } from '../storage/s3';

/**
 * A short-lived URL of one stored file, answered with the file's own name and type, shown inline. The
 * URL acts with the signing function's permissions, so the function first reads the object's head
 * itself: the file exists, and the function may read it, before anyone is sent to it.
 */
export async function presignedGet(
  bucket: BucketName,
  key: string,
  file: { fileName: string; mediaType: string },
): Promise<string> {
  const encoded = encodeURIComponent(file.fileName);
  try {
    await storage.send(new HeadObjectCommand({ Bucket: bucketName(bucket), Key: key }));
  } catch (error) {
    if ((error as Error).name === 'NotFound') throw notFound('File', '文件');
    throw error;
  }
  return getSignedUrl(
    storage,
    new GetObjectCommand({
      Bucket: bucketName(bucket),
      Key: key,
      ResponseContentType: file.mediaType,
      ResponseContentDisposition: `inline; filename*=UTF-8''${encoded}`,
    }),
    { expiresIn: PRESIGNED_URL_SECONDS },
  );
}
