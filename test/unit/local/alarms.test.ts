import { describe, expect, test } from 'vitest';
import { evaluateAlarm } from '../../../local/alarms';
import type { MetricDatapoint } from '../../../local/metrics-capture';
import { ALARM_NAME_PREFIX, alarmDefinitions } from '../../../shared/ops/alarms';

const NOW = Date.parse('2026-12-01T02:00:00.000Z');
const definitions = alarmDefinitions({
  stateMachineArn: 'arn',
  apiId: 'local',
  serviceName: 'company-opening',
});
const alarm = (name: string) => {
  const found = definitions.find((definition) => definition.name === `${ALARM_NAME_PREFIX}${name}`);
  if (!found) throw new Error(`no alarm ${name}`);
  return found;
};

const apiError = (value = 1): MetricDatapoint => ({
  namespace: 'AWS/ApiGateway',
  name: '5xx',
  value,
  dimensions: { ApiId: 'local' },
  timestamp: NOW - 1000,
  unit: 'Count',
});
const busy = (value = 1): MetricDatapoint => ({
  namespace: 'CompanyOpening',
  name: 'ServiceBusy',
  value,
  dimensions: { service: 'company-opening' },
  timestamp: NOW - 1000,
  unit: 'Count',
});

describe('the local Api5xx alarm', () => {
  test('stays OK when every 5xx was a 503 ServiceBusy: overload is not a defect', () => {
    expect(evaluateAlarm(alarm('Api5xx'), [apiError(3), busy(3)], NOW).state).toBe('OK');
  });

  test('goes to ALARM for a 5xx beyond the ServiceBusy ones', () => {
    expect(evaluateAlarm(alarm('Api5xx'), [apiError(4), busy(3)], NOW)).toMatchObject({
      state: 'ALARM',
      value: 1,
    });
  });

  test('ServiceBusy alarms on its own, for sustained overload', () => {
    expect(evaluateAlarm(alarm('ServiceBusy'), [busy(19)], NOW).state).toBe('OK');
    expect(evaluateAlarm(alarm('ServiceBusy'), [busy(20)], NOW).state).toBe('ALARM');
  });
});
