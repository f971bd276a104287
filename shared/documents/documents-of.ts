import { catalogueItem, type Item, isItem, itemsOf } from '../case/items';
import type { CaseRecord } from '../case/model';
import type { DocumentKind } from '../catalogue/document';
import { type DocumentOptions, eLicenceData, invoiceApprovalData, sealFilingData } from './case-data';
import { renderELicence } from './e-licence';
import { renderInvoiceApprovalNotice } from './invoice-approval-notice';
import { renderSealFilingCertificate } from './seal-filing-certificate';

export interface CaseDocument {
  /** The kind: a case has at most one document of each (the catalogue checks that one item issues it). */
  id: DocumentKind;
  kind: DocumentKind;
  item: Item;
  fileName: string;
  mediaType: 'application/pdf';
  render(): Promise<Uint8Array>;
}

interface Prepared {
  uscc: string;
  render(): Promise<Uint8Array>;
}

/** How each kind is built: its data read from the case now, so a case missing a result fails here. */
const PREPARE: Record<DocumentKind, (record: CaseRecord, options: DocumentOptions) => Prepared> = {
  'e-licence': (record, options) => {
    const data = eLicenceData(record, options);
    return { uscc: data.uscc, render: () => renderELicence(data) };
  },
  'seal-filing-certificate': (record, options) => {
    const data = sealFilingData(record, options);
    return { uscc: data.uscc, render: () => renderSealFilingCertificate(data) };
  },
  'invoice-approval-notice': (record, options) => {
    const data = invoiceApprovalData(record, options);
    return { uscc: data.uscc, render: () => renderInvoiceApprovalNotice(data) };
  },
};

/**
 * The documents a completed case gets: those the catalogue declares for each item the case ran and
 * approved. A case not completed (in review, rejected) gets none. An item the catalogue no longer has
 * issues nothing new.
 */
export function documentsOf(record: CaseRecord, options: DocumentOptions): CaseDocument[] {
  if (record.status !== 'completed') return [];
  return itemsOf(record)
    .filter((item) => record.items[item]?.status === 'approved')
    .flatMap((item) =>
      (isItem(item) ? catalogueItem(item).documents : []).map(({ kind }): CaseDocument => {
        const { uscc, render } = PREPARE[kind](record, options);
        return {
          id: kind,
          kind,
          item,
          fileName: `${kind}-${uscc}.pdf`,
          mediaType: 'application/pdf',
          render,
        };
      }),
    );
}
