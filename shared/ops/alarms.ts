import { CATALOGUE } from '../catalogue';
import { METRICS_NAMESPACE } from '../config';
import { EVENT_FUNCTIONS } from '../entry-points/event-functions';
import { STREAM_FUNCTIONS } from '../entry-points/stream-functions';

/**
 * The alarms ops watch, defined once: CDK deploys them as CloudWatch alarms, the local runtime
 * evaluates the same definitions over the metrics it captured, and the ops API reports their states.
 */
export interface AlarmDefinition {
  name: string;
  description: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  statistic: 'Sum' | 'Maximum';
  periodSeconds: number;
  evaluationPeriods: number;
  threshold: number;
  /** A metric whose values are taken off this one's (same statistic and period): what is left is what the alarm means. */
  excluding?: { namespace: string; metricName: string; dimensions: Record<string, string> };
}

export interface AlarmContext {
  stateMachineArn: string;
  apiId: string;
  serviceName: string;
}

/** Powertools adds the `service` dimension to every metric it emits. */
const ours = (metricName: string, context: AlarmContext, dimensions: Record<string, string> = {}) => ({
  namespace: METRICS_NAMESPACE,
  metricName,
  dimensions: { service: context.serviceName, ...dimensions },
});

const fiveMinutes = { statistic: 'Sum' as const, periodSeconds: 300, evaluationPeriods: 1, threshold: 1 };

/** What the API counts each 503 it answers for an overloaded dependency under (functions/api/http-handler.ts). */
export const SERVICE_BUSY_METRIC = 'ServiceBusy';

/** Every alarm name starts with this, so the ops API can list exactly this platform's alarms. */
export const ALARM_NAME_PREFIX = 'CompanyOpening-';

/**
 * Where an event function's events go once neither EventBridge nor Lambda could get it to handle them
 * (infra/upload-events.ts); named here so that its alarm needs no deployment output.
 */
export const deadLetterQueueName = (functionName: string) => `company-opening-${functionName}-dead-letters`;

export function alarmDefinitions(context: AlarmContext): AlarmDefinition[] {
  const perItem = CATALOGUE.items.flatMap(({ id: item, department }) => {
    // A department's first item keeps the department's name: the alarms named before the catalogue stay.
    const first = CATALOGUE.items.find((entry) => entry.department === department)?.id === item;
    const suffix = first ? department : `${department}-${item}`;
    return [
      {
        name: `SlaBreached-${suffix}`,
        description: `A case passed its deadline while ${item} waited on ${department}`,
        ...ours('SlaBreached', context, { item, department }),
        ...fiveMinutes,
      },
      {
        name: `SlaAtRisk-${suffix}`,
        description: `A case whose ${item} waits on ${department} has less than one working day left`,
        ...ours('SlaAtRisk', context, { item, department }),
        ...fiveMinutes,
      },
    ];
  });
  const perDepartment = CATALOGUE.departments.flatMap(({ id: department }) => {
    return [
      {
        name: `OverdueTasks-${department}`,
        description: `${department} has department tasks open past their SLA deadline`,
        ...ours('OverdueTasks', context, { department }),
        statistic: 'Maximum' as const,
        periodSeconds: 300,
        evaluationPeriods: 1,
        threshold: 1,
      },
    ];
  });
  const states = (metricName: string, description: string): AlarmDefinition => ({
    name: metricName,
    description,
    namespace: 'AWS/States',
    metricName,
    dimensions: { StateMachineArn: context.stateMachineArn },
    ...fiveMinutes,
  });
  const deadLetters = [...Object.values(EVENT_FUNCTIONS), ...Object.values(STREAM_FUNCTIONS)].map(
    ({ name, deadLetterMeaning }): AlarmDefinition => ({
      name: `${name}DeadLetters`,
      description: `Events ${name} could not handle wait in its dead-letter queue: ${deadLetterMeaning}`,
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: deadLetterQueueName(name) },
      statistic: 'Maximum',
      periodSeconds: 300,
      evaluationPeriods: 1,
      threshold: 1,
    }),
  );
  const alarms: AlarmDefinition[] = [
    ...perItem,
    ...perDepartment,
    ...deadLetters,
    {
      name: 'CaseFailed',
      description: 'A workflow step failed for good; the case records why',
      ...ours('CaseFailed', context),
      ...fiveMinutes,
    },
    states('ExecutionsFailed', 'A CompanyOpening execution failed'),
    states('ExecutionsTimedOut', 'A CompanyOpening execution timed out'),
    states('ExecutionsAborted', 'A CompanyOpening execution was stopped'),
    {
      name: 'LambdaErrors',
      description: 'Lambda functions threw errors',
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      dimensions: {},
      ...fiveMinutes,
      threshold: 5,
    },
    {
      name: 'LambdaThrottles',
      description: 'Lambda invocations were throttled',
      namespace: 'AWS/Lambda',
      metricName: 'Throttles',
      dimensions: {},
      ...fiveMinutes,
    },
    {
      name: 'Api5xx',
      description: 'The HTTP API answered with server errors other than 503 ServiceBusy: a defect',
      namespace: 'AWS/ApiGateway',
      metricName: '5xx',
      dimensions: { ApiId: context.apiId },
      excluding: ours(SERVICE_BUSY_METRIC, context),
      ...fiveMinutes,
    },
    {
      name: 'ServiceBusy',
      description:
        'The API answered 503 ServiceBusy: DynamoDB or Step Functions throttled or unavailable after retries',
      ...ours(SERVICE_BUSY_METRIC, context),
      ...fiveMinutes,
      threshold: 20,
    },
  ];
  return alarms.map((alarm) => ({ ...alarm, name: `${ALARM_NAME_PREFIX}${alarm.name}` }));
}
