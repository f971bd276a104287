import { uploads } from '../../shared/data/uploads';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { isExpired } from '../../shared/uploads/status';
import { httpHandler } from './http-handler';

/** GET /api/uploads/{id} — whether the file was checked clean; only its owner may ask. */
export const handler = httpHandler(ROUTES.getUpload, async ({ caller, params, now }) => {
  const record = await uploads.get(params.id);
  if (!record || record.owner !== caller.sub || isExpired(record, now)) throw notFound('Upload', '上传');
  return {
    status: 200,
    body: { id: record.id, status: record.status, ...(record.reason ? { reason: record.reason } : {}) },
  };
});
