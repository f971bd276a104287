import { notices } from '../../shared/data/notices';
import { ROUTES } from '../../shared/entry-points/routes';
import { noticeView } from '../../shared/notices/views';
import { httpHandler } from './http-handler';

/** GET /api/notifications — the caller's own notices, newest first, and how many app notices are unread. */
export const handler = httpHandler(ROUTES.listNotifications, async ({ caller, query }) => {
  const [page, unread] = await Promise.all([
    notices.list(caller.sub, query.limit, query.cursor, query.channel),
    notices.unreadCount(caller.sub),
  ]);
  return {
    status: 200,
    body: { items: page.items.map(noticeView), nextCursor: page.nextCursor, unread },
  };
});
