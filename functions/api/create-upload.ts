import { isAgent, isApplicant } from '../../shared/api/caller';
import { ROUTES } from '../../shared/entry-points/routes';
import { forbidden } from '../../shared/errors';
import { createUpload } from '../../shared/uploads/create-upload';
import { httpHandler } from './http-handler';

/** POST /api/uploads — a slot to send one file straight to storage; the caller owns the upload. */
export const handler = httpHandler(ROUTES.createUpload, async ({ caller, body, now }) => {
  if (!isApplicant(caller) && !isAgent(caller)) throw forbidden();
  const { record, upload } = await createUpload({ owner: caller.sub, declaration: body, now });
  return {
    status: 201,
    body: { id: record.id, status: record.status, upload },
    headers: { location: `/api/uploads/${record.id}` },
  };
});
