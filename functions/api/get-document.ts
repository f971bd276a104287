import { itemsReached, mayActOnCase } from '../../shared/api/caller';
import { cases } from '../../shared/data/cases';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { handOutFile } from '../../shared/files/hand-out-file';
import { httpHandler } from './http-handler';

/** GET /api/applications/{id}/documents/{documentId} — a redirect to the PDF; each download is recorded. */
export const handler = httpHandler(ROUTES.getDocument, async ({ caller, params, now }) => {
  const record = await cases.get(params.id);
  const document = record?.documents?.find(({ id }) => id === params.documentId);
  if (!record || !document) throw notFound('Document', '文书');
  const party = mayActOnCase(caller, record);
  // The documents name people: the case's parties and its officers read them, ops only see them listed.
  if (!party && itemsReached(caller, record).length === 0) throw notFound('Document', '文书');
  return handOutFile({
    caller,
    party,
    caseId: record.id,
    bucket: 'documents',
    stored: document,
    file: { kind: 'document', id: document.id, fileName: document.fileName },
    at: now,
  });
});
