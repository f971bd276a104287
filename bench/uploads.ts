import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { LocalRuntime } from '../local/runtime';
import { BUCKETS } from '../shared/storage/buckets';
import { declarationOf, postToStorage, type SampleFile } from '../test/support/uploads';
import { sleep } from './lib/stats';

/**
 * Upload to clean on the local runtime: the platform's slot (createUpload), the presigned POST to the
 * local S3, then S3's Object Created event, the inspection (UploadCheck) and the ClamAV scan
 * (UploadScanResult) until the upload's record says `clean`; beside the floor, a plain PutObject of the
 * same bytes to the same local S3. Runs alternate, so both see the same load.
 */

export interface UploadSizeResult {
  label: string;
  bytes: number;
  runs: number;
  floorMs: number[];
  oursMs: number[];
  /** createUpload: the record and the presigned POST. */
  slotMs: number[];
  /** The presigned POST until storage answered 204. */
  storedMs: number[];
  /** From the 204 until the record is clean: event delivery, inspection, scan. */
  settledMs: number[];
}

export interface UploadsResult {
  sizes: UploadSizeResult[];
}

/** Where the floor's objects go: outside `incoming/`, so no rule reacts to them. */
const SCRATCH_PREFIX = 'bench-floor/';
const POLL_MS = 5;
const SETTLE_TIMEOUT_MS = 120_000;

/** A valid one-page PDF of exactly `bytes` bytes: the rest is an unreferenced stream of random bytes. */
export async function paddedPdf(label: string, bytes: number): Promise<Uint8Array> {
  const withPadding = async (padding: number) => {
    const document = await PDFDocument.create({ updateMetadata: false });
    const font = await document.embedFont(StandardFonts.Helvetica);
    document.addPage([595, 842]).drawText(label, { x: 72, y: 760, size: 14, font });
    const filler = new Uint8Array(padding);
    for (let offset = 0; offset < padding; offset += 65_536) {
      crypto.getRandomValues(filler.subarray(offset, Math.min(padding, offset + 65_536)));
    }
    document.context.register(document.context.stream(filler));
    return document.save({ useObjectStreams: false });
  };
  let padding = Math.max(0, bytes - (await withPadding(0)).byteLength);
  for (let attempt = 0; attempt < 4; attempt++) {
    const pdf = await withPadding(padding);
    if (pdf.byteLength === bytes) return pdf;
    padding += bytes - pdf.byteLength;
  }
  throw new Error(`no PDF of exactly ${bytes} bytes`);
}

export async function benchUploads(
  runtime: LocalRuntime,
  options: { sizes: { label: string; bytes: number; runs: number }[] },
  progress: (fraction: number, detail: string) => void,
): Promise<UploadsResult> {
  const { createUpload } = await import('../shared/uploads/create-upload');
  const { uploads } = await import('../shared/data/uploads');
  const s3 = new S3Client({ endpoint: runtime.s3Endpoint, forcePathStyle: true });
  const bucket = BUCKETS.uploads.localName;
  const totalRuns = options.sizes.reduce((sum, size) => sum + size.runs + 1, 0);
  let done = 0;

  const floorRun = async (file: SampleFile, key: string) => {
    const started = performance.now();
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: file.bytes, ContentType: file.mediaType }),
    );
    const ms = performance.now() - started;
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    return ms;
  };

  const oursRun = async (file: SampleFile) => {
    const declaration = declarationOf(file) as Parameters<typeof createUpload>[0]['declaration'];
    const started = performance.now();
    const { record, upload } = await createUpload({
      owner: 'bench-founder',
      declaration,
      now: new Date(runtime.clock.now()),
    });
    const slotted = performance.now();
    const stored = await postToStorage(upload, file);
    if (stored.status !== 204) throw new Error(`upload not stored: ${stored.status} ${stored.text}`);
    const posted = performance.now();
    for (;;) {
      const current = await uploads.get(record.id);
      if (current && current.status !== 'pending') {
        if (current.status !== 'clean') {
          throw new Error(`upload ended ${current.status}: ${JSON.stringify(current.reason)}`);
        }
        break;
      }
      if (performance.now() - posted > SETTLE_TIMEOUT_MS) throw new Error('upload never settled');
      await sleep(POLL_MS);
    }
    const settled = performance.now();
    return {
      ours: settled - started,
      slot: slotted - started,
      stored: posted - slotted,
      settled: settled - posted,
    };
  };

  const results: UploadSizeResult[] = [];
  try {
    for (const size of options.sizes) {
      const result: UploadSizeResult = {
        label: size.label,
        bytes: size.bytes,
        runs: size.runs,
        floorMs: [],
        oursMs: [],
        slotMs: [],
        storedMs: [],
        settledMs: [],
      };
      // Run 0 warms both paths (the handlers' first import, ClamAV's first database load) and is not kept.
      for (let run = 0; run <= size.runs; run++) {
        progress(
          done++ / totalRuns,
          `${size.label}: run ${run}/${size.runs}${run === 0 ? ' (warm-up)' : ''}`,
        );
        const file: SampleFile = {
          fileName: `bench-${size.label}.pdf`,
          mediaType: 'application/pdf',
          bytes: await paddedPdf(`bench ${size.label} ${run}`, size.bytes),
        };
        const floor = await floorRun(file, `${SCRATCH_PREFIX}${size.label}-${run}`);
        const ours = await oursRun(file);
        if (run === 0) continue;
        result.floorMs.push(floor);
        result.oursMs.push(ours.ours);
        result.slotMs.push(ours.slot);
        result.storedMs.push(ours.stored);
        result.settledMs.push(ours.settled);
      }
      results.push(result);
    }
  } finally {
    s3.destroy();
  }
  return { sizes: results };
}
