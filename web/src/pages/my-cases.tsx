import { useState } from 'preact/hooks';
import { listCases } from '../api/endpoints';
import type { CaseSummary } from '../api/types';
import { inCatalogueOrder, itemLabel } from '../catalogue/names';
import { formatDate, formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { Link } from '../router';
import { Badge } from '../ui/badge';
import { ErrorNotice, Pending } from '../ui/notices';
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

  return (
    <Page title={props.forAgent ? t.cases.agentTitle : t.cases.title}>
      <p>
        <Link href="/apply/bundle" class="button button-primary">
          {t.nav.apply}
        </Link>
      </p>
      {first.data === undefined ? (
        <Pending resource={first} />
      ) : cases.length === 0 ? (
        <p>{t.cases.empty}</p>
      ) : (
        <ul class="card-list">
          {cases.map((summary) => (
            <li key={summary.id} class="card case-card">
              <h2 class="card-title">
                <Link href={`/cases/${encodeURIComponent(summary.id)}`}>{summary.companyName}</Link>
              </h2>
              <p class="card-meta">
                <Badge status={summary.status} label={t.status.case[summary.status] ?? summary.status} />{' '}
                <Badge
                  status={summary.sla.state}
                  label={t.status.sla[summary.sla.state] ?? summary.sla.state}
                />
              </p>
              <dl class="facts">
                <div>
                  <dt>{t.cases.submittedAt}</dt>
                  <dd>{formatInstant(summary.submittedAt, lang)}</dd>
                </div>
                <div>
                  <dt>{t.cases.deadline}</dt>
                  <dd>{formatDate(summary.sla.deadlineDate, lang)}</dd>
                </div>
                {...inCatalogueOrder(Object.keys(summary.items)).map((item) => {
                  const status = summary.items[item] ?? 'pending';
                  return (
                    <div key={item}>
                      <dt>{itemLabel(item, lang)}</dt>
                      <dd>{t.status.item[status] ?? status}</dd>
                    </div>
                  );
                })}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {moreError ? <ErrorNotice error={moreError} /> : null}
      {cursor ? (
        <button type="button" class="button-secondary" onClick={loadMore} disabled={loadingMore}>
          {t.app.loadMore}
        </button>
      ) : null}
    </Page>
  );
}
