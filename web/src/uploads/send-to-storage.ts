import type { UploadTicket } from '../api/types';

/**
 * Posts the file to the presigned storage URL as multipart/form-data: every field the API signed first,
 * the file last, as S3 requires. XMLHttpRequest rather than fetch, because only it reports upload progress.
 */
export function sendToStorage(
  target: UploadTicket['upload'],
  file: File,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const body = new FormData();
  for (const [name, value] of Object.entries(target.fields)) body.append(name, value);
  body.append('file', file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', target.url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      request.status >= 200 && request.status < 300
        ? resolve()
        : reject(new Error(`Storage answered ${request.status}`));
    request.onerror = () => reject(new Error('Storage cannot be reached'));
    request.send(body);
  });
}
