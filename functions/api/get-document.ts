import { itemsReached, mayActOnCase, officerDepartments } from '../../shared/api/caller';
import { cases } from '../../shared/data/cases';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { presignedGet } from '../../shared/files/presigned-get';
import { recordFileView, viewerIdentity } from '../../shared/files/record-view';
import { httpHandler } from './http-handler';

/** GET /api/applications/{id}/documents/{documentId} — a redirect to the PDF; each download is recorded. */
export const handler = httpHandler(ROUTES.getDocument, async ({ caller, params, now }) => {
  const record = await cases.get(params.id);
  const document = record?.documents?.find(({ id }) => id === params.documentId);
  if (!record || !document) throw notFound('Document', '文书');
  const party = mayActOnCase(caller, record);
  // The documents name people: the case's parties and its officers read them, ops only see them listed.
  if (!party && itemsReached(caller, record).length === 0) throw notFound('Document', '文书');
  // The file exists and may be read before the look is recorded.
  const location = await presignedGet('documents', document.key, document);
  await recordFileView({
    caseId: record.id,
    file: { kind: 'document', id: document.id, fileName: document.fileName },
    viewer: party
      ? viewerIdentity(caller, 'party')
      : viewerIdentity(caller, 'officer', officerDepartments(caller)),
    at: now.toISOString(),
  });
  return {
    status: 302,
    body: undefined,
    headers: { location },
  };
});
