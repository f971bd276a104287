import { ROUTES } from '../../shared/entry-points/routes';
import { readNotice } from '../../shared/notices/read-notice';
import { noticeView } from '../../shared/notices/views';
import { httpHandler } from './http-handler';

/** POST /api/notifications/{id}/read — idempotent: reading twice keeps the first time. */
export const handler = httpHandler(ROUTES.readNotification, async ({ caller, params, now }) => ({
  status: 200,
  body: noticeView(await readNotice(caller.sub, params.id, now)),
}));
