import { CopyObjectCommand } from '@aws-sdk/client-s3';
import type { CaseFile } from '../case/model';
import { uploads } from '../data/uploads';
import { conflict, type FieldError } from '../errors';
import type { ApplicationForm } from '../form';
import { OBJECT_KEYS } from '../storage/buckets';
import { bucketName, storage } from '../storage/s3';
import { isExpired } from './status';

type Material = ApplicationForm['materials'][number];
/** A clean upload about to be filed, with the object its checks read. */
type ResolvedFile = Omit<CaseFile, 'key' | 'filedAt'> & { etag?: string };

const REFUSALS = {
  unknown: {
    message: 'This upload does not exist or has expired: upload the file again',
    message_zh: '该上传不存在或已过期，请重新上传文件',
  },
  pending: {
    message: 'This file is still being checked: file it once it shows as checked',
    message_zh: '该文件仍在检查中，检查通过后再提交',
  },
  rejected: {
    message: 'This file was refused: upload another',
    message_zh: '该文件未通过检查，请上传其他文件',
  },
  infected: {
    message: 'This file contains malware and cannot be filed',
    message_zh: '该文件含有恶意代码，不能提交',
  },
} as const;

/**
 * The files a form's materials name, once each is the filer's own, clean and not expired; otherwise
 * every refusal at its material's `uploadId` field. Materials the case already holds (`kept`) pass as
 * they are: an answer to a correction re-sends them.
 */
export async function resolveMaterials(
  materials: readonly Material[],
  filer: string,
  now: Date,
  kept: Readonly<Record<string, CaseFile>> = {},
): Promise<{ files: Map<string, ResolvedFile>; errors: FieldError[] }> {
  const files = new Map<string, ResolvedFile>();
  const errors: FieldError[] = [];
  await Promise.all(
    materials.map(async (material, index) => {
      if (kept[material.uploadId]) return;
      const upload = await uploads.get(material.uploadId);
      const path = `materials.${index}.uploadId`;
      if (!upload || upload.owner !== filer || isExpired(upload, now)) {
        errors.push({ path, ...REFUSALS.unknown });
        return;
      }
      if (upload.status !== 'clean') {
        errors.push({ path, ...REFUSALS[upload.status] });
        return;
      }
      const { id, fileName, mediaType, sizeBytes, sha256, inspection } = upload;
      const etag = inspection?.etag;
      files.set(id, { uploadId: id, fileName, mediaType, sizeBytes, sha256, ...(etag ? { etag } : {}) });
    }),
  );
  errors.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  return { files, errors };
}

const fileReplaced = (fileName: string) =>
  conflict(
    `${fileName} was sent again after it was checked: upload it again`,
    `${fileName} 在检查后被重新发送，请重新上传`,
  );

/**
 * Copies each resolved file under the case: the copy is the case's, kept however long the case is,
 * while the upload slot expires. Copying again (a retried request) writes the same bytes.
 */
export async function fileMaterials(
  caseId: string,
  files: ReadonlyMap<string, ResolvedFile>,
  now: Date,
): Promise<Record<string, CaseFile>> {
  const bucket = bucketName('uploads');
  const filed: Record<string, CaseFile> = {};
  await Promise.all(
    [...files.values()].map(async ({ etag, ...file }) => {
      const key = OBJECT_KEYS.material(caseId, file.uploadId);
      try {
        await storage.send(
          new CopyObjectCommand({
            Bucket: bucket,
            Key: key,
            CopySource: `${bucket}/${OBJECT_KEYS.incoming(file.uploadId)}`,
            // Only the object the checks read: not one posted to the slot after them.
            ...(etag ? { CopySourceIfMatch: `"${etag}"` } : {}),
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'PreconditionFailed') throw fileReplaced(file.fileName);
        throw error;
      }
      filed[file.uploadId] = { ...file, key, filedAt: now.toISOString() };
    }),
  );
  return filed;
}
