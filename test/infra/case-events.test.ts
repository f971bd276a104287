import { beforeAll, expect, test } from 'vitest';
import { CASE_EVENT_BUS_NAME } from '../../shared/config';
import type { Access } from '../../shared/entry-points/access';
import { ENTRY_POINTS } from '../../shared/entry-points/all';
import { STREAM_FUNCTIONS } from '../../shared/entry-points/stream-functions';
import { CASE_EVENT_SOURCE } from '../../shared/events/case-events';
import { deadLetterQueueName } from '../../shared/ops/alarms';
import { logicalIdOf, resourcesOf, type SynthesizedApp, synthesize } from './synth';

let synthesized: SynthesizedApp;

beforeAll(() => {
  synthesized = synthesize();
});

test('the case bus is named, and archives every case event for 90 days', () => {
  // Prepare
  const data = synthesized.templates.data;

  // Assess
  data.hasResourceProperties('AWS::Events::EventBus', { Name: CASE_EVENT_BUS_NAME });
  data.hasResourceProperties('AWS::Events::Archive', {
    EventPattern: { source: [CASE_EVENT_SOURCE] },
    RetentionDays: 90,
  });
});

test('the table streams new images to the publisher, filtered to items whose events wait, with an on-failure queue', () => {
  // Prepare
  const data = synthesized.templates.data;
  const publisher = synthesized.data.streamFunctions.functions.publishCaseEvents;

  // Assess
  data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
    StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
  });
  const mappings = Object.values(resourcesOf(data, 'AWS::Lambda::EventSourceMapping'));
  expect(mappings).toHaveLength(Object.keys(STREAM_FUNCTIONS).length);
  expect(mappings[0]?.Properties).toMatchObject({
    FunctionName: { Ref: logicalIdOf(publisher) },
    StartingPosition: 'LATEST',
    BisectBatchOnFunctionError: true,
    FunctionResponseTypes: ['ReportBatchItemFailures'],
    MaximumRetryAttempts: 10,
    MaximumRecordAgeInSeconds: 6 * 3600,
    FilterCriteria: { Filters: [{ Pattern: JSON.stringify(STREAM_FUNCTIONS.publishCaseEvents.filter) }] },
    DestinationConfig: {
      OnFailure: {
        Destination: {
          'Fn::GetAtt': [
            logicalIdOf(synthesized.data.streamFunctions.deadLetterQueues.publishCaseEvents),
            'Arn',
          ],
        },
      },
    },
  });
  data.hasResourceProperties('AWS::SQS::Queue', {
    QueueName: deadLetterQueueName(STREAM_FUNCTIONS.publishCaseEvents.name),
  });
});

test('events:PutEvents is granted on the case bus alone, to the publisher and the sweep and no other function', () => {
  // Prepare
  const templates = Object.values(synthesized.templates);
  const statements = templates.flatMap((template) =>
    Object.values(resourcesOf(template, 'AWS::IAM::Policy')).flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).map(
        (statement) => ({ roles: policy.Properties.Roles, statement }),
      ),
    ),
  );

  // Act
  const puts = statements.filter(({ statement }) => [statement.Action].flat().includes('events:PutEvents'));
  const declared = ENTRY_POINTS.filter((fn) =>
    (fn.access as Access).events?.includes('events:PutEvents'),
  ).map((fn) => fn.name);

  // Assess
  expect(declared.sort()).toEqual(['PublishCaseEvents', 'SweepCaseEvents']);
  expect(puts).toHaveLength(declared.length);
  for (const { statement } of puts) {
    expect(statement.Action).toBe('events:PutEvents');
    expect(JSON.stringify(statement.Resource)).toContain(`:event-bus/${CASE_EVENT_BUS_NAME}`);
  }
});
