import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectErrorShape, startServer, type TestServer, validApplication } from './server';

/**
 * A quarter of DynamoDB calls throttled (LOCAL_DYNAMODB_FAULT_RATE): overload answers 503 ServiceBusy
 * with Retry-After in the one error shape, and nothing else answers 5xx.
 */

let server: TestServer;
let founder = '';
let officer = '';
let ops = '';

beforeAll(async () => {
  server = await startServer({ INSTANT_APPROVAL: 'off', LOCAL_DYNAMODB_FAULT_RATE: '0.25' });
  founder = await server.token('throttled-founder', ['applicants']);
  officer = await server.token('throttled-officer', ['officers-tax']);
  ops = await server.token('throttled-ops', ['ops']);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

test('under throttling every 5xx is a 503 ServiceBusy with Retry-After, never a 500', async () => {
  // Prepare
  const requests = Array.from({ length: 40 }, (_, index) => [
    () =>
      server.request('POST', '/api/applications', {
        token: founder,
        body: validApplication(),
        headers: { 'idempotency-key': `throttled-${index % 10}` },
      }),
    () => server.request('GET', '/api/applications?limit=5', { token: founder }),
    () => server.request('GET', '/api/applications/co-missing', { token: founder }),
    () => server.request('GET', '/api/departments/tax/tasks', { token: officer }),
    () => server.request('GET', '/api/ops/sla', { token: ops }),
  ]).flat();

  // Act
  const responses = [];
  for (let start = 0; start < requests.length; start += 20) {
    responses.push(...(await Promise.all(requests.slice(start, start + 20).map((send) => send()))));
  }

  // Assess
  const busy = responses.filter((response) => response.status === 503);
  const otherServerErrors = responses.filter((response) => response.status >= 500 && response.status !== 503);
  expect(otherServerErrors.map((response) => [response.status, response.body])).toEqual([]);
  expect(busy.length, 'a 25% fault rate leaves some requests busy after the retries').toBeGreaterThan(0);
  for (const response of busy) {
    expectErrorShape(response.body);
    expect(response.body.error.code).toBe('ServiceBusy');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  }
}, 120_000);
