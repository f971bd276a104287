export { type DocumentOptions, NotIssued, verificationUrl } from './case-data';
export { MissingGlyphs } from './document-pdf';
export { type CaseDocument, documentsOf } from './documents-of';
export { type ELicenceData, renderELicence } from './e-licence';
export { DOCUMENT_FONT_FILES } from './font-files';
export { loadDocumentFont } from './fonts';
export { type InvoiceApprovalData, renderInvoiceApprovalNotice } from './invoice-approval-notice';
export { renderSealFilingCertificate, type SealFilingData } from './seal-filing-certificate';
