import type { Department } from '../../../shared/case/items';
import type { UploadDeclaration } from '../../../shared/uploads/declaration';
import { api } from './client';
import type {
  CaseSummary,
  CaseView,
  IssuedDocument,
  Outcome,
  Page,
  SlaReport,
  TaskDetail,
  TaskView,
  UploadStatus,
  UploadTicket,
  VerifiedCompany,
} from './types';

/** The routes of functions/api/routes.ts the web app calls. */

const cursorQuery = (cursor: string | undefined, extra: Record<string, string> = {}) => {
  const query = new URLSearchParams(extra);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `?${text}` : '';
};

export const listCases = (cursor?: string) =>
  api<Page<CaseSummary>>('GET', `/api/applications${cursorQuery(cursor)}`);

export const getCase = (id: string) => api<CaseView>('GET', `/api/applications/${encodeURIComponent(id)}`);

export function submitApplication(application: unknown, idempotencyKey: string, onBehalfOf?: string) {
  const headers: Record<string, string> = { 'idempotency-key': idempotencyKey };
  if (onBehalfOf) headers['on-behalf-of'] = onBehalfOf;
  return api<CaseView>('POST', '/api/applications', { body: application, headers });
}

export const answerCorrections = (id: string, application: unknown, note?: string) =>
  api<CaseView>('POST', `/api/applications/${encodeURIComponent(id)}/corrections`, {
    body: note ? { application, note } : { application },
  });

export const listTasks = (department: Department, status: 'open' | 'closed', cursor?: string) =>
  api<Page<TaskView>>('GET', `/api/departments/${department}/tasks${cursorQuery(cursor, { status })}`);

export const getTask = (taskId: string) => api<TaskDetail>('GET', `/api/tasks/${encodeURIComponent(taskId)}`);

export const decideTask = (
  taskId: string,
  decision: { outcome: Outcome; reasons: { path: string; message: string }[]; note?: string },
) => api<{ task: TaskView }>('POST', `/api/tasks/${encodeURIComponent(taskId)}/decision`, { body: decision });

export const opsReport = () => api<SlaReport>('GET', '/api/ops/sla');

export const declareUpload = (declaration: UploadDeclaration) =>
  api<UploadTicket>('POST', '/api/uploads', { body: declaration });

export const uploadStatus = (id: string) =>
  api<UploadStatus>('GET', `/api/uploads/${encodeURIComponent(id)}`);

export const listDocuments = (id: string) =>
  api<{ items: IssuedDocument[] }>('GET', `/api/applications/${encodeURIComponent(id)}/documents`);

/** The file routes answer a redirect to storage; the file itself is read by web/src/documents/stored-file.ts. */
export const materialPath = (id: string, uploadId: string) =>
  `/api/applications/${encodeURIComponent(id)}/materials/${encodeURIComponent(uploadId)}`;

export const documentPath = (id: string, documentId: string) =>
  `/api/applications/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}`;

/** Public: sent without the session's token, so it reads the same signed in or not. */
export const verifyCompany = (uscc: string) =>
  api<VerifiedCompany>('GET', `/api/verify/${encodeURIComponent(uscc)}`, { anonymous: true });
