import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LocalDynamo, startDynalite } from '../../../local/dynalite';
import { type BusEvent, type DeliveryPolicy, LocalEventBus, matches } from '../../../local/event-bus';
import { type DeadLetter, EventDeliveries } from '../../../local/event-deliveries';
import { EVENT_FUNCTIONS } from '../../../shared/entry-points/event-functions';

const ACCOUNT = { region: 'us-east-1', accountId: '000000000000' };
const created = (key: string, bucket = 'uploads-bucket') => ({
  source: 'aws.s3',
  'detail-type': 'Object Created',
  detail: { bucket: { name: bucket }, object: { key, size: 3 } },
});

describe('event patterns, as EventBridge matches them', () => {
  const pattern = EVENT_FUNCTIONS.checkUpload.pattern({ uploadsBucket: 'uploads-bucket' });

  test("the upload check's rule takes an upload's Object Created, and nothing else", () => {
    expect(matches(pattern, created('incoming/up-1'))).toBe(true);
    expect(matches(pattern, created('cases/co-1/materials/up-1'))).toBe(false);
    expect(matches(pattern, created('incoming/up-1', 'documents-bucket'))).toBe(false);
    expect(matches(pattern, { ...created('incoming/up-1'), 'detail-type': 'Object Deleted' })).toBe(false);
    expect(matches(pattern, { source: 'aws.s3', 'detail-type': 'Object Created', detail: {} })).toBe(false);
  });

  test('a filter it does not model is refused, not misjudged', () => {
    expect(() => matches({ detail: { size: [{ numeric: ['>', 1] }] } }, created('x'))).toThrow(/numeric/);
  });
});

let dynamo: LocalDynamo;
let client: DynamoDBClient;
let tables = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
  client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

/** A store of its own for each test: what one data folder keeps across the buses made over it. */
async function freshDeliveries(): Promise<EventDeliveries> {
  const deliveries = new EventDeliveries(client, `deliveries-${++tables}`);
  await deliveries.ensureTable();
  return deliveries;
}

const policy = (attempts: number, deadLetters: DeadLetter[]): DeliveryPolicy => ({
  attempts,
  backoffMs: () => 1,
  deadLetter: (letter) => deadLetters.push(letter),
});
const keyOf = (event: BusEvent) => (event.detail.object as { key: string }).key;

describe('the local bus delivers each matching event, retries, then dead-letters', () => {
  test('a target failing twice gets the event a third time, and nothing stays pending', async () => {
    // Prepare
    const deliveries = await freshDeliveries();
    const deadLetters: DeadLetter[] = [];
    const events = new LocalEventBus('default', ACCOUNT, deliveries, policy(3, deadLetters));
    const seen: BusEvent[] = [];
    let failures = 2;
    events.addRule('Flaky', { source: ['aws.s3'] }, async (event) => {
      if (failures-- > 0) throw new Error('busy');
      seen.push(event);
    });

    // Act
    const put = await events.put(created('incoming/up-1'));
    await events.settled();

    // Assess
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: put.id, version: '0', account: ACCOUNT.accountId, source: 'aws.s3' });
    expect(deadLetters).toEqual([]);
    expect(await deliveries.pending('default')).toEqual([]);
  });

  test('a target that keeps failing sends the event to the dead letters once, and they are kept', async () => {
    // Prepare
    const deliveries = await freshDeliveries();
    const deadLetters: DeadLetter[] = [];
    const events = new LocalEventBus('default', ACCOUNT, deliveries, policy(3, deadLetters));
    let calls = 0;
    events.addRule('Broken', { source: ['aws.s3'] }, async () => {
      calls++;
      throw new Error('down');
    });
    events.addRule('Elsewhere', { source: ['aws.guardduty'] }, async () => {
      throw new Error('never called');
    });

    // Act
    await events.put(created('incoming/up-2'));
    await events.settled();

    // Assess
    expect(calls).toBe(3);
    expect(deadLetters.map((letter) => [letter.rule, keyOf(letter.event), letter.error])).toEqual([
      ['Broken', 'incoming/up-2', 'down'],
    ]);
    const kept = await deliveries.deadLetters();
    expect(kept.map((letter) => [letter.bus, letter.rule, keyOf(letter.event), letter.error])).toEqual([
      ['default', 'Broken', 'incoming/up-2', 'down'],
    ]);
    expect(await deliveries.pending('default')).toEqual([]);
  });
});

describe('the local bus keeps what it accepted, as EventBridge does', () => {
  test('put resolves once the event and the rules it matched are kept, before any target ran', async () => {
    // Prepare
    const deliveries = await freshDeliveries();
    const events = new LocalEventBus('default', ACCOUNT, deliveries, policy(3, []));
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    for (const name of ['CheckUpload', 'IndexUpload'])
      events.addRule(name, { source: ['aws.s3'] }, async () => {
        started++;
        await released;
      });
    events.addRule('ScanResults', { source: ['aws.guardduty'] }, async () => {});

    // Act
    const put = await events.put(created('incoming/up-3'));
    const keptBeforeDelivery = await deliveries.pending('default');
    release();
    await events.settled();

    // Assess
    expect(keptBeforeDelivery).toEqual([{ event: put, rules: ['CheckUpload', 'IndexUpload'] }]);
    expect(started).toBe(2);
    expect(await deliveries.pending('default')).toEqual([]);
  });

  test('an event no rule matches is neither kept nor delivered', async () => {
    // Prepare
    const deliveries = await freshDeliveries();
    const events = new LocalEventBus('default', ACCOUNT, deliveries, policy(3, []));
    events.addRule('ScanResults', { source: ['aws.guardduty'] }, async () => {
      throw new Error('never called');
    });

    // Act
    await events.put(created('incoming/up-4'));
    await events.settled();

    // Assess
    expect(await deliveries.pending('default')).toEqual([]);
    expect(await deliveries.deadLetters()).toEqual([]);
  });

  test('an event the store cannot keep is refused, and no target sees it', async () => {
    // Prepare
    const unreachable = new DynamoDBClient({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    const events = new LocalEventBus(
      'default',
      ACCOUNT,
      new EventDeliveries(unreachable, 'deliveries'),
      policy(3, []),
    );
    let calls = 0;
    events.addRule('CheckUpload', { source: ['aws.s3'] }, async () => {
      calls++;
    });

    // Act / Assess
    await expect(events.put(created('incoming/up-5'))).rejects.toThrow();
    await events.settled();
    expect(calls).toBe(0);
    unreachable.destroy();
  });

  test('a restarted bus delivers what the last one left, once per rule still pending, with the same retries', async () => {
    // Prepare: a first bus accepts two events; one rule finishes the first, the rest hang until it is dropped.
    const deliveries = await freshDeliveries();
    const before = new LocalEventBus('default', ACCOUNT, deliveries, policy(3, []));
    before.addRule('Fast', { detail: { object: { key: ['incoming/up-6'] } } }, async () => {});
    before.addRule('Slow', { source: ['aws.s3'] }, () => new Promise(() => {}));
    before.addRule('Retired', { source: ['aws.s3'] }, () => new Promise(() => {}));
    const first = await before.put(created('incoming/up-6'));
    const second = await before.put(created('incoming/up-7'));
    while ((await deliveries.pending('default')).some((pending) => pending.rules.includes('Fast')))
      await new Promise((resolve) => setTimeout(resolve, 5));
    const leftBehind = (await deliveries.pending('default')).sort((a, b) =>
      keyOf(a.event).localeCompare(keyOf(b.event)),
    );

    // Act: a new bus over the same store, whose Slow target fails once, and without the Retired rule.
    const deadLetters: DeadLetter[] = [];
    const after = new LocalEventBus('default', ACCOUNT, deliveries, policy(3, deadLetters));
    const delivered: string[] = [];
    let failures = 1;
    after.addRule('Fast', { source: ['aws.s3'] }, async (event) => {
      delivered.push(`Fast ${event.id}`);
    });
    after.addRule('Slow', { source: ['aws.s3'] }, async (event) => {
      if (failures-- > 0) throw new Error('still starting');
      delivered.push(`Slow ${event.id}`);
    });
    const resumed = await after.resume();
    await after.resume();
    await after.settled();

    // Assess
    expect(leftBehind).toEqual([
      { event: first, rules: ['Retired', 'Slow'] },
      { event: second, rules: ['Retired', 'Slow'] },
    ]);
    expect(resumed).toBe(2);
    expect(delivered.sort()).toEqual([`Slow ${first.id}`, `Slow ${second.id}`].sort());
    expect(deadLetters).toEqual([]);
    expect(await deliveries.pending('default')).toEqual([]);
  });

  test('each bus resumes only its own events', async () => {
    // Prepare
    const deliveries = await freshDeliveries();
    const cases = new LocalEventBus('cases', ACCOUNT, deliveries, policy(3, []));
    cases.addRule('Notify', { source: ['aws.s3'] }, () => new Promise(() => {}));
    const put = await cases.put(created('incoming/up-8'));

    // Act
    const other = new LocalEventBus('default', ACCOUNT, deliveries, policy(3, []));
    other.addRule('Notify', { source: ['aws.s3'] }, async () => {
      throw new Error('never called');
    });

    // Assess
    expect(await other.resume()).toBe(0);
    expect(await deliveries.pending('cases')).toEqual([{ event: put, rules: ['Notify'] }]);
  });
});
