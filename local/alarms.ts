import type { AlarmDefinition } from '../shared/ops/alarms';
import type { MetricDatapoint } from './metrics-capture';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmEvaluation {
  state: AlarmState;
  reason: string;
  value: number;
}

function sameDimensions(actual: Record<string, string>, expected: Record<string, string>): boolean {
  const actualKeys = Object.keys(actual);
  return (
    actualKeys.length === Object.keys(expected).length &&
    actualKeys.every((key) => actual[key] === expected[key])
  );
}

/**
 * CloudWatch's rule, for the alarms this platform defines: the statistic over the evaluation window
 * at or above the threshold is ALARM; missing data counts as not breaching.
 */
export function evaluateAlarm(
  alarm: AlarmDefinition,
  datapoints: readonly MetricDatapoint[],
  nowMs: number,
): AlarmEvaluation {
  const windowStart = nowMs - alarm.periodSeconds * alarm.evaluationPeriods * 1000;
  const valuesOf = (metric: Pick<AlarmDefinition, 'namespace' | 'metricName' | 'dimensions'>) =>
    datapoints
      .filter(
        (point) =>
          point.namespace === metric.namespace &&
          point.name === metric.metricName &&
          point.timestamp > windowStart &&
          point.timestamp <= nowMs &&
          sameDimensions(point.dimensions, metric.dimensions),
      )
      .map((point) => point.value);
  const statistic = (values: number[]) =>
    alarm.statistic === 'Sum' ? values.reduce((sum, v) => sum + v, 0) : Math.max(0, ...values);
  const values = valuesOf(alarm);
  const value = statistic(values) - (alarm.excluding ? statistic(valuesOf(alarm.excluding)) : 0);
  const breaching = values.length > 0 && value >= alarm.threshold;
  const window = `${alarm.periodSeconds * alarm.evaluationPeriods} s`;
  return {
    state: breaching ? 'ALARM' : 'OK',
    value,
    reason: breaching
      ? `${alarm.statistic} of ${alarm.metricName} over ${window} is ${value}, at or above ${alarm.threshold}`
      : `${alarm.statistic} of ${alarm.metricName} over ${window} is ${value}, below ${alarm.threshold}`,
  };
}
