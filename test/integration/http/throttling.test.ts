import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectErrorShape, startServer, type TestServer, validApplication } from './server';

/**
 * Half of DynamoDB calls throttled (LOCAL_DYNAMODB_FAULT_RATE): overload answers 503 ServiceBusy
 * with Retry-After in the one error shape, and nothing else answers 5xx.
 */

let server: TestServer;
let founder = '';
let officer = '';
let ops = '';

beforeAll(async () => {
  server = await startServer({ INSTANT_APPROVAL: 'off', LOCAL_DYNAMODB_FAULT_RATE: '0.5' });
  founder = await server.token('throttled-founder', ['applicants']);
  officer = await server.token('throttled-officer', ['officers-tax']);
  ops = await server.token('throttled-ops', ['ops']);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

/** Enough busy answers to check their shape: with the SDK's three attempts about 1 call in 8 stays busy at this rate. */
const BUSY_ANSWERS_WANTED = 5;
const MAXIMUM_ROUNDS = 60;

test('under throttling every 5xx is a 503 ServiceBusy with Retry-After, never a 500', async () => {
  // Prepare
  const round = (roundIndex: number) =>
    Array.from({ length: 4 }, (_, index) => [
      () =>
        server.request('POST', '/api/applications', {
          token: founder,
          body: validApplication(),
          headers: { 'idempotency-key': `throttled-${(roundIndex * 4 + index) % 10}` },
        }),
      () => server.request('GET', '/api/applications?limit=5', { token: founder }),
      () => server.request('GET', '/api/applications/co-missing', { token: founder }),
      () => server.request('GET', '/api/departments/tax/tasks', { token: officer }),
      () => server.request('GET', '/api/ops/sla', { token: ops }),
    ]).flat();

  // Act: rounds of 20 concurrent requests until enough were busy, so the check does not hang on chance
  const responses = [];
  for (let roundIndex = 0; roundIndex < MAXIMUM_ROUNDS; roundIndex++) {
    responses.push(...(await Promise.all(round(roundIndex).map((send) => send()))));
    if (responses.filter((response) => response.status === 503).length >= BUSY_ANSWERS_WANTED) break;
  }

  // Assess
  const busy = responses.filter((response) => response.status === 503);
  const otherServerErrors = responses.filter((response) => response.status >= 500 && response.status !== 503);
  expect(otherServerErrors.map((response) => [response.status, response.body])).toEqual([]);
  expect(busy.length, 'a 50% fault rate leaves some requests busy after the retries').toBeGreaterThanOrEqual(
    BUSY_ANSWERS_WANTED,
  );
  for (const response of busy) {
    expectErrorShape(response.body);
    expect(response.body.error.code).toBe('ServiceBusy');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  }
}, 240_000);
