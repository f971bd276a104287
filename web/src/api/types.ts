import type * as z from 'zod';
import type {
  accountRequestSchema,
  accountViewSchema,
  noticeListSchema,
  noticeViewSchema,
} from '../../../shared/api/notices';

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

/** The notices routes' answers and the account the app saves, typed by shared/api/notices.ts. */
export type Notice = z.infer<typeof noticeViewSchema>;
export type NoticePage = z.infer<typeof noticeListSchema>;
export type Account = z.infer<typeof accountViewSchema>;
export type AccountChoice = z.input<typeof accountRequestSchema>;
