import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { DEPARTMENTS } from '../shared/case/items';
import { CATALOGUE } from '../shared/catalogue';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../shared/config';
import { SCHEDULED_JOBS, type ScheduledJob } from '../shared/entry-points/scheduled-jobs';
import { type AlarmContext, type AlarmDefinition, alarmDefinitions } from '../shared/ops/alarms';
import { accessEnvironment, alarmsArn, grantAccess } from './grant-access';
import { HouseFunction } from './house-function';

export interface OpsStackProps extends StackProps {
  table: dynamodb.ITableV2;
  stateMachine: sfn.IStateMachine;
  /** The HTTP API's id, for the API 5xx alarm. */
  apiId: string;
  /** Subscribed to the alarm topic when given (`-c alarmEmail=…`). */
  alarmEmail?: string;
}

export const DASHBOARD_NAME = 'CompanyOpening';

/**
 * What ops watch: every alarm of shared/ops/alarms.ts (the list the local runtime evaluates too) as a
 * CloudWatch alarm notifying one encrypted SNS topic, the overdue-task count every five minutes, and a
 * dashboard of the SLA and the reform's KPIs.
 */
export class OpsStack extends Stack {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[];
  readonly alarmContext: AlarmContext;
  /** One function per scheduled job, by its key in SCHEDULED_JOBS. */
  readonly jobs = {} as Record<keyof typeof SCHEDULED_JOBS, HouseFunction>;
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OpsStackProps) {
    super(scope, id, props);

    // CloudWatch cannot publish to a topic under the AWS-managed aws/sns key: its key policy cannot
    // be changed to let CloudWatch use it. Hence a customer-managed key CloudWatch may use.
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the CompanyOpening alarm topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Company opening alarms',
      masterKey: key,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnLike: {
            'aws:SourceArn': alarmsArn(this),
          },
        },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    this.alarmContext = {
      stateMachineArn: props.stateMachine.stateMachineArn,
      apiId: props.apiId,
      serviceName: SERVICE_NAME,
    };
    const action = new cloudwatchActions.SnsAction(this.topic);
    this.alarms = alarmDefinitions(this.alarmContext).map((definition) => {
      const alarm = new cloudwatch.Alarm(this, definition.name, {
        alarmName: definition.name,
        alarmDescription: definition.description,
        metric: metricOf(definition),
        evaluationPeriods: definition.evaluationPeriods,
        threshold: definition.threshold,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      return alarm;
    });

    for (const [key, job] of Object.entries(SCHEDULED_JOBS) as [
      keyof typeof SCHEDULED_JOBS,
      ScheduledJob,
    ][]) {
      const fn = new HouseFunction(this, job.name, {
        entry: job.handler,
        tableName: props.table.tableName,
        timeout: Duration.minutes(1),
        environment: accessEnvironment(job.access, { table: props.table }),
      });
      grantAccess(fn, job.access, { table: props.table });
      new events.Rule(this, `${job.name}Schedule`, {
        description: job.description,
        schedule: events.Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [new targets.LambdaFunction(fn, { retryAttempts: 2, maxEventAge: Duration.minutes(5) })],
      });
      this.jobs[key] = fn;
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: DASHBOARD_NAME,
      defaultInterval: Duration.days(7),
      widgets: dashboardRows(this.alarms, props),
    });

    new CfnOutput(this, 'AlarmTopicArn', { value: this.topic.topicArn, description: 'Subscribe ops here' });
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards:name=${DASHBOARD_NAME}`,
    });
  }
}

function metricOf(definition: AlarmDefinition): cloudwatch.IMetric {
  const metric = (of: Pick<AlarmDefinition, 'namespace' | 'metricName' | 'dimensions'>) =>
    new cloudwatch.Metric({
      namespace: of.namespace,
      metricName: of.metricName,
      dimensionsMap: of.dimensions,
      statistic: definition.statistic,
      period: Duration.seconds(definition.periodSeconds),
    });
  if (!definition.excluding) return metric(definition);
  return new cloudwatch.MathExpression({
    expression: 'observed - FILL(excluded, 0)',
    usingMetrics: { observed: metric(definition), excluded: metric(definition.excluding) },
    label: `${definition.metricName} less ${definition.excluding.metricName}`,
    period: Duration.seconds(definition.periodSeconds),
  });
}

/** A metric the handlers emit through Powertools: namespace CompanyOpening, `service` dimension added. */
function ours(
  metricName: string,
  dimensions: Record<string, string>,
  statistic: string,
  label: string,
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: SERVICE_NAME, ...dimensions },
    statistic,
    period: Duration.hours(1),
    label,
  });
}

const perItem = (metricName: string, statistic: string) =>
  CATALOGUE.items.map(({ id, department }) => ours(metricName, { item: id, department }, statistic, id));

function dashboardRows(alarms: cloudwatch.Alarm[], props: OpsStackProps): cloudwatch.IWidget[][] {
  const graph = (title: string, left: cloudwatch.IMetric[], width = 8) =>
    new cloudwatch.GraphWidget({ title, left, width, height: 6 });
  return [
    [
      new cloudwatch.TextWidget({
        markdown:
          '# Company opening — SLA and reform KPIs\n' +
          'SLA: 3 working days per case. KPIs (closed cases): working time ÷ statutory limit (target ≤ 0.5), ' +
          'share handled instantly, share online, trips per case (≤ 1), on-time rate.',
        width: 24,
        height: 2,
      }),
    ],
    [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms, width: 24, height: 4 })],
    [
      graph('SLA at risk (cases, per item)', perItem('SlaAtRisk', 'Sum')),
      graph('SLA breached (cases, per item)', perItem('SlaBreached', 'Sum')),
      graph(
        'Department tasks open past deadline',
        DEPARTMENTS.map(
          (department) =>
            new cloudwatch.Metric({
              namespace: METRICS_NAMESPACE,
              metricName: 'OverdueTasks',
              dimensionsMap: { service: SERVICE_NAME, department },
              statistic: 'Maximum',
              period: Duration.minutes(5),
              label: department,
            }),
        ),
      ),
    ],
    [
      graph('Working time ÷ statutory limit (target ≤ 0.5)', perItem('WorkingTimeRatio', 'Average')),
      graph('Share handled instantly (即办)', perItem('HandledInstantly', 'Average')),
      graph('Share filed online', perItem('HandledOnline', 'Average')),
    ],
    [
      graph('Trips per completed case (target ≤ 1)', [
        ours('Trips', {}, 'Average', 'average trips'),
        ours('Trips', {}, 'Maximum', 'most trips'),
      ]),
      graph('On-time rate (3 working days)', [ours('WithinSla', {}, 'Average', 'within SLA')]),
      graph('Cases completed and failed', [
        ours('CaseCompleted', {}, 'Sum', 'completed'),
        ours('CaseFailed', {}, 'Sum', 'failed'),
      ]),
    ],
    [
      graph(
        'Workflow executions',
        [
          'ExecutionsStarted',
          'ExecutionsSucceeded',
          'ExecutionsFailed',
          'ExecutionsTimedOut',
          'ExecutionsAborted',
        ].map(
          (metricName) =>
            new cloudwatch.Metric({
              namespace: 'AWS/States',
              metricName,
              dimensionsMap: { StateMachineArn: props.stateMachine.stateMachineArn },
              statistic: 'Sum',
              period: Duration.hours(1),
            }),
        ),
        12,
      ),
      graph(
        'API requests and errors',
        ['Count', '4xx', '5xx'].map(
          (metricName) =>
            new cloudwatch.Metric({
              namespace: 'AWS/ApiGateway',
              metricName,
              dimensionsMap: { ApiId: props.apiId },
              statistic: 'Sum',
              period: Duration.hours(1),
            }),
        ),
        12,
      ),
    ],
  ];
}
