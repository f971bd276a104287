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

/** A notice to the caller, as GET /api/notifications lists it (until h/notices declares its schema). */
export interface Notice {
  id: string;
  event: string;
  channel: 'app' | 'email' | 'sms';
  language: 'zh-CN' | 'en';
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  caseId: string;
  link: string;
  status: 'queued' | 'sent' | 'delivered' | 'bounced' | 'failed';
}

export interface NoticePage {
  items: Notice[];
  nextCursor: string | null;
  unread: number;
}

export interface Account {
  sub: string;
  language: 'zh-CN' | 'en';
  channels: ('sms' | 'email')[];
  email: string | null;
  mobile: string | null;
}

export interface AccountChoice {
  language: Account['language'];
  channels: Account['channels'];
  email?: string;
  mobile?: string;
}
