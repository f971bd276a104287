import { h } from 'preact';
import { useState } from 'preact/hooks';
import { ITEMS } from '../../../shared/case/items';
import { listCases } from '../api/endpoints';
import type { CaseSummary } from '../api/types';
import { formatDate, formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { Link } from '../router';
import { Badge } from '../ui/badge';
import { ErrorNotice, Loading } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';

/** The caller's cases, newest first; more pages on request. */
export function MyCasesPage(props: { forAgent: boolean }) {
  const { t, lang } = useLanguage();
  const first = useResource(() => listCases(), [], { pollMs: 10_000 });
  const [more, setMore] = useState<{ items: CaseSummary[]; cursor: string | null } | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(undefined);
  const cases = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (first.data?.nextCursor ?? null);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await listCases(cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return h(
    Page,
    { title: props.forAgent ? t.cases.agentTitle : t.cases.title },
    h('p', null, h(Link, { href: '/apply/company', class: 'button button-primary' }, t.nav.apply)),
    first.data === undefined
      ? first.error
        ? h(ErrorNotice, { error: first.error, onRetry: first.reload })
        : h(Loading, null)
      : cases.length === 0
        ? h('p', null, t.cases.empty)
        : h(
            'ul',
            { class: 'card-list' },
            cases.map((summary) =>
              h(
                'li',
                { key: summary.id, class: 'card case-card' },
                h(
                  'h2',
                  { class: 'card-title' },
                  h(Link, { href: `/cases/${encodeURIComponent(summary.id)}` }, summary.companyName),
                ),
                h(
                  'p',
                  { class: 'card-meta' },
                  h(Badge, {
                    status: summary.status,
                    label: t.status.case[summary.status] ?? summary.status,
                  }),
                  ' ',
                  h(Badge, {
                    status: summary.sla.state,
                    label: t.status.sla[summary.sla.state] ?? summary.sla.state,
                  }),
                ),
                h(
                  'dl',
                  { class: 'facts' },
                  h(
                    'div',
                    null,
                    h('dt', null, t.cases.submittedAt),
                    h('dd', null, formatInstant(summary.submittedAt, lang)),
                  ),
                  h(
                    'div',
                    null,
                    h('dt', null, t.cases.deadline),
                    h('dd', null, formatDate(summary.sla.deadlineDate, lang)),
                  ),
                  ...ITEMS.map((item) =>
                    h(
                      'div',
                      { key: item },
                      h('dt', null, t.items[item]),
                      h('dd', null, t.status.item[summary.items[item]] ?? summary.items[item]),
                    ),
                  ),
                ),
              ),
            ),
          ),
    moreError ? h(ErrorNotice, { error: moreError }) : null,
    cursor
      ? h(
          'button',
          { type: 'button', class: 'button-secondary', onClick: loadMore, disabled: loadingMore },
          t.app.loadMore,
        )
      : null,
  );
}
