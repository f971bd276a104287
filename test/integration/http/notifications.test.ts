import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_TABLE_NAME } from '../../../shared/config';
import { keys } from '../../../shared/data/table';
import { type Channel, noticeIdOf } from '../../../shared/notices/model';
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

/** Stores notices as the notifier does, so the list, the cursor and reading can be checked. */
async function storeNotices(sub: string, count: number) {
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: server.dynamoEndpoint(),
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const occurredAt = new Date(Date.UTC(2026, 11, 1, 0, index)).toISOString();
    for (const channel of ['app', 'email'] as Channel[]) {
      const id = noticeIdOf(`case-n.${index}`, occurredAt, channel);
      if (channel === 'app') ids.push(id);
      await db.send(
        new PutCommand({
          TableName: LOCAL_TABLE_NAME,
          Item: {
            ...keys.notice(sub, id),
            id,
            recipient: sub,
            event: 'case.submitted',
            eventId: `case-n.${index}`,
            channel,
            language: 'en',
            subject: `Notice ${index}`,
            body: 'Received',
            createdAt: occurredAt,
            caseId: 'case-n',
            link: 'http://127.0.0.1:3000/cases/case-n',
            status: channel === 'app' ? 'delivered' : 'sent',
            address: channel === 'email' ? 'alice@example.com' : undefined,
            version: 1,
          },
        }),
      );
    }
    await db.send(
      new UpdateCommand({
        TableName: LOCAL_TABLE_NAME,
        Key: keys.unreadNotices(sub),
        UpdateExpression: 'ADD ids :id',
        ExpressionAttributeValues: { ':id': new Set([ids.at(-1)]) },
      }),
    );
  }
  db.destroy();
  return ids;
}

describe('stored notices', () => {
  test('newest first, paged by cursor, filtered by channel; read once; unread counted', async () => {
    const reader = await server.token('founder-notices-list', ['applicants']);
    const ids = await storeNotices('founder-notices-list', 5);
    const first = await server.request('GET', '/api/notifications?channel=app&limit=3', { token: reader });
    expect(first.status).toBe(200);
    expect(first.body.unread).toBe(5);
    expect(first.body.items.map((n: { id: string }) => n.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect(first.body.items[0]).not.toHaveProperty('address');
    const second = await server.request(
      'GET',
      `/api/notifications?channel=app&limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: reader },
    );
    expect(second.body.items.map((n: { id: string }) => n.id)).toEqual([ids[1], ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    const all = await server.request('GET', '/api/notifications?limit=100', { token: reader });
    expect(all.body.items).toHaveLength(10);

    const read = await server.request('POST', `/api/notifications/${ids[4]}/read`, { token: reader });
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const again = await server.request('POST', `/api/notifications/${ids[4]}/read`, { token: reader });
    expect(again.body.readAt).toBe(read.body.readAt);
    const after = await server.request('GET', '/api/notifications?channel=app&limit=1', { token: reader });
    expect(after.body.unread).toBe(4);
    const stranger = await server.request('POST', `/api/notifications/${ids[3]}/read`, { token: other });
    expect(stranger.status).toBe(404);
  });
});
