/** The JSON the API answers, typed by the schemas that declare it on the server. */

export type {
  DocumentView as IssuedDocument,
  UploadCreated as UploadTicket,
  UploadStatusView as UploadStatus,
  Verification as VerifiedCompany,
} from '../../../shared/api/files';
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

/** A material of the case as an officer's task lists it: one its item reads, with the file it names. */
export interface TaskMaterial {
  type: string;
  uploadId: string;
  fileName: string;
  mediaType: string;
  sizeBytes?: number;
}

export type DocumentKind = 'e-licence' | 'seal-filing-certificate' | 'invoice-approval-notice';
