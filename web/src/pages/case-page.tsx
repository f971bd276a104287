import { getCase } from '../api/endpoints';
import { CorrectionNotice } from '../case/correction-notice';
import { Documents } from '../case/documents';
import { Inspection } from '../case/inspection';
import { ItemProgress } from '../case/item-progress';
import { Results } from '../case/results';
import { SlaPanel } from '../case/sla-panel';
import { Timeline } from '../case/timeline';
import { displayValue } from '../form/display-value';
import { FormSummary } from '../form/form-summary';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { useLocation } from '../router';
import { Badge } from '../ui/badge';
import { Pending, SuccessNotice } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';

const CLOSED = new Set(['completed', 'rejected']);
const POLL_MS = 3000;

/** One case: status, SLA countdown, its items, the joint inspection, corrections, results and history, kept fresh while open. */
export function CasePage(props: { id: string; canAct: boolean }) {
  const { t, lang } = useLanguage();
  const query = useLocation().searchParams;
  const resource = useResource(() => getCase(props.id), [props.id], {
    pollMs: POLL_MS,
    keepPolling: (view) => !CLOSED.has(view.status),
  });
  const view = resource.data;
  if (!view) {
    return (
      <Page title={t.casePage.caseId}>
        <Pending resource={resource} />
      </Page>
    );
  }
  const closed = CLOSED.has(view.status);
  return (
    <Page
      title={view.application.company.name.full}
      lead={
        <p class="case-status">
          <Badge status={view.status} label={t.status.case[view.status] ?? view.status} />
          {closed ? null : <span class="field-hint">{` ${t.casePage.refreshing}`}</span>}
        </p>
      }
    >
      {query.has('submitted') && !closed ? <SuccessNotice>{t.apply.submittedNotice}</SuccessNotice> : null}
      {query.has('corrected') && !closed ? <SuccessNotice>{t.apply.resubmittedNotice}</SuccessNotice> : null}
      {view.failure ? (
        <div class="notice notice-error" role="alert">
          {t.casePage.failure}
        </div>
      ) : null}
      <dl class="facts case-facts">
        <div>
          <dt>{t.casePage.caseId}</dt>
          <dd>
            <code>{view.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t.casePage.bundle}</dt>
          <dd>{view.bundle.name[lang]}</dd>
        </div>
        <div>
          <dt>{t.casePage.submittedAt}</dt>
          <dd>{formatInstant(view.submittedAt, lang)}</dd>
        </div>
        {view.closedAt ? (
          <div>
            <dt>{t.casePage.closedAt}</dt>
            <dd>{formatInstant(view.closedAt, lang)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.casePage.channel}</dt>
          <dd>{displayValue('channel', view.channel, t, lang)}</dd>
        </div>
      </dl>
      <CorrectionNotice caseView={view} canAct={props.canAct} />
      <div class="columns">
        <SlaPanel sla={view.sla} closed={closed} />
        <ItemProgress items={view.items} />
      </div>
      <Inspection inspection={view.inspection} trips={view.trips} />
      <Results caseView={view} />
      {view.status === 'completed' ? <Documents caseId={view.id} /> : null}
      {view.inspection ? null : <p class="field-hint">{t.casePage.trips(view.trips)}</p>}
      <Timeline events={view.timeline} />
      <details class="panel">
        <summary>{t.casePage.application}</summary>
        <FormSummary form={view.application} headingLevel="h3" />
      </details>
    </Page>
  );
}
