import { beforeAll, describe, expect, test } from 'vitest';
import { InvalidCursor } from '../../../shared/data/errors';
import { decodeCursor, encodeCursor } from '../../../shared/data/pages';

const KEY = {
  pk: 'APP#co-1',
  sk: 'CASE',
  ownerPk: 'OWNER#alice',
  submittedSk: '2026-03-02T01:00:00.000Z#co-1',
};

beforeAll(() => {
  process.env.CURSOR_SECRET = 'unit-test-cursor-secret';
});

describe('list cursors', () => {
  test('a cursor the API handed out for a list takes the same list on from its key', () => {
    // Act
    const cursor = encodeCursor(KEY, 'OWNER#alice');

    // Assess
    expect(decodeCursor(cursor as string, 'OWNER#alice')).toEqual(KEY);
    expect(encodeCursor(undefined, 'OWNER#alice')).toBeNull();
    expect(decodeCursor(undefined, 'OWNER#alice')).toBeUndefined();
  });

  test("another caller's cursor is refused: the signature covers the list's partition", () => {
    const cursor = encodeCursor(KEY, 'OWNER#alice') as string;

    expect(() => decodeCursor(cursor, 'OWNER#mallory')).toThrow(InvalidCursor);
  });

  test.each([
    ['an unsigned key, as cursors used to be', Buffer.from(JSON.stringify(KEY)).toString('base64url')],
    ['a key swapped under a valid signature', 'tampered'],
    ['a signature flipped by one character', 'flipped'],
    ['an empty string', ''],
    ['dots only', '...'],
  ])('%s is refused', (_, kind) => {
    // Prepare
    const valid = encodeCursor(KEY, 'OWNER#alice') as string;
    const [payload, signature] = valid.split('.') as [string, string];
    const cursor =
      kind === 'tampered'
        ? `${Buffer.from(JSON.stringify({ ...KEY, pk: 'APP#co-2' })).toString('base64url')}.${signature}`
        : kind === 'flipped'
          ? `${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`
          : kind;

    // Act + Assess
    expect(() => decodeCursor(cursor, 'OWNER#alice')).toThrow(InvalidCursor);
  });

  test('without the secret nothing is signed: a misconfigured function fails loudly', () => {
    const secret = process.env.CURSOR_SECRET;
    delete process.env.CURSOR_SECRET;
    try {
      expect(() => encodeCursor(KEY, 'OWNER#alice')).toThrow(/CURSOR_SECRET is not set/);
    } finally {
      process.env.CURSOR_SECRET = secret;
    }
  });
});
