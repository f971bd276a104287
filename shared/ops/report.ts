import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { caseSummary } from '../api/views';
import type { SlaState } from '../calendar';
import { localDate } from '../calendar';
import { CATALOGUE } from '../catalogue';
import { DEFAULT_BUNDLE } from '../catalogue/case-plan';
import { cases } from '../data/cases';
import { closedCases } from '../data/closed-cases';
import type { CaseListing } from '../data/listings';
import { REFORM_TARGET_RATIO } from '../sla/config';
import { ALARM_NAME_PREFIX } from './alarms';
import type { ClosedCase } from './closed-case';

const cloudWatch = new CloudWatchClient({});

const OPEN_SLA_STATES = ['on-track', 'at-risk', 'breached'] as const satisfies readonly SlaState[];
const LISTED = 50;
const DAY_MS = 86_400_000;
/** KPIs and the met/missed counts cover the cases closed in this many days up to the report. */
export const KPI_WINDOW_DAYS = 30;
const CHART_DAYS = 14;
/** The time-to-complete chart shows the latest completions, one bar each. */
const COMPLETIONS_SHOWN = 30;

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * The reform's five targets, measured on closed cases: processing time ÷ statutory limit (target ≤ 50%),
 * share of items filed online, share handled instantly, share of cases with at most one trip, and
 * the on-time rate against the 3-working-day SLA.
 */
/** The items' time ÷ statutory limit, over those that have a limit: mean, and share within the target. */
function limitRatios(items: readonly ClosedCase['items'][number][]) {
  const ratios = items.flatMap((item) => (item.ratio === undefined ? [] : [item.ratio]));
  return {
    mean: ratios.length === 0 ? null : ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length,
    withinTarget: share(ratios.filter((ratio) => ratio <= REFORM_TARGET_RATIO.ratio).length, ratios.length),
  };
}

const bundleOfCase = (entry: ClosedCase) => entry.bundle ?? DEFAULT_BUNDLE;

export function reformKpis(closed: ClosedCase[]) {
  const completed = closed.filter((entry) => entry.status === 'completed');
  const items = completed.flatMap((entry) => entry.items.map((item) => ({ ...item, online: entry.online })));
  const { mean, withinTarget } = limitRatios(items);
  return {
    casesMeasured: completed.length,
    timeToStatutoryLimit: { mean, target: REFORM_TARGET_RATIO.ratio, withinTarget },
    onlineShare: share(items.filter((item) => item.online).length, items.length),
    instantShare: share(items.filter((item) => item.instant).length, items.length),
    atMostOneTripShare: share(completed.filter((entry) => entry.trips <= 1).length, completed.length),
    onTimeRate: share(closed.filter((entry) => entry.sla === 'met').length, closed.length),
  };
}

/** The KPIs of each bundle that closed cases in the window, in catalogue order. */
export function kpisByBundle(closed: ClosedCase[]) {
  return CATALOGUE.bundles.flatMap((bundle) => {
    const of = closed.filter((entry) => bundleOfCase(entry) === bundle.id);
    return of.length === 0 ? [] : [{ bundle: bundle.id, ...reformKpis(of) }];
  });
}

/**
 * Each item decided on the completed cases of the window: how many, its mean time ÷ statutory limit
 * (null where the catalogue has no limit in working days) and the share handled instantly.
 */
export function kpisByItem(closed: ClosedCase[]) {
  const decided = closed.filter((entry) => entry.status === 'completed').flatMap((entry) => entry.items);
  return CATALOGUE.items.flatMap(({ id, department }) => {
    const of = decided.filter((entry) => entry.item === id);
    if (of.length === 0) return [];
    const { mean, withinTarget } = limitRatios(of);
    return [
      {
        item: id,
        department,
        decided: of.length,
        meanRatio: mean,
        withinTarget,
        instantShare: share(of.filter((entry) => entry.instant).length, of.length),
      },
    ];
  });
}

/**
 * Cases submitted and completed per day, and the latest completed cases' time against their limit.
 * `otherSubmissions`: when each case not yet closed was submitted.
 */
export function charts(closed: ClosedCase[], otherSubmissions: string[], now: Date, days = CHART_DAYS) {
  const dates = Array.from({ length: days }, (_, index) =>
    localDate(new Date(now.getTime() - (days - 1 - index) * DAY_MS)),
  );
  const submittedOn = new Map<string, number>();
  const completedOn = new Map<string, number>();
  const count = (counts: Map<string, number>, instant: string) => {
    const date = localDate(instant);
    counts.set(date, (counts.get(date) ?? 0) + 1);
  };
  for (const submittedAt of otherSubmissions) count(submittedOn, submittedAt);
  for (const entry of closed) {
    count(submittedOn, entry.submittedAt);
    if (entry.status === 'completed') count(completedOn, entry.closedAt);
  }
  return {
    perDay: dates.map((date) => ({
      date,
      submitted: submittedOn.get(date) ?? 0,
      completed: completedOn.get(date) ?? 0,
    })),
    completions: closed
      .filter((entry) => entry.status === 'completed')
      .slice(-COMPLETIONS_SHOWN)
      .map(({ id, closedAt, workingDays, limitWorkingDays }) => ({
        id,
        closedAt,
        workingDays,
        limitWorkingDays,
      })),
  };
}

export async function alarmStates() {
  const { MetricAlarms = [] } = await cloudWatch.send(
    new DescribeAlarmsCommand({ AlarmNamePrefix: ALARM_NAME_PREFIX }),
  );
  return MetricAlarms.map((alarm) => ({
    name: alarm.AlarmName ?? '',
    state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
    reason: alarm.StateReason ?? '',
    description: alarm.AlarmDescription ?? '',
    updatedAt: alarm.StateUpdatedTimestamp?.toISOString() ?? null,
  }));
}

/** A case the workflow failed on, with what failed and when: what ops need to take it up. */
function failedCaseSummary(listing: CaseListing, now: Date) {
  return {
    ...caseSummary(listing, now),
    failure: { error: listing.failureSummary?.error ?? '', at: listing.failureSummary?.at ?? '' },
  };
}

/**
 * The ops board: open cases by SLA state (all of them: what is in flight), the at-risk and breached
 * ones to chase, the ones the workflow failed on, and — from the KPI facts of the cases closed in the last KPI_WINDOW_DAYS — the met and
 * missed counts, the reform's KPIs and the charts. Its cost follows the cases in flight and the window,
 * never the number of cases the district has ever closed.
 */
export async function slaReport(now: Date) {
  const windowStart = new Date(now.getTime() - KPI_WINDOW_DAYS * DAY_MS);
  const [open, atRisk, breached, failed, failedSubmissions, closed, alarms] = await Promise.all([
    Promise.all(
      OPEN_SLA_STATES.map(async (state) => [state, await cases.submissionTimesBySla(state)] as const),
    ),
    cases.listBySla('at-risk', LISTED),
    cases.listBySla('breached', LISTED),
    cases.listBySla('failed', LISTED),
    // Every failed case there is: few, and each one waits for ops.
    cases.submissionTimesBySla('failed'),
    closedCases.between(windowStart, now),
    alarmStates(),
  ]);
  const counts: Record<SlaState, number> = {
    'on-track': 0,
    'at-risk': 0,
    breached: 0,
    met: closed.filter((entry) => entry.sla === 'met').length,
    missed: closed.filter((entry) => entry.sla === 'missed').length,
  };
  for (const [state, submissions] of open) counts[state] = submissions.length;
  return {
    generatedAt: now.toISOString(),
    window: { days: KPI_WINDOW_DAYS, from: windowStart.toISOString() },
    counts,
    atRisk: atRisk.map((record) => caseSummary(record, now)),
    breached: breached.map((record) => caseSummary(record, now)),
    failed: {
      count: failedSubmissions.length,
      cases: failed.map((record) => failedCaseSummary(record, now)),
    },
    kpis: reformKpis(closed),
    kpisByBundle: kpisByBundle(closed),
    kpisByItem: kpisByItem(closed),
    charts: charts(closed, [...open.flatMap(([, submissions]) => submissions), ...failedSubmissions], now),
    alarms,
  };
}
