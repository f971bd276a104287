import { MAX_PDF_PAGES } from './limits';
import { countPdfPages } from './pdf-page-count';
import { pdfEncrypted, pdfUnreadable, type Rejection, tooManyPages } from './rejections';

export function checkPdf(bytes: Uint8Array): Rejection | undefined {
  const counted = countPdfPages(bytes);
  if ('unreadable' in counted) return counted.unreadable === 'encrypted' ? pdfEncrypted() : pdfUnreadable();
  return counted.pages > MAX_PDF_PAGES ? tooManyPages(counted.pages) : undefined;
}
