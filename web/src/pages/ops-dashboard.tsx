import { opsReport } from '../api/endpoints';
import type { CaseSummary, SlaReport } from '../api/types';
import { formatDate, formatInstant, formatPercent } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { CompletionChart, PerDayChart } from '../ops/charts';
import { KpisByBundle, KpisByItem } from '../ops/kpi-tables';
import { Link } from '../router';
import { Badge } from '../ui/badge';
import { Pending } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';

const SLA_STATES = ['on-track', 'at-risk', 'breached', 'met', 'missed'] as const;

/** The reform's five KPIs, SLA counts, the cases to chase, alarm states and two charts. */
export function OpsDashboardPage() {
  const { t, lang } = useLanguage();
  const resource = useResource(opsReport, [], { pollMs: 10_000 });
  const report = resource.data;
  return (
    <Page
      title={t.ops.title}
      lead={report ? <p>{t.ops.generatedAt(formatInstant(report.generatedAt, lang))}</p> : null}
    >
      {!report ? (
        <Pending resource={resource} />
      ) : (
        [
          <Kpis key="kpis" kpis={report.kpis} windowDays={report.window.days} />,
          <KpisByBundle key="by-bundle" rows={report.kpisByBundle} />,
          <KpisByItem key="by-item" rows={report.kpisByItem} />,
          <section key="counts" class="panel" aria-labelledby="sla-counts">
            <h2 id="sla-counts">{t.ops.slaCounts}</h2>
            <p class="field-hint">{t.ops.countsHint(report.window.days)}</p>
            <dl class="stat-row">
              {SLA_STATES.map((state) => (
                <div key={state} class={`stat stat-${state}`}>
                  <dt>{t.status.sla[state]}</dt>
                  <dd>{String(report.counts[state] ?? 0)}</dd>
                </div>
              ))}
            </dl>
          </section>,
          <div key="lists" class="columns">
            <CaseList id="at-risk" title={t.ops.atRisk} cases={report.atRisk} />
            <CaseList id="breached" title={t.ops.breached} cases={report.breached} />
            <CaseList<FailedCase>
              id="failed"
              title={t.ops.failed}
              cases={report.failed.cases}
              count={report.failed.count}
              detail={({ failure }) => t.ops.failedWith(failure.error, formatInstant(failure.at, lang))}
            />
          </div>,
          <section key="charts" class="panel" aria-label={t.ops.perDay}>
            <PerDayChart perDay={report.charts.perDay} />
            <CompletionChart completions={report.charts.completions} />
          </section>,
          <Alarms key="alarms" alarms={report.alarms} />,
        ]
      )}
    </Page>
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
  return (
    <section class="panel" aria-labelledby="kpi-title">
      <h2 id="kpi-title">{t.ops.kpis}</h2>
      <p class="field-hint">{t.ops.measured(kpis.casesMeasured, props.windowDays)}</p>
      <ul class="kpis">
        {cards.map((card) => (
          <li key={card.key} class="kpi">
            <span class="kpi-label">{t.ops.kpi[card.key]}</span>
            <strong class="kpi-value">{card.value}</strong>
            {'good' in card && card.good !== undefined ? (
              <Badge
                status={card.good ? 'met' : 'missed'}
                label={card.good ? t.ops.onTarget : t.ops.offTarget}
              />
            ) : null}
            {'note' in card ? <span class="kpi-note">{card.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
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
  return (
    <section class="panel" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>
        {props.title} <span class="count">{`(${props.count ?? props.cases.length})`}</span>
      </h2>
      {props.cases.length === 0 ? (
        <p>{t.ops.noCases}</p>
      ) : (
        <ul class="plain-list">
          {props.cases.map((summary) => (
            <li key={summary.id}>
              <Link href={`/cases/${encodeURIComponent(summary.id)}`}>{summary.companyName}</Link>{' '}
              <Badge status={summary.status} label={t.status.case[summary.status] ?? summary.status} />
              <span class="field-hint">
                {` ${
                  props.detail
                    ? props.detail(summary)
                    : `${t.cases.deadline} ${formatDate(summary.sla.deadlineDate, lang)}`
                }`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Alarms(props: { alarms: SlaReport['alarms'] }) {
  const { t } = useLanguage();
  return (
    <section class="panel" aria-labelledby="alarms-title">
      <h2 id="alarms-title">{t.ops.alarms}</h2>
      <table class="table responsive-table">
        <thead>
          <tr>
            <th scope="col">{t.ops.alarmName}</th>
            <th scope="col">{t.ops.alarmState}</th>
            <th scope="col">{t.ops.alarmReason}</th>
          </tr>
        </thead>
        <tbody>
          {props.alarms.map((alarm) => (
            <tr key={alarm.name}>
              <th scope="row" data-label={t.ops.alarmName}>
                <span title={alarm.description}>{alarm.name}</span>
              </th>
              <td data-label={t.ops.alarmState}>
                <Badge status={alarm.state} label={t.status.alarm[alarm.state] ?? alarm.state} />
              </td>
              <td data-label={t.ops.alarmReason}>{alarm.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
