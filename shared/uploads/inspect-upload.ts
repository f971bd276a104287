import { fileTypeFromBuffer } from 'file-type';
import { checkImage } from './check-image';
import { checkPdf } from './check-pdf';
import type { UploadDeclaration } from './declaration';
import { MAX_UPLOAD_BYTES, UPLOAD_MEDIA_TYPES, type UploadMediaType } from './declared-file';
import { describeKind } from './file-kinds';
import { HEAD_BYTES } from './limits';
import { readUpload, type UploadSource } from './read-upload';
import {
  type Rejection,
  sha256Mismatch,
  sizeMismatch,
  tooLarge,
  typeMismatch,
  typeNotAccepted,
} from './rejections';

export type InspectionVerdict = { verdict: 'accepted' } | Rejection;

const isAccepted = (mime: string): mime is UploadMediaType =>
  (UPLOAD_MEDIA_TYPES as readonly string[]).includes(mime);

/**
 * What the platform checks in a file once it has arrived, before any scanner or department sees it: that it
 * is the file declared (size, SHA-256), that it really is a PDF, JPEG or PNG of the declared type (from its
 * bytes, not its name), and that it stays within the platform's own limits (limits.ts). Reads the file once.
 */
export async function inspectUpload({
  read,
  declared,
}: {
  read: UploadSource;
  declared: UploadDeclaration;
}): Promise<InspectionVerdict> {
  const file = await readUpload(read, Math.min(declared.sizeBytes, MAX_UPLOAD_BYTES));
  if (!file.complete) {
    if (file.readBytes > MAX_UPLOAD_BYTES) return tooLarge();
    return sizeMismatch(declared.sizeBytes, file.readBytes, false);
  }
  if (file.bytes.byteLength !== declared.sizeBytes) {
    return sizeMismatch(declared.sizeBytes, file.bytes.byteLength, true);
  }
  if (file.sha256 !== declared.sha256) return sha256Mismatch();
  const head = file.bytes.subarray(0, HEAD_BYTES);
  const found = await fileTypeFromBuffer(head);
  if (!found || !isAccepted(found.mime)) return typeNotAccepted(found && describeKind(found));
  if (found.mime !== declared.mediaType) return typeMismatch(declared.mediaType, found.mime);
  const rejection = found.mime === 'application/pdf' ? checkPdf(file.bytes) : checkImage(head);
  return rejection ?? { verdict: 'accepted' };
}
