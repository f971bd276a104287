/** What the form records of an uploaded file: its SHA-256 identifies the upload that follows later. */
export interface FileFacts {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

export async function fileFacts(file: File): Promise<FileFacts> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  return {
    fileName: file.name,
    sha256: Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
    sizeBytes: file.size,
    mediaType: file.type,
  };
}
