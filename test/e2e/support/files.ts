import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';

/** A real one-page PDF naming what it stands for, as a scanner or virus check reads it. */
export async function pdfBytes(title: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText(title, { x: 72, y: 760, size: 18, font });
  return Buffer.from(await document.save());
}

/** A real PNG: a small blue square. */
export function pngBytes(size = 16): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let offset = 0; offset < png.data.length; offset += 4) png.data.set([29, 78, 216, 255], offset);
  return PNG.sync.write(png);
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes files into a fresh temporary folder, returning each one's path. */
export async function writeTemporaryFiles(
  files: Record<string, Uint8Array>,
): Promise<Record<string, string>> {
  const folder = await mkdtemp(join(tmpdir(), 'e2e-files-'));
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    paths[name] = join(folder, name);
    await writeFile(paths[name], bytes);
  }
  return paths;
}
