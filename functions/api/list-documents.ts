import { maySeeCase } from '../../shared/api/caller';
import { cases } from '../../shared/data/cases';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** GET /api/applications/{id}/documents — the e-licence and certificates the case was issued. */
export const handler = httpHandler(ROUTES.listDocuments, async ({ caller, params }) => {
  const record = await cases.get(params.id);
  if (!record || !maySeeCase(caller, record)) throw notFound('Application', '申请');
  return {
    status: 200,
    body: {
      items: (record.documents ?? []).map(({ id, kind, item, mediaType, fileName, issuedAt }) => ({
        id,
        kind,
        item,
        mediaType,
        fileName,
        issuedAt,
      })),
    },
  };
});
