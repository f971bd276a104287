import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectErrorShape, startServer, type TestServer, validApplication } from './server';

/** Signed list cursors through the real server: a page hands one out, only its own list takes it back. */

let server: TestServer;
let alice = '';
let bob = '';

beforeAll(async () => {
  server = await startServer({ INSTANT_APPROVAL: 'off' });
  alice = await server.token('cursor-alice', ['applicants']);
  bob = await server.token('cursor-bob', ['applicants']);
  for (const key of ['cursor-1', 'cursor-2', 'cursor-3']) {
    const submitted = await server.request('POST', '/api/applications', {
      token: alice,
      body: validApplication(),
      headers: { 'idempotency-key': key },
    });
    expect(submitted.status).toBe(201);
  }
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

const page = (token: string, cursor?: string) =>
  server.request('GET', `/api/applications?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
    token,
  });

function expectCursorRefused(response: { status: number; body: unknown }): void {
  expect(response.status).toBe(400);
  expectErrorShape(response.body);
  expect((response.body as { error: { fields: { path: string }[] } }).error.fields).toEqual([
    { path: 'cursor', message: 'This cursor is not one the API handed out', message_zh: '分页游标无效' },
  ]);
}

describe('list cursors', () => {
  test('the cursor of the first page takes the same list to the last case', async () => {
    const first = await page(alice);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const second = await page(alice, first.body.nextCursor);

    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(3);
  });

  test("another founder's cursor is refused at the cursor field, as a forged one is", async () => {
    const { nextCursor } = (await page(alice)).body as { nextCursor: string };

    expectCursorRefused(await page(bob, nextCursor));
  });

  test('a tampered cursor is refused: the key changed under its signature', async () => {
    const { nextCursor } = (await page(alice)).body as { nextCursor: string };
    const [payload = '', signature = ''] = nextCursor.split('.');
    const key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const tampered = `${Buffer.from(JSON.stringify({ ...key, ownerPk: 'OWNER#cursor-bob' })).toString('base64url')}.${signature}`;

    expectCursorRefused(await page(alice, tampered));
  });

  test('an unsigned key, as cursors were before they were signed, is refused', async () => {
    const forged = Buffer.from(JSON.stringify({ pk: 'x', sk: 'y', ownerPk: 'OWNER#cursor-alice' })).toString(
      'base64url',
    );

    expectCursorRefused(await page(alice, forged));
  });
});
