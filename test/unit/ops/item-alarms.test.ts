import { describe, expect, test } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import { alarmDefinitions } from '../../../shared/ops/alarms';

const DEFINITIONS = alarmDefinitions({
  stateMachineArn: 'arn:aws:states:cn-north-1:123456789012:stateMachine:CompanyOpening',
  apiId: 'api-1',
  serviceName: 'company-opening',
});

const onMetric = (metricName: string) => DEFINITIONS.filter((alarm) => alarm.metricName === metricName);

describe('the SLA alarms per catalogue item (shared/ops/alarms.ts)', () => {
  test.each(['SlaBreached', 'SlaAtRisk'])(
    'one %s alarm per item, on that item and its department',
    (metricName) => {
      // Act
      const alarms = onMetric(metricName);

      // Assert
      expect(alarms.map(({ dimensions }) => dimensions)).toEqual(
        CATALOGUE.items.map(({ id, department }) => ({ service: 'company-opening', item: id, department })),
      );
    },
  );

  test('the first item of a department keeps the department-only name the alarms had before the catalogue', () => {
    // Act
    const names = onMetric('SlaBreached').map(({ name }) => name);
    const atRisk = onMetric('SlaAtRisk').map(({ name }) => name);

    // Assert
    expect(names).toEqual([
      'CompanyOpening-SlaBreached-market-regulation',
      'CompanyOpening-SlaBreached-tax',
      'CompanyOpening-SlaBreached-public-security',
      'CompanyOpening-SlaBreached-market-regulation-food-business-licence',
      'CompanyOpening-SlaBreached-fire-and-rescue',
      'CompanyOpening-SlaBreached-health-commission',
      'CompanyOpening-SlaBreached-human-resources-social-security',
      'CompanyOpening-SlaBreached-housing-fund-centre',
      'CompanyOpening-SlaBreached-bank',
    ]);
    expect(atRisk).toEqual(names.map((name) => name.replace('SlaBreached', 'SlaAtRisk')));
  });

  test('every alarm name is unique', () => {
    const names = DEFINITIONS.map(({ name }) => name);
    expect(new Set(names).size).toBe(names.length);
  });
});
