import { itemsReached, mayActOnCase } from '../../shared/api/caller';
import { materialTypesOf } from '../../shared/api/form-view';
import { cases } from '../../shared/data/cases';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { handOutFile } from '../../shared/files/hand-out-file';
import { httpHandler } from './http-handler';

/**
 * GET /api/applications/{id}/materials/{uploadId} — a redirect to the file, for the case's founder and
 * agent and for the officers whose item needs that kind of material; each view is recorded first.
 */
export const handler = httpHandler(ROUTES.getMaterial, async ({ caller, params, now }) => {
  const record = await cases.get(params.id);
  const material = record?.form.materials.find(({ uploadId }) => uploadId === params.uploadId);
  const file = record?.files?.[params.uploadId];
  if (!record || !material || !file) throw notFound('Material', '材料');
  const party = mayActOnCase(caller, record);
  const items = itemsReached(caller, record);
  if (!party && !materialTypesOf(items).has(material.type)) throw notFound('Material', '材料');
  return handOutFile({
    caller,
    party,
    caseId: record.id,
    bucket: 'uploads',
    stored: file,
    file: { kind: 'material', id: file.uploadId, fileName: file.fileName },
    at: now,
  });
});
