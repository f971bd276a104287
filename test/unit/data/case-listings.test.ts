import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, expect, test } from 'vitest';
import { cases } from '../../../shared/data/cases';
import { caseItem, ddb, submittedCase } from '../workflow/helpers';

beforeEach(() => {
  process.env.CURSOR_SECRET = 'unit-test-cursor-secret';
});

test('a case written before listings existed lists from its whole item while the indexes still copy it', async () => {
  // Prepare: the item as an older version wrote it, without the summary attributes
  const record = submittedCase();
  const { companyName, itemStatuses, slaClock, failureSummary, ...olderItem } = caseItem(record);
  ddb.on(QueryCommand).resolves({ Items: [olderItem] });

  // Act
  const page = await cases.listByOwner(record.owner, 10);

  // Assess
  expect(page.items).toEqual([
    {
      id: record.id,
      status: record.status,
      submittedAt: record.submittedAt,
      closedAt: record.closedAt,
      companyName,
      itemStatuses,
      slaClock,
      failureSummary,
    },
  ]);
});

test('a case with its summary lists from the summary alone', async () => {
  // Prepare: an INCLUDE index entry holds the keys and the summary, not the record
  const record = submittedCase();
  const item = caseItem(record);
  const entry = Object.fromEntries(
    [
      'pk',
      'sk',
      'ownerPk',
      'submittedSk',
      'id',
      'status',
      'submittedAt',
      'companyName',
      'itemStatuses',
      'slaClock',
    ].map((name) => [name, item[name]]),
  );
  ddb.on(QueryCommand).resolves({ Items: [entry] });

  // Act
  const page = await cases.listByOwner(record.owner, 10);

  // Assess
  expect(page.items[0]).toMatchObject({
    id: record.id,
    companyName: item.companyName,
    slaClock: item.slaClock,
  });
});
