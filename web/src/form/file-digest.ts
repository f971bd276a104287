import type { UploadDeclaration } from '../../../shared/uploads/declaration';

/**
 * What the browser declares of a picked file before uploading it; its SHA-256 lets the server check the
 * upload holds exactly these bytes. The media type is the browser's guess from the name: the declaration
 * schema refuses any but the three the platform takes.
 */
export async function fileFacts(file: File): Promise<UploadDeclaration> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  return {
    fileName: file.name,
    sha256: Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
    sizeBytes: file.size,
    mediaType: file.type as UploadDeclaration['mediaType'],
  };
}
