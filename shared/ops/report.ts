import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { caseSummary } from '../api/views';
import type { SlaState } from '../calendar';
import { localDate, workingTimeBetween } from '../calendar';
import { ITEMS } from '../case/items';
import type { CaseRecord } from '../case/model';
import { cases } from '../data/cases';
import { REFORM_TARGET_RATIO, STATUTORY_LIMITS } from '../sla/config';
import { ALARM_NAME_PREFIX } from './alarms';

const cloudWatch = new CloudWatchClient({});

const SLA_STATES: SlaState[] = ['on-track', 'at-risk', 'breached', 'met', 'missed'];
const LISTED = 50;
const DAY_MS = 86_400_000;

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * The reform's five targets, measured on closed cases: processing time ÷ statutory limit (target ≤ 50%),
 * share of items filed online, share handled instantly, share of cases with at most one trip, and
 * the on-time rate against the 3-working-day SLA.
 */
export function reformKpis(closed: CaseRecord[]) {
  const completed = closed.filter((record) => record.status === 'completed');
  const items = completed.flatMap((record) =>
    ITEMS.map((item) => ({ record, item, state: record.items[item] })),
  );
  const ratios = items.map(({ record, item, state }) => {
    const workingMs = workingTimeBetween(
      state.startedAt ?? record.submittedAt,
      state.decidedAt ?? record.closedAt ?? record.submittedAt,
      record.sla.pauses,
    );
    return workingMs / (STATUTORY_LIMITS[item].workingDays * DAY_MS);
  });
  const meanRatio =
    ratios.length === 0 ? null : ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length;
  return {
    casesMeasured: completed.length,
    timeToStatutoryLimit: {
      mean: meanRatio,
      target: REFORM_TARGET_RATIO.ratio,
      withinTarget: share(ratios.filter((ratio) => ratio <= REFORM_TARGET_RATIO.ratio).length, ratios.length),
    },
    onlineShare: share(
      items.filter(({ record }) => record.form.channel !== 'service-counter').length,
      items.length,
    ),
    instantShare: share(items.filter(({ state }) => state.instant === true).length, items.length),
    atMostOneTripShare: share(completed.filter((record) => record.trips <= 1).length, completed.length),
    onTimeRate: share(closed.filter((record) => record.sla.state === 'met').length, closed.length),
  };
}

/** Cases submitted and completed per day, and each completed case's time against its limit. */
function series(all: CaseRecord[], now: Date, days: number) {
  const dates = Array.from({ length: days }, (_, index) =>
    localDate(new Date(now.getTime() - (days - 1 - index) * DAY_MS)),
  );
  const perDay = dates.map((date) => ({
    date,
    submitted: all.filter((record) => localDate(record.submittedAt) === date).length,
    completed: all.filter(
      (record) => record.status === 'completed' && record.closedAt && localDate(record.closedAt) === date,
    ).length,
  }));
  const completions = all
    .filter((record) => record.status === 'completed' && record.closedAt)
    .map((record) => ({
      id: record.id,
      closedAt: record.closedAt as string,
      workingDays:
        workingTimeBetween(record.submittedAt, record.closedAt as string, record.sla.pauses) / DAY_MS,
      limitWorkingDays: record.sla.workingDays,
    }));
  return { perDay, completions };
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

export async function slaReport(now: Date) {
  const [counts, atRisk, breached, met, missed, onTrack, alarms] = await Promise.all([
    Promise.all(SLA_STATES.map(async (state) => [state, await cases.countBySla(state)] as const)),
    cases.listBySla('at-risk', LISTED),
    cases.listBySla('breached', LISTED),
    cases.listBySla('met', 2000),
    cases.listBySla('missed', 2000),
    cases.listBySla('on-track', 2000),
    alarmStates(),
  ]);
  const closed = [...met, ...missed];
  return {
    generatedAt: now.toISOString(),
    counts: Object.fromEntries(counts) as Record<SlaState, number>,
    atRisk: atRisk.map((record) => caseSummary(record, now)),
    breached: breached.map((record) => caseSummary(record, now)),
    kpis: reformKpis(closed),
    charts: series([...closed, ...onTrack, ...atRisk, ...breached], now, 14),
    alarms,
  };
}
