import { describe, expect, test } from 'vitest';
import { type BusEvent, LocalEventBus, matches } from '../../../local/event-bus';
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

describe('the local bus delivers each matching event, retries, then dead-letters', () => {
  const bus = (attempts: number, deadLetters: unknown[]) =>
    new LocalEventBus(ACCOUNT, {
      attempts,
      backoffMs: () => 1,
      deadLetter: (rule, event, error) =>
        deadLetters.push({ rule, key: (event.detail.object as { key: string }).key, error: String(error) }),
    });

  test('a target failing twice gets the event a third time', async () => {
    // Prepare
    const deadLetters: unknown[] = [];
    const events = bus(3, deadLetters);
    const seen: BusEvent[] = [];
    let failures = 2;
    events.addRule('Flaky', { source: ['aws.s3'] }, async (event) => {
      if (failures-- > 0) throw new Error('busy');
      seen.push(event);
    });

    // Act
    const put = events.put(created('incoming/up-1'));
    await events.settled();

    // Assess
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: put.id, version: '0', account: ACCOUNT.accountId, source: 'aws.s3' });
    expect(deadLetters).toEqual([]);
  });

  test('a target that keeps failing sends the event to the dead letters once', async () => {
    // Prepare
    const deadLetters: unknown[] = [];
    const events = bus(3, deadLetters);
    let calls = 0;
    events.addRule('Broken', { source: ['aws.s3'] }, async () => {
      calls++;
      throw new Error('down');
    });
    events.addRule('Elsewhere', { source: ['aws.guardduty'] }, async () => {
      throw new Error('never called');
    });

    // Act
    events.put(created('incoming/up-2'));
    await events.settled();

    // Assess
    expect(calls).toBe(3);
    expect(deadLetters).toEqual([{ rule: 'Broken', key: 'incoming/up-2', error: 'Error: down' }]);
  });
});
