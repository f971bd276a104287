import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * The fixtures' materials name placeholder uploads (`up-fixture` and 19 digits); the harnesses file them
 * as a browser does before a form names them: each placeholder becomes a real upload of its own small
 * PDF, made once per account and reused by that account's later cases.
 */
export const FIXTURE_UPLOAD = /^up-fixture\d{19}$/;

export interface SampleFile {
  fileName: string;
  mediaType: 'application/pdf' | 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

/** A one-page PDF whose text is `label`: each label gives other bytes, so each file is its own. */
export async function samplePdf(label: string, pages = 1): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  document.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page++) {
    document.addPage([595, 842]).drawText(`${label} ${page}`, { x: 72, y: 760, size: 14, font });
  }
  return document.save();
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const declarationOf = (file: SampleFile) => ({
  fileName: file.fileName,
  mediaType: file.mediaType,
  sizeBytes: file.bytes.byteLength,
  sha256: sha256Of(file.bytes),
});

/** Sends a file to storage with the presigned POST, as the web app does: every field, then the file. */
export async function postToStorage(
  upload: { url: string; fields: Record<string, string> },
  file: SampleFile,
): Promise<{ status: number; text: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append(
    'file',
    new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mediaType }),
    file.fileName,
  );
  const response = await fetch(upload.url, { method: 'POST', body: form });
  return { status: response.status, text: await response.text() };
}

type Materials = { type: string; uploadId: string }[];

/**
 * The body with each placeholder upload of its materials replaced by `upload(placeholder, type)`'s id;
 * a body without placeholders is returned as it is.
 */
export async function withFiledUploads<T>(
  body: T,
  upload: (placeholder: string, type: string) => Promise<string>,
): Promise<T> {
  const materials = (body as { materials?: Materials } | undefined)?.materials;
  if (!Array.isArray(materials) || !materials.some((m) => FIXTURE_UPLOAD.test(String(m?.uploadId))))
    return body;
  const replaced = await Promise.all(
    materials.map(async (material) =>
      FIXTURE_UPLOAD.test(String(material?.uploadId))
        ? { ...material, uploadId: await upload(material.uploadId, material.type) }
        : material,
    ),
  );
  return { ...body, materials: replaced };
}

/**
 * Memoizes one upload per account and placeholder. Moving the clock may take an upload past its expiry:
 * `forget` starts afresh then.
 */
export function uploadCache(upload: (account: string, file: SampleFile) => Promise<string>) {
  const made = new Map<string, Promise<string>>();
  const uploadFor = (account: string, placeholder: string, type: string): Promise<string> => {
    const key = `${account}\u0000${placeholder}`;
    let id = made.get(key);
    if (!id) {
      id = samplePdf(`${type} ${placeholder}`).then((bytes) =>
        upload(account, { fileName: `${type}.pdf`, mediaType: 'application/pdf', bytes }),
      );
      id.catch(() => made.delete(key));
      made.set(key, id);
    }
    return id;
  };
  return Object.assign(uploadFor, { forget: () => made.clear() });
}

/**
 * Uploads a file over HTTP as the web app does (a slot, the file posted to storage, the status polled
 * until settled) and answers its id once clean; for clients outside the test server harness.
 */
export async function uploadOverHttp(apiUrl: string, token: string, file: SampleFile): Promise<string> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let slot: Response | undefined;
  for (let attempt = 0; attempt < 8; attempt++) {
    slot = await fetch(`${apiUrl}/api/uploads`, {
      method: 'POST',
      headers,
      body: JSON.stringify(declarationOf(file)),
    });
    if (slot.status !== 503) break;
    await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
  }
  if (!slot) throw new Error('no upload slot');
  const { id, upload } = (await slot.json()) as {
    id: string;
    upload: { url: string; fields: Record<string, string> };
  };
  const stored = await postToStorage(upload, file);
  if (stored.status !== 204)
    throw new Error(`storage refused ${file.fileName}: ${stored.status} ${stored.text}`);
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const response = await fetch(`${apiUrl}/api/uploads/${id}`, { headers });
    const body = response.ok ? ((await response.json()) as { status: string }) : undefined;
    if (body && body.status === 'clean') return id;
    if (body && body.status !== 'pending') throw new Error(`upload ${file.fileName} is ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`upload ${file.fileName} never settled`);
}

/** The form with its placeholder uploads filed over HTTP by the caller of `token`. */
export function withUploadsOverHttp<T>(apiUrl: string, token: string, form: T): Promise<T> {
  return withFiledUploads(form, async (placeholder, type) =>
    uploadOverHttp(apiUrl, token, {
      fileName: `${type}.pdf`,
      mediaType: 'application/pdf',
      bytes: await samplePdf(`${type} ${placeholder}`),
    }),
  );
}
