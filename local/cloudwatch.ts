import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlarmDefinition } from '../shared/ops/alarms';
import { evaluateAlarm } from './alarms';
import type { MetricsCapture } from './metrics-capture';

/**
 * The one CloudWatch action the platform calls, DescribeAlarms, over the JSON protocol the SDK speaks,
 * answered from the shared alarm list evaluated on the metrics captured in this process.
 */
export async function startCloudWatchServer(options: {
  alarms: () => AlarmDefinition[];
  metrics: MetricsCapture;
  now: () => number;
}): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = String(request.headers['x-amz-target'] ?? '');
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(body));
    };
    if (!target.endsWith('.DescribeAlarms')) {
      return reply(400, {
        __type: 'InvalidAction',
        message: `Only DescribeAlarms is served locally, not ${target}`,
      });
    }
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { AlarmNamePrefix?: string };
    const now = options.now();
    const alarms = options
      .alarms()
      .filter((alarm) => !input.AlarmNamePrefix || alarm.name.startsWith(input.AlarmNamePrefix))
      .map((alarm) => {
        const evaluation = evaluateAlarm(alarm, options.metrics.datapoints, now);
        return {
          AlarmName: alarm.name,
          AlarmDescription: alarm.description,
          StateValue: evaluation.state,
          StateReason: evaluation.reason,
          StateUpdatedTimestamp: now / 1000,
          MetricName: alarm.metricName,
          Namespace: alarm.namespace,
          Statistic: alarm.statistic,
          Period: alarm.periodSeconds,
          EvaluationPeriods: alarm.evaluationPeriods,
          Threshold: alarm.threshold,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Dimensions: Object.entries(alarm.dimensions).map(([Name, Value]) => ({ Name, Value })),
        };
      });
    reply(200, { MetricAlarms: alarms, CompositeAlarms: [] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
