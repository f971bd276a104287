/**
 * The platform's own limits on what an uploaded file may contain, beyond its size (docs/uploads.md, Checks).
 * No regulation sets them: they bound what a department's document viewer must render and what the
 * platform decodes, so a small file cannot expand into a huge one (a decompression bomb).
 */

/** A registration file is tens of pages; 300 leaves room for a long lease or articles with annexes. */
export const MAX_PDF_PAGES = 300;

/** 50 megapixels: a full-page A4 scan at 600 dpi is about 35 MP; decoded as RGBA it stays under 200 MB. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** 20,000 px per side: a long strip under the pixel limit would still be unreadable in a viewer. */
export const MAX_IMAGE_SIDE = 20_000;

/** How much inflated object-stream data the PDF page counter decodes before it gives up. */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;

/** How much of the file's start is kept to recognise its type and read image dimensions (a JPEG's SOF may follow large metadata). */
export const HEAD_BYTES = 512 * 1024;
