import { h } from 'preact';
import { opsReport } from '../api/endpoints';
import type { CaseSummary, SlaReport } from '../api/types';
import { formatDate, formatInstant, formatPercent } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { CompletionChart, PerDayChart } from '../ops/charts';
import { Link } from '../router';
import { Badge } from '../ui/badge';
import { ErrorNotice, Loading } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';

const SLA_STATES = ['on-track', 'at-risk', 'breached', 'met', 'missed'] as const;

/** The reform's five KPIs, SLA counts, the cases to chase, alarm states and two charts. */
export function OpsDashboardPage() {
  const { t, lang } = useLanguage();
  const resource = useResource(opsReport, [], { pollMs: 10_000 });
  const report = resource.data;
  return h(
    Page,
    {
      title: t.ops.title,
      lead: report ? h('p', null, t.ops.generatedAt(formatInstant(report.generatedAt, lang))) : null,
    },
    !report
      ? resource.error
        ? h(ErrorNotice, { error: resource.error, onRetry: resource.reload })
        : h(Loading, null)
      : [
          h(Kpis, { key: 'kpis', kpis: report.kpis, windowDays: report.window.days }),
          h(
            'section',
            { key: 'counts', class: 'panel', 'aria-labelledby': 'sla-counts' },
            h('h2', { id: 'sla-counts' }, t.ops.slaCounts),
            h('p', { class: 'field-hint' }, t.ops.countsHint(report.window.days)),
            h(
              'dl',
              { class: 'stat-row' },
              SLA_STATES.map((state) =>
                h(
                  'div',
                  { key: state, class: `stat stat-${state}` },
                  h('dt', null, t.status.sla[state]),
                  h('dd', null, String(report.counts[state] ?? 0)),
                ),
              ),
            ),
          ),
          h(
            'div',
            { key: 'lists', class: 'columns' },
            h(CaseList, { id: 'at-risk', title: t.ops.atRisk, cases: report.atRisk }),
            h(CaseList, { id: 'breached', title: t.ops.breached, cases: report.breached }),
            h(CaseList<FailedCase>, {
              id: 'failed',
              title: t.ops.failed,
              cases: report.failed.cases,
              count: report.failed.count,
              detail: ({ failure }) => t.ops.failedWith(failure.error, formatInstant(failure.at, lang)),
            }),
          ),
          h(
            'section',
            { key: 'charts', class: 'panel', 'aria-label': t.ops.perDay },
            h(PerDayChart, { perDay: report.charts.perDay }),
            h(CompletionChart, { completions: report.charts.completions }),
          ),
          h(Alarms, { key: 'alarms', alarms: report.alarms }),
        ],
  );
}

function Kpis(props: { kpis: SlaReport['kpis']; windowDays: number }) {
  const { t, lang } = useLanguage();
  const { kpis } = props;
  const percent = (value: number | null) =>
    value === null ? t.app.notAvailable : formatPercent(value, lang);
  const cards = [
    {
      key: 'timeToStatutoryLimit',
      value: percent(kpis.timeToStatutoryLimit.mean),
      note: [
        t.ops.target(`≤ ${formatPercent(kpis.timeToStatutoryLimit.target, lang)}`),
        kpis.timeToStatutoryLimit.withinTarget === null
          ? null
          : t.ops.withinTarget(percent(kpis.timeToStatutoryLimit.withinTarget)),
      ]
        .filter(Boolean)
        .join(' · '),
      good:
        kpis.timeToStatutoryLimit.mean === null
          ? undefined
          : kpis.timeToStatutoryLimit.mean <= kpis.timeToStatutoryLimit.target,
    },
    { key: 'onlineShare', value: percent(kpis.onlineShare) },
    { key: 'instantShare', value: percent(kpis.instantShare) },
    { key: 'atMostOneTripShare', value: percent(kpis.atMostOneTripShare) },
    { key: 'onTimeRate', value: percent(kpis.onTimeRate) },
  ] as const satisfies readonly {
    key: keyof typeof t.ops.kpi;
    value: string;
    note?: string;
    good?: boolean;
  }[];
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'kpi-title' },
    h('h2', { id: 'kpi-title' }, t.ops.kpis),
    h('p', { class: 'field-hint' }, t.ops.measured(kpis.casesMeasured, props.windowDays)),
    h(
      'ul',
      { class: 'kpis' },
      cards.map((card) =>
        h(
          'li',
          { key: card.key, class: 'kpi' },
          h('span', { class: 'kpi-label' }, t.ops.kpi[card.key]),
          h('strong', { class: 'kpi-value' }, card.value),
          'good' in card && card.good !== undefined
            ? h(Badge, {
                status: card.good ? 'met' : 'missed',
                label: card.good ? t.ops.onTarget : t.ops.offTarget,
              })
            : null,
          'note' in card ? h('span', { class: 'kpi-note' }, card.note) : null,
        ),
      ),
    ),
  );
}

type FailedCase = SlaReport['failed']['cases'][number];

function CaseList<Summary extends CaseSummary>(props: {
  id: string;
  title: string;
  cases: Summary[];
  /** All there are, when the list shows only the first of them. */
  count?: number;
  detail?: (summary: Summary) => string;
}) {
  const { t, lang } = useLanguage();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': `${props.id}-title` },
    h(
      'h2',
      { id: `${props.id}-title` },
      props.title,
      ' ',
      h('span', { class: 'count' }, `(${props.count ?? props.cases.length})`),
    ),
    props.cases.length === 0
      ? h('p', null, t.ops.noCases)
      : h(
          'ul',
          { class: 'plain-list' },
          props.cases.map((summary) =>
            h(
              'li',
              { key: summary.id },
              h(Link, { href: `/cases/${encodeURIComponent(summary.id)}` }, summary.companyName),
              ' ',
              h(Badge, { status: summary.status, label: t.status.case[summary.status] ?? summary.status }),
              h(
                'span',
                { class: 'field-hint' },
                ` ${props.detail ? props.detail(summary) : `${t.cases.deadline} ${formatDate(summary.sla.deadlineDate, lang)}`}`,
              ),
            ),
          ),
        ),
  );
}

function Alarms(props: { alarms: SlaReport['alarms'] }) {
  const { t } = useLanguage();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'alarms-title' },
    h('h2', { id: 'alarms-title' }, t.ops.alarms),
    h(
      'table',
      { class: 'table responsive-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t.ops.alarmName),
          h('th', { scope: 'col' }, t.ops.alarmState),
          h('th', { scope: 'col' }, t.ops.alarmReason),
        ),
      ),
      h(
        'tbody',
        null,
        props.alarms.map((alarm) =>
          h(
            'tr',
            { key: alarm.name },
            h(
              'th',
              { scope: 'row', 'data-label': t.ops.alarmName },
              h('span', { title: alarm.description }, alarm.name),
            ),
            h(
              'td',
              { 'data-label': t.ops.alarmState },
              h(Badge, { status: alarm.state, label: t.status.alarm[alarm.state] ?? alarm.state }),
            ),
            h('td', { 'data-label': t.ops.alarmReason }, alarm.reason),
          ),
        ),
      ),
    ),
  );
}
