import '../workflow/env';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, expect, test } from 'vitest';
import { CaseEventsStillWaiting, publishWaitingEvents } from '../../../shared/events/publish-waiting';
import { CASE_ID, caseItem, ddb, submittedCase } from '../workflow/helpers';

const eventBridge = mockClient(EventBridgeClient);
const BROKEN = 'co-unit-test-case-broken';

beforeEach(() => {
  ddb.reset();
  eventBridge.reset();
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
});

test('the sweep publishes every waiting case past the grace period; one failing case holds no other back', async () => {
  // Prepare: two cases wait, and reading the second fails
  ddb.on(QueryCommand, { IndexName: 'byOutbox' }).resolves({ Items: [{ id: BROKEN }, { id: CASE_ID }] });
  ddb.on(GetCommand, { Key: { pk: `APP#${BROKEN}`, sk: 'CASE' } }).rejects(new Error('broken item'));
  ddb
    .on(GetCommand, { Key: { pk: `APP#${CASE_ID}`, sk: 'CASE' } })
    .resolves({ Item: caseItem(submittedCase(2)) });

  // Act
  const swept = publishWaitingEvents(new Date('2026-12-01T02:05:00.000Z'));

  // Assess
  await expect(swept).rejects.toThrow(CaseEventsStillWaiting);
  await expect(swept).rejects.toThrow(`1 of 2 cases: ${BROKEN}`);
  const query = ddb.commandCalls(QueryCommand)[0]?.args[0].input;
  expect(query?.ExpressionAttributeValues).toEqual({
    ':pk': 'OUTBOX',
    ':before': '2026-12-01T02:04:00.000Z#',
  });
  const [put] = eventBridge.commandCalls(PutEventsCommand);
  expect(put?.args[0].input.Entries).toEqual([
    expect.objectContaining({
      EventBusName: 'company-opening-cases',
      Source: 'company-opening.cases',
      DetailType: 'Case Submitted',
    }),
  ]);
  const marked = ddb.commandCalls(PutCommand).map((call) => call.args[0].input.Item);
  expect(marked).toEqual([expect.objectContaining({ id: CASE_ID, eventsPublished: 1, version: 3 })]);
  expect(marked[0]).not.toHaveProperty('outboxPk');
});

test('EventBridge refusing an entry leaves the case waiting, unmarked', async () => {
  // Prepare
  ddb.on(QueryCommand, { IndexName: 'byOutbox' }).resolves({ Items: [{ id: CASE_ID }] });
  ddb
    .on(GetCommand, { Key: { pk: `APP#${CASE_ID}`, sk: 'CASE' } })
    .resolves({ Item: caseItem(submittedCase(2)) });
  eventBridge.on(PutEventsCommand).resolves({
    FailedEntryCount: 1,
    Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
  });

  // Act / Assess
  await expect(publishWaitingEvents(new Date('2026-12-01T02:05:00.000Z'))).rejects.toThrow(
    CaseEventsStillWaiting,
  );
  expect(ddb.commandCalls(PutCommand)).toEqual([]);
});
