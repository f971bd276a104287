import { h } from 'preact';
import { getCase } from '../api/endpoints';
import { CorrectionNotice } from '../case/correction-notice';
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
import { ErrorNotice, Loading, SuccessNotice } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';

const CLOSED = new Set(['completed', 'rejected']);
const POLL_MS = 3000;

/** One case: status, SLA countdown, the three items, corrections, results and history, kept fresh while open. */
export function CasePage(props: { id: string; canAct: boolean }) {
  const { t, lang } = useLanguage();
  const query = useLocation().searchParams;
  const resource = useResource(() => getCase(props.id), [props.id], {
    pollMs: POLL_MS,
    keepPolling: (view) => !CLOSED.has(view.status),
  });
  const view = resource.data;
  if (!view) {
    return h(
      Page,
      { title: t.casePage.caseId },
      resource.error ? h(ErrorNotice, { error: resource.error, onRetry: resource.reload }) : h(Loading, null),
    );
  }
  const closed = CLOSED.has(view.status);
  return h(
    Page,
    {
      title: view.application.company.name.full,
      lead: h(
        'p',
        { class: 'case-status' },
        h(Badge, { status: view.status, label: t.status.case[view.status] ?? view.status }),
        closed ? null : h('span', { class: 'field-hint' }, ` ${t.casePage.refreshing}`),
      ),
    },
    query.has('submitted') && !closed ? h(SuccessNotice, null, t.apply.submittedNotice) : null,
    query.has('corrected') && !closed ? h(SuccessNotice, null, t.apply.resubmittedNotice) : null,
    view.failure ? h('div', { class: 'notice notice-error', role: 'alert' }, t.casePage.failure) : null,
    h(
      'dl',
      { class: 'facts case-facts' },
      h('div', null, h('dt', null, t.casePage.caseId), h('dd', null, h('code', null, view.id))),
      h(
        'div',
        null,
        h('dt', null, t.casePage.submittedAt),
        h('dd', null, formatInstant(view.submittedAt, lang)),
      ),
      view.closedAt
        ? h(
            'div',
            null,
            h('dt', null, t.casePage.closedAt),
            h('dd', null, formatInstant(view.closedAt, lang)),
          )
        : null,
      h(
        'div',
        null,
        h('dt', null, t.casePage.channel),
        h('dd', null, displayValue('channel', view.channel, t, lang)),
      ),
    ),
    h(CorrectionNotice, { caseView: view, canAct: props.canAct }),
    h(
      'div',
      { class: 'columns' },
      h(SlaPanel, { sla: view.sla, closed }),
      h(ItemProgress, { items: view.items }),
    ),
    h(Results, { caseView: view }),
    h(Timeline, { events: view.timeline }),
    h(
      'details',
      { class: 'panel' },
      h('summary', null, t.casePage.application),
      h(FormSummary, { form: view.application, headingLevel: 'h3' }),
    ),
  );
}
