import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { DASHBOARD_NAME } from '../../infra/ops-stack';
import { DEPARTMENTS, ITEMS } from '../../shared/case/items';
import { SERVICE_NAME } from '../../shared/config';
import { ALARM_NAME_PREFIX, alarmDefinitions } from '../../shared/ops/alarms';
import { type Json, logicalIdOf, resourcesOf, type SynthesizedApp, synthesize } from './synth';

let synthesized: SynthesizedApp;
let alarmsByName: Map<string, Record<string, Json>>;
let topic: string;

beforeAll(() => {
  synthesized = synthesize();
  alarmsByName = new Map(
    Object.values(resourcesOf(synthesized.templates.ops, 'AWS::CloudWatch::Alarm')).map((alarm) => [
      alarm.Properties.AlarmName as string,
      alarm.Properties,
    ]),
  );
  topic = logicalIdOf(synthesized.ops.topic);
});

describe('the alarms', () => {
  test('are exactly the alarms of shared/ops/alarms.ts, all named with the prefix the ops API lists', () => {
    // Prepare
    const definitions = alarmDefinitions(synthesized.ops.alarmContext);

    // Act
    const deployed = [...alarmsByName.keys()];

    // Assess
    expect(deployed.sort()).toEqual(definitions.map((definition) => definition.name).sort());
    expect(deployed.length).toBeGreaterThanOrEqual(16);
    for (const name of deployed) expect(name.startsWith(ALARM_NAME_PREFIX)).toBe(true);
  });

  test('get the real state machine ARN, HTTP API id and service name', () => {
    // Prepare
    const { stateMachine } = synthesized.workflow;
    const { api } = synthesized.edge.api;

    // Act
    const context = synthesized.ops.alarmContext;

    // Assess
    expect(context.stateMachineArn).toBe(stateMachine.stateMachineArn);
    expect(context.apiId).toBe(api.apiId);
    expect(context.serviceName).toBe(SERVICE_NAME);
    expect(synthesized.ops.resolve(context.stateMachineArn)).toEqual({
      'Fn::ImportValue': expect.stringMatching(
        new RegExp(`^CompanyOpeningWorkflow:ExportsOutputRef${logicalIdOf(stateMachine)}`),
      ),
    });
    expect(synthesized.ops.resolve(context.apiId)).toEqual({
      'Fn::ImportValue': expect.stringMatching(
        new RegExp(`^CompanyOpeningEdge:ExportsOutputRef${logicalIdOf(api)}`),
      ),
    });
  });

  test.each(
    alarmDefinitions({ stateMachineArn: 'arn', apiId: 'api', serviceName: SERVICE_NAME }).map((d) => [
      d.name,
    ]),
  )(
    '%s has the metric, statistic, period, evaluation and threshold of its definition, and notifies the topic',
    (name) => {
      // Prepare
      const definition = alarmDefinitions(synthesized.ops.alarmContext).find(
        (candidate) => candidate.name === name,
      );
      const expectedDimensions = Object.entries(definition?.dimensions ?? {})
        .map(([dimension, value]) => ({ Name: dimension, Value: synthesized.ops.resolve(value) }))
        .sort((a, b) => a.Name.localeCompare(b.Name));

      // Act
      const alarm = alarmsByName.get(name);

      // Assess
      const dimensionsOf = (dimensions: Record<string, string>) => {
        const listed = Object.entries(dimensions)
          .map(([dimension, value]) => ({ Name: dimension, Value: synthesized.ops.resolve(value) }))
          .sort((a, b) => a.Name.localeCompare(b.Name));
        return listed.length > 0 ? listed : undefined;
      };
      const metricStat = (
        id: string,
        metric: { namespace: string; metricName: string; dimensions: Record<string, string> },
      ) => ({
        Id: id,
        MetricStat: {
          Metric: {
            Namespace: metric.namespace,
            MetricName: metric.metricName,
            Dimensions: dimensionsOf(metric.dimensions),
          },
          Period: definition?.periodSeconds,
          Stat: definition?.statistic,
        },
        ReturnData: false,
      });
      const excluding = definition?.excluding;
      const metric = excluding
        ? {
            Metrics: [
              {
                Id: 'expr_1',
                Expression: 'observed - FILL(excluded, 0)',
                Label: `${definition.metricName} less ${excluding.metricName}`,
                ReturnData: true,
              },
              metricStat('observed', definition),
              metricStat('excluded', excluding),
            ],
          }
        : {
            Namespace: definition?.namespace,
            MetricName: definition?.metricName,
            Dimensions: expectedDimensions.length > 0 ? expectedDimensions : undefined,
            Statistic: definition?.statistic,
            Period: definition?.periodSeconds,
          };
      expect(alarm).toEqual({
        AlarmName: name,
        AlarmDescription: definition?.description,
        ...metric,
        EvaluationPeriods: definition?.evaluationPeriods,
        Threshold: definition?.threshold,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topic }],
        OKActions: [{ Ref: topic }],
      });
    },
  );

  test('Api5xx counts the 5xx the API answered less the 503s it counted as ServiceBusy, which alarm apart', () => {
    const definitions = alarmDefinitions({ stateMachineArn: 'arn', apiId: 'api', serviceName: SERVICE_NAME });
    const byName = (name: string) =>
      definitions.find((definition) => definition.name === `${ALARM_NAME_PREFIX}${name}`);

    expect(byName('Api5xx')?.excluding).toEqual({
      namespace: 'CompanyOpening',
      metricName: 'ServiceBusy',
      dimensions: { service: SERVICE_NAME },
    });
    expect(byName('ServiceBusy')).toMatchObject({ namespace: 'CompanyOpening', metricName: 'ServiceBusy' });
  });
});

describe('the alarm topic', () => {
  test('is encrypted with a rotating customer key that CloudWatch may use', () => {
    // Prepare
    const { ops } = synthesized.templates;
    const [keyId] = Object.keys(resourcesOf(ops, 'AWS::KMS::Key'));

    // Act
    const [key] = Object.values(resourcesOf(ops, 'AWS::KMS::Key'));

    // Assess
    ops.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    expect(key?.Properties.KeyPolicy.Statement).toContainEqual({
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
  });

  test('accepts only TLS publishers, and CloudWatch only for this platform’s alarms', () => {
    // Prepare
    const [policy] = Object.values(resourcesOf(synthesized.templates.ops, 'AWS::SNS::TopicPolicy'));

    // Act
    const statements = policy?.Properties.PolicyDocument.Statement as Record<string, Json>[];

    // Assess
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 'sns:Publish',
        Principal: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    const allow = statements.find((statement) => statement.Effect === 'Allow');
    expect(allow?.Principal).toEqual({ Service: 'cloudwatch.amazonaws.com' });
    expect(allow?.Action).toBe('sns:Publish');
    expect(JSON.stringify(allow?.Condition.ArnLike)).toContain(`:alarm:${ALARM_NAME_PREFIX}*`);
  });
});

describe('the overdue-task count', () => {
  test('runs functions/ops/overdue-tasks.ts every five minutes', () => {
    // Prepare
    const fn = logicalIdOf(synthesized.ops.jobs.overdueTasks);
    const { ops } = synthesized.templates;

    // Act
    const [rule] = Object.values(resourcesOf(ops, 'AWS::Events::Rule'));

    // Assess
    expect(rule?.Properties.ScheduleExpression).toBe('rate(5 minutes)');
    expect(rule?.Properties.State).toBe('ENABLED');
    expect(rule?.Properties.Targets).toEqual([
      expect.objectContaining({ Arn: { 'Fn::GetAtt': [fn, 'Arn'] } }),
    ]);
    ops.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fn, 'Arn'] },
    });
    ops.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: { 'Fn::ImportValue': Match.stringLikeRegexp('^CompanyOpeningData:') },
        }),
      },
    });
  });
});

describe('the dashboard', () => {
  let widgets: Json[];

  beforeAll(() => {
    const [dashboard] = Object.values(resourcesOf(synthesized.templates.ops, 'AWS::CloudWatch::Dashboard'));
    expect(dashboard?.Properties.DashboardName).toBe(DASHBOARD_NAME);
    // The body is an Fn::Join of JSON text and tokens; the tokens are ARNs and ids, never metric names.
    const parts = dashboard?.Properties.DashboardBody['Fn::Join'][1] as Json[];
    const body = parts.map((part) => (typeof part === 'string' ? part : '"TOKEN"')).join('');
    widgets = JSON.parse(body.replace(/""TOKEN""/g, '"TOKEN"')).widgets;
  });

  /** Every metric line of every graph: [namespace, name, dimension, value, …, options?]. */
  const metricLines = () =>
    widgets
      .flatMap((widget) => (widget.properties?.metrics ?? []) as Json[][])
      .map((line) => line.filter((part) => typeof part === 'string'));

  test('shows SLA at risk and breached per department, and tasks overdue per department', () => {
    // Prepare
    const lines = metricLines();

    // Act / Assess
    for (const department of DEPARTMENTS) {
      for (const metric of ['SlaAtRisk', 'SlaBreached']) {
        expect(lines).toContainEqual(
          expect.arrayContaining([
            'CompanyOpening',
            metric,
            'department',
            department,
            'service',
            SERVICE_NAME,
          ]),
        );
      }
      expect(lines).toContainEqual(
        expect.arrayContaining([
          'CompanyOpening',
          'OverdueTasks',
          'department',
          department,
          'service',
          SERVICE_NAME,
        ]),
      );
    }
  });

  test('shows the KPIs: per item working-time ratio, instant and online shares; trips, on-time rate, completions', () => {
    // Prepare
    const lines = metricLines();

    // Act / Assess
    for (const item of ITEMS) {
      for (const metric of ['WorkingTimeRatio', 'HandledInstantly', 'HandledOnline']) {
        expect(lines).toContainEqual(expect.arrayContaining(['CompanyOpening', metric, 'item', item]));
      }
    }
    for (const metric of ['Trips', 'WithinSla', 'CaseCompleted']) {
      expect(lines).toContainEqual(['CompanyOpening', metric, 'service', SERVICE_NAME]);
    }
  });

  test('shows the state of every alarm', () => {
    // Prepare / Act
    const status = widgets.find((widget) => widget.type === 'alarm');

    // Assess
    expect(status?.properties.alarms).toHaveLength(alarmsByName.size);
  });
});
