import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { type PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Reading the rendered PDFs back as a reader would: pdf.js for pages and text, pdf-lib for images. */

export interface ReadPdf {
  pages: number;
  /** Width and height of the first page, in points. */
  size: [number, number];
  /** The text of every page, its runs joined without separators (a wrapped value reads whole). */
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false })
    .promise;
  try {
    const first = await pdf.getPage(1);
    const [, , width, height] = first.view;
    let text = '';
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
    }
    return { pages: pdf.numPages, size: [width ?? 0, height ?? 0], text };
  } finally {
    await pdf.destroy();
  }
}

const numberIn = (dict: PDFDict, key: string) =>
  (dict.lookup(PDFName.of(key), PDFNumber) as PDFNumber).asNumber();

function pixelsOf(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  return filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : stream.contents;
}

/** The first RGB image XObject, as RGBA (its soft mask as the alpha, when it has one). */
export async function firstRgbImage(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const { dict } = object;
    if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    if (dict.get(PDFName.of('ColorSpace')) !== PDFName.of('DeviceRGB')) continue;
    const width = numberIn(dict, 'Width');
    const height = numberIn(dict, 'Height');
    const rgb = pixelsOf(object);
    const maskRef = dict.get(PDFName.of('SMask'));
    const maskStream = maskRef instanceof PDFRef ? doc.context.lookup(maskRef) : undefined;
    const mask = maskStream instanceof PDFRawStream ? pixelsOf(maskStream) : undefined;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let pixel = 0; pixel < width * height; pixel++) {
      rgba.set(rgb.subarray(pixel * 3, pixel * 3 + 3), pixel * 4);
      rgba[pixel * 4 + 3] = mask?.[pixel] ?? 255;
    }
    return { width, height, rgba };
  }
  throw new Error('The PDF has no RGB image');
}

export async function qrTextOf(bytes: Uint8Array): Promise<string | undefined> {
  const { width, height, rgba } = await firstRgbImage(bytes);
  return jsQR(rgba, width, height)?.data;
}
