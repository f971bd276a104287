/** The JSON the API answers, typed by the schemas that declare it on the server. */
export type {
  CaseSummary,
  CaseView,
  ItemView,
  SlaReport,
  TaskDetail,
  TaskView,
} from '../../../shared/api/responses';
export type { Outcome } from '../../../shared/case/model';
export type { Page } from '../../../shared/data/pages';

/**
 * The answers of the document routes (issue 17's contract): uploads, a case's documents, a task's
 * materials and the public verification.
 */
export interface UploadTicket {
  id: string;
  status: 'pending';
  /** A presigned S3 POST: every field, then the file last. */
  upload: { url: string; fields: Record<string, string> };
}

export interface UploadStatus {
  id: string;
  status: 'pending' | 'clean' | 'rejected' | 'infected';
  reason?: { en: string; zh: string };
}

/** A material of the case as an officer's task lists it: the ones the task's item reads. */
export interface TaskMaterial {
  type: string;
  uploadId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export type DocumentKind = 'e-licence' | 'seal-filing-certificate' | 'invoice-approval-notice';

export interface IssuedDocument {
  id: string;
  kind: DocumentKind;
  item: string;
  mediaType: string;
  fileName: string;
  issuedAt: string;
}

export interface VerifiedCompany {
  uscc: string;
  companyName: string;
  status: string;
  establishedOn: string;
  issuedBy: string;
}
