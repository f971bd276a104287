import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TABLE_INDEXES, TABLE_KEYS } from '../../../shared/data/table';
import { type Platform, startPlatform, validForm } from './platform';

/**
 * dynalite trims what an INCLUDE index copies, as DynamoDB does: each index of the real local table,
 * read while a case holds task tokens and after it completed, shows its keys and its declared summary
 * attributes only — no form, ID number, mobile or token.
 */

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
  await platform.setClock('2026-12-01T02:00:00.000Z');
}, 60_000);

afterAll(async () => {
  process.env.INSTANT_APPROVAL = 'on';
  await platform.stopAll();
  await platform.close();
});

type IndexKey = keyof typeof TABLE_INDEXES;
const FORBIDDEN = /^(form|application|sla|corrections|timeline|items|decidedBy)$|token|idNumber|mobile/i;

async function indexEntries(index: IndexKey, partition: unknown): Promise<Record<string, unknown>[]> {
  const { documents } = await import('../../../shared/data/dynamo');
  const { tableName } = await import('../../../shared/data/table');
  const definition = TABLE_INDEXES[index];
  const { Items = [] } = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: definition.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': definition.partitionKey },
      ExpressionAttributeValues: { ':pk': partition },
    }),
  );
  return Items;
}

async function rawItem(pk: string, sk: string): Promise<Record<string, unknown>> {
  const { documents } = await import('../../../shared/data/dynamo');
  const { tableName } = await import('../../../shared/data/table');
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: { pk, sk } }));
  if (!Item) throw new Error(`no item ${pk} ${sk}`);
  return Item;
}

/** Reads the item's entry in the index and checks it holds only the keys and what the index declares. */
async function expectTrimmed(index: IndexKey, item: Record<string, unknown>) {
  const definition = TABLE_INDEXES[index];
  const entries = await indexEntries(index, item[definition.partitionKey]);
  const entry = entries.find((candidate) => candidate.pk === item.pk);
  expect(entry, `${index} lists the item`).toBeDefined();
  const allowed = new Set<string>([
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    definition.partitionKey,
    definition.sortKey,
    ...definition.projected,
  ]);
  const names = Object.keys(entry ?? {});
  expect(names.filter((name) => !allowed.has(name))).toEqual([]);
  expect(names.filter((name) => FORBIDDEN.test(name))).toEqual([]);
  expect(JSON.stringify(entry)).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
  return entry as Record<string, unknown>;
}

test('every index holds only its summary, while tokens are held and after the case completed', async () => {
  // Prepare: filed by an agent, so the agent index holds it; one correction round, so tokens are stored.
  process.env.INSTANT_APPROVAL = 'off';
  const { record: submitted } = await platform.commands.submitApplication({
    owner: 'founder-9',
    filedBy: { role: 'agent', sub: 'agent-9' },
    idempotencyKey: 'index-projections-1',
    form: platform.parseForm(validForm()),
    requestBody: validForm(),
  });
  const id = submitted.id;
  const first = await platform.openTask(id, 'registration');
  await platform.timerArmed(id);

  // Act / Assess: the open task holds its token, the case the timer's; neither reaches an index.
  const openTask = await rawItem(`TASK#${first.id}`, 'TASK');
  expect(openTask.token).toEqual(expect.any(String));
  const inbox = await expectTrimmed('byDepartment', openTask);
  expect(inbox).toMatchObject({
    id: first.id,
    applicationId: id,
    status: 'open',
    companyName: expect.any(String),
  });
  const running = await rawItem(`APP#${id}`, 'CASE');
  expect((running.sla as { timerToken?: string }).timerToken).toEqual(expect.any(String));
  expect(running.form).toBeDefined();
  for (const index of ['byOwner', 'byAgent', 'bySla'] as const) await expectTrimmed(index, running);

  await platform.decide(first, 'correction-requested', [
    { path: 'contact.email', message: 'Use a mailbox the company controls' },
  ]);
  await platform.caseWhere(id, (record) => record.corrections[0]?.token !== undefined);
  const fix = validForm();
  fix.contact.email = 'office@yunqi.example.com';
  await platform.commands.answerCorrections({
    applicationId: id,
    by: { role: 'agent', sub: 'agent-9' },
    form: platform.parseForm(fix),
  });
  for (const item of ['registration', 'invoice', 'seal'] as const) {
    await platform.decide(
      await platform
        .caseWhere(id, (record) => record.items[item]?.status === 'in-review')
        .then(() => platform.openTask(id, item)),
      'approved',
    );
  }
  await platform.caseWhere(id, (record) => record.status === 'completed', 60_000);
  await platform.finishedExecution(id);

  const completed = await rawItem(`APP#${id}`, 'CASE');
  const listed = await expectTrimmed('byOwner', completed);
  expect(listed).toMatchObject({
    id,
    status: 'completed',
    companyName: validForm().company.name.full,
    itemStatuses: { registration: 'approved', invoice: 'approved', seal: 'approved' },
    slaClock: { workingDays: 3, pauses: [expect.objectContaining({ from: expect.any(String) })] },
  });
  for (const index of ['byAgent', 'bySla'] as const) await expectTrimmed(index, completed);
  await expectTrimmed('byDepartment', await rawItem(`TASK#${first.id}`, 'TASK'));
}, 120_000);

test('a case written before the summaries existed gets them from the backfill, and lists again', async () => {
  // Prepare: a completed case whose item lost its summary, as an older version wrote it.
  process.env.INSTANT_APPROVAL = 'on';
  const submitted = await platform.submit(validForm(), 'founder-old');
  await platform.caseWhere(submitted.id, (record) => record.status === 'completed', 60_000);
  await platform.finishedExecution(submitted.id);
  const { documents } = await import('../../../shared/data/dynamo');
  const { tableName } = await import('../../../shared/data/table');
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  await documents.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: `APP#${submitted.id}`, sk: 'CASE' },
      UpdateExpression: 'REMOVE companyName, itemStatuses, slaClock, failureSummary',
    }),
  );
  const before = await indexEntries('byOwner', 'OWNER#founder-old');
  expect(before).toHaveLength(1);
  expect(before[0]).not.toHaveProperty('companyName');
  const { backfillCaseListings } = await import('../../../shared/data/listings-backfill');

  // Act
  const first = await backfillCaseListings();
  const second = await backfillCaseListings();

  // Assess
  expect(first.rewritten).toBe(1);
  expect(second.rewritten).toBe(0);
  const { items } = await platform.cases.listByOwner('founder-old', 10);
  expect(items).toEqual([
    expect.objectContaining({
      id: submitted.id,
      status: 'completed',
      companyName: validForm().company.name.full,
      itemStatuses: { registration: 'approved', invoice: 'approved', seal: 'approved' },
    }),
  ]);
  expect((await platform.cases.get(submitted.id))?.form.company.name.full).toBe(
    validForm().company.name.full,
  );
}, 90_000);
