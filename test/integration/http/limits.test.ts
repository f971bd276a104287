import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectErrorShape, startServer, type TestServer, validApplication } from './server';

/**
 * Per-caller limits through the real server, set low here: two open cases per founder, four
 * submissions a day per founder, two a day per agent.
 */

let server: TestServer;
let founder = '';
let agent = '';
let officer = '';

/** Tuesday 2026-12-01, 10:00 in Beijing: 14 hours until the next Beijing day. */
const NOW = '2026-12-01T02:00:00.000Z';
const UNTIL_TOMORROW_SECONDS = 14 * 3600;

beforeAll(async () => {
  server = await startServer({
    INSTANT_APPROVAL: 'off',
    MAX_OPEN_CASES_PER_FOUNDER: '2',
    MAX_FOUNDER_SUBMISSIONS_PER_DAY: '4',
    MAX_AGENT_SUBMISSIONS_PER_DAY: '2',
  });
  await server.setClock({ now: NOW });
  founder = await server.token('limited-founder', ['applicants']);
  agent = await server.token('limited-agent', ['agents']);
  officer = await server.token('limited-officer', ['officers-market-regulation']);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

const submit = (key: string, token = founder, headers: Record<string, string> = {}) =>
  server.request('POST', '/api/applications', {
    token,
    body: validApplication(),
    headers: { 'idempotency-key': key, ...headers },
  });

/** The runtime clock runs on from NOW in real time: a daily limit's wait is a little shorter each second. */
function expectLimit(response: { status: number; headers: Headers; body: unknown }, retryAfter: number) {
  expect(response.status).toBe(429);
  expectErrorShape(response.body);
  expect((response.body as { error: { code: string } }).error.code).toBe('LimitReached');
  const seconds = Number(response.headers.get('retry-after'));
  expect(seconds).toBeLessThanOrEqual(retryAfter);
  expect(seconds).toBeGreaterThan(retryAfter - 120);
}

async function rejectRegistration(applicationId: string): Promise<void> {
  const inbox = await server.poll('/api/departments/market-regulation/tasks', officer, (body) =>
    body.items.some((task: { applicationId: string }) => task.applicationId === applicationId),
  );
  const task = inbox.items.find(
    (candidate: { applicationId: string }) => candidate.applicationId === applicationId,
  );
  const decided = await server.request('POST', `/api/tasks/${task.id}/decision`, {
    token: officer,
    body: { outcome: 'rejected', reasons: [{ path: 'company.name', message: 'Taken' }] },
  });
  expect(decided.status).toBe(200);
  await server.poll(`/api/applications/${applicationId}`, founder, (body) => body.status === 'rejected');
}

describe('per-caller submission limits', () => {
  test('a founder: two open cases, retries never counted, a place freed by a rejection, four a day', async () => {
    const first = await submit('limited-1');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await submit('limited-2')).status).toBe(201);

    const replay = await submit('limited-1');
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const third = await submit('limited-3');
    expectLimit(third, 3600);
    expect((third.body as { error: { message_zh: string } }).error.message_zh).toContain('2 份办理中的申请');

    await rejectRegistration(first.body.id);
    expect((await submit('limited-4')).status).toBe(201);

    const fifth = await submit('limited-5');
    expectLimit(fifth, UNTIL_TOMORROW_SECONDS);
    expect((fifth.body as { error: { message: string } }).error.message).toContain('4 applications today');
  });

  test('an agent: two a day, whoever they file for', async () => {
    expect((await submit('desk-key-1', agent, { 'on-behalf-of': 'limited-founder-a' })).status).toBe(201);
    expect((await submit('desk-key-2', agent, { 'on-behalf-of': 'limited-founder-b' })).status).toBe(201);

    expectLimit(
      await submit('desk-key-3', agent, { 'on-behalf-of': 'limited-founder-c' }),
      UNTIL_TOMORROW_SECONDS,
    );
  });

  test('the next Beijing day opens the daily limits again', async () => {
    await server.setClock({ advance: 'PT14H' });
    agent = await server.token('limited-agent', ['agents']);

    expect((await submit('desk-key-4', agent, { 'on-behalf-of': 'limited-founder-c' })).status).toBe(201);
  });
});
