import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectErrorShape, startServer, type TestServer } from './server';

/** The notices and account routes over HTTP against `npm start`'s server. */

let server: TestServer;
let founder: string;
let other: string;

beforeAll(async () => {
  server = await startServer();
  founder = await server.token('founder-notices', ['applicants']);
  other = await server.token('founder-notices-other', ['applicants']);
}, 90_000);

afterAll(() => server?.stop());

describe('account', () => {
  test('defaults when never saved, then what was put', async () => {
    const before = await server.request('GET', '/api/account', { token: founder });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      sub: 'founder-notices',
      language: 'zh-CN',
      channels: ['sms', 'email'],
      email: null,
      mobile: null,
    });
    const put = await server.request('PUT', '/api/account', {
      token: founder,
      body: { language: 'en', channels: ['email'], email: 'alice@example.com', mobile: '+86 138 0013 8000' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ language: 'en', channels: ['email'], mobile: '13800138000' });
    const after = await server.request('GET', '/api/account', { token: founder });
    expect(after.body).toEqual(put.body);
  });

  test('bad input is refused field by field in both languages, and nothing is saved', async () => {
    const put = await server.request('PUT', '/api/account', {
      token: other,
      body: { language: 'fr', channels: [], email: 'not-an-address', mobile: '12345' },
    });
    expect(put.status).toBe(400);
    expectErrorShape(put.body);
    const paths = put.body.error.fields.map((field: { path: string }) => field.path).sort();
    expect(paths).toEqual(['channels', 'email', 'language', 'mobile']);
    for (const field of put.body.error.fields) expect(field.message_zh).not.toBe(field.message);
    const after = await server.request('GET', '/api/account', { token: other });
    expect(after.body.language).toBe('zh-CN');
  });
});

describe('notifications', () => {
  test('none yet: an empty page and nothing unread', async () => {
    const list = await server.request('GET', '/api/notifications?channel=app', { token: founder });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [], nextCursor: null, unread: 0 });
  });

  test("a notice that is not the caller's is not found", async () => {
    const read = await server.request('POST', '/api/notifications/20261201T000000000Z.x.1.app/read', {
      token: other,
    });
    expect(read.status).toBe(404);
    expectErrorShape(read.body);
  });

  test('an unknown channel or a forged cursor is a 400', async () => {
    const channel = await server.request('GET', '/api/notifications?channel=fax', { token: founder });
    expect(channel.status).toBe(400);
    const cursor = await server.request('GET', '/api/notifications?cursor=abc.def', { token: founder });
    expect(cursor.status).toBe(400);
  });
});
