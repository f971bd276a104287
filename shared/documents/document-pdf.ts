import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, PDFHexString, type PDFPage, rgb } from 'pdf-lib';
import { type DocumentFont, loadDocumentFont } from './fonts';

/** ISO 216 A4 in PDF points (1/72 inch): 210 × 297 mm. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 56;
export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.4, 0.4, 0.4);

const PRODUCER = 'company-opening platform (pdf-lib)';
/** A fixed subset tag: pdf-lib would add a random suffix, and the same case would give other bytes. */
const FONT_NAME = 'NOTOSC+NotoSansSC-Regular';

export class MissingGlyphs extends Error {
  override name = 'MissingGlyphs';
}

export interface DocumentMeta {
  title: string;
  subject: string;
  /** Also the ID's seed: the same document with the same data gives the same bytes. */
  fingerprint: unknown;
  issuedAt: Date;
}

/** A document being drawn, page by page, with the documents' font. */
export interface DocumentCanvas {
  doc: PDFDocument;
  /** The page being drawn on. */
  page: PDFPage;
  /** Starts another A4 page and draws on it from now on. */
  addPage(): void;
  /** Draws text, refusing any character the font cannot show rather than printing a box for it. */
  text(value: string, x: number, y: number, size: number, color?: typeof INK): void;
  width(value: string, size: number): number;
}

function canvasOf(doc: PDFDocument, font: PDFFont, glyphs: DocumentFont): DocumentCanvas {
  const canvas: DocumentCanvas = {
    doc,
    page: doc.addPage([A4.width, A4.height]),
    addPage() {
      canvas.page = doc.addPage([A4.width, A4.height]);
    },
    text(value, x, y, size, color = INK) {
      const missing = [...new Set(value)].filter((character) => !glyphs.covers(character));
      if (missing.length > 0)
        throw new MissingGlyphs(`The document font has no glyph for ${missing.join(' ')}`);
      canvas.page.drawText(value, { x, y, size, font, color });
    },
    width: glyphs.width,
  };
  return canvas;
}

function fileId(meta: DocumentMeta): PDFHexString {
  const digest = createHash('sha256')
    .update(JSON.stringify([meta.title, meta.fingerprint, meta.issuedAt.toISOString()]))
    .digest('hex')
    .slice(0, 32);
  return PDFHexString.of(digest);
}

/** A new A4 document, on its first page, with its metadata set, so nothing in it depends on when it is rendered. */
export async function newDocument(meta: DocumentMeta): Promise<DocumentCanvas> {
  const glyphs = await loadDocumentFont();
  const doc = await PDFDocument.create({ updateMetadata: false });
  // pdf-lib asks fontkit to parse the bytes it embeds: hand it the font already parsed.
  doc.registerFontkit({ ...fontkit, create: () => glyphs.parsed });
  const font = await doc.embedFont(glyphs.bytes, { subset: true, customName: FONT_NAME });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setLanguage('zh-CN');
  doc.setCreationDate(meta.issuedAt);
  doc.setModificationDate(meta.issuedAt);
  const id = fileId(meta);
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return canvasOf(doc, font, glyphs);
}

export const saved = (canvas: DocumentCanvas): Promise<Uint8Array> => canvas.doc.save();
