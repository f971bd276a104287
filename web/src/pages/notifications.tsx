import { useEffect, useState } from 'preact/hooks';
import { listNotifications, markNoticeRead } from '../api/endpoints';
import type { Notice } from '../api/types';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { noticePath } from '../notices/notice-path';
import { NoticePreferences } from '../notices/preferences-form';
import { noticeRead, setUnreadCount } from '../notices/unread';
import { navigate } from '../router';
import { Badge } from '../ui/badge';
import { ErrorNotice, Pending } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';

/** The message centre: the caller's in-app notices, newest first, and how else they are notified. */
export function NotificationsPage(props: { founder: boolean }) {
  const { t } = useLanguage();
  const first = useResource(() => listNotifications({ channel: 'app' }), [], { pollMs: 30_000 });
  const [more, setMore] = useState<{ items: Notice[]; cursor: string | null } | undefined>(undefined);
  const [moreError, setMoreError] = useState<unknown>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const notices = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (first.data?.nextCursor ?? null);

  useEffect(() => {
    if (first.data) setUnreadCount(first.data.unread);
  }, [first.data]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await listNotifications({ channel: 'app', cursor });
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title={t.notices.title} lead={<p>{t.notices.intro}</p>}>
      <section aria-labelledby="notices-list">
        <h2 id="notices-list">{t.notices.list}</h2>
        {first.data === undefined ? (
          <Pending resource={first} />
        ) : notices.length === 0 ? (
          <p>{t.notices.empty}</p>
        ) : (
          <ul class="card-list">
            {notices.map((notice) => (
              <NoticeCard key={notice.id} notice={notice} />
            ))}
          </ul>
        )}
        {moreError ? <ErrorNotice error={moreError} /> : null}
        {cursor ? (
          <button type="button" class="button-secondary" onClick={loadMore} disabled={loadingMore}>
            {t.app.loadMore}
          </button>
        ) : null}
      </section>
      <NoticePreferences founder={props.founder} />
    </Page>
  );
}

function NoticeCard(props: { notice: Notice }) {
  const { t, lang } = useLanguage();
  const { notice } = props;
  const unread = notice.readAt === null;
  const path = noticePath(notice.link);
  const open = async (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    if (unread) {
      // The page it is about opens even when marking fails; the badge then keeps counting it.
      await markNoticeRead(notice.id).then(noticeRead, () => undefined);
    }
    navigate(path);
  };
  return (
    <li class={`card notice-card${unread ? ' notice-unread' : ''}`}>
      <h3 class="card-title">
        <a href={path} onClick={open}>
          {notice.subject}
        </a>
      </h3>
      <p class="card-meta">
        {unread ? <Badge status="unread" label={t.notices.unreadMark} /> : null}
        <time dateTime={notice.createdAt}>{t.notices.receivedAt(formatInstant(notice.createdAt, lang))}</time>
      </p>
      <p class="notice-body">{notice.body}</p>
    </li>
  );
}
