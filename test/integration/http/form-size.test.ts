import { afterAll, beforeAll, expect, test } from 'vitest';
import { largestValidForm, withShareholders } from '../largest-form';
import { expectErrorShape, startServer, type TestServer, validApplication } from './server';

/** The form size limit over HTTP: the largest valid form is filed, one over it refused before anything is stored. */

let server: TestServer;
let founder: string;
let officer: string;

beforeAll(async () => {
  server = await startServer({ INSTANT_APPROVAL: 'off' });
  await server.setClock({ now: '2026-12-01T02:00:00.000Z' });
  founder = await server.token('founder-size', ['applicants']);
  officer = await server.token('officer-size', ['officers-market-regulation']);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

const submit = (body: unknown, key: string) =>
  server.request('POST', '/api/applications', { token: founder, body, headers: { 'idempotency-key': key } });

test('the largest valid form is filed; a larger one is a 400 at the list past its cap, and no case is made', async () => {
  // Act
  const largest = await submit(largestValidForm(), 'size-largest-1');
  const oversized = await submit(withShareholders(largestValidForm(), 400), 'size-oversized-1');

  // Assess
  expect(largest.status).toBe(201);
  expect(oversized.status).toBe(400);
  expectErrorShape(oversized.body);
  expect(oversized.body.error.code).toBe('ValidationFailed');
  // The schema's caps come first: every form they take fits the 64 KiB limit (bounded-items.test.ts).
  expect(oversized.body.error.fields.map((field: { path: string }) => field.path)).toContain('shareholders');
  const listed = await server.request('GET', '/api/applications', { token: founder });
  expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([largest.body.id]);
});

test('an oversized correction answer is a 400 and leaves the case waiting for an answer', async () => {
  // Prepare
  const id = (await submit(validApplication(), 'size-correction-1')).body.id as string;
  const inbox = await server.poll(`/api/departments/market-regulation/tasks`, officer, (body) =>
    body.items.some((task: { applicationId: string }) => task.applicationId === id),
  );
  const task = inbox.items.find((candidate: { applicationId: string }) => candidate.applicationId === id);
  await server.request('POST', `/api/tasks/${task.id}/decision`, {
    token: officer,
    body: {
      outcome: 'correction-requested',
      reasons: [{ path: 'contact.email', message: 'Use a company mailbox' }],
    },
  });
  await server.poll(`/api/applications/${id}`, founder, (body) => body.status === 'correction-needed');

  // Act
  const refused = await server.request('POST', `/api/applications/${id}/corrections`, {
    token: founder,
    body: { application: withShareholders(largestValidForm(), 400) },
  });

  // Assess
  expect(refused.status).toBe(400);
  expect(refused.body.error.fields.map((field: { path: string }) => field.path)).toContain(
    'application.shareholders',
  );
  const after = await server.request('GET', `/api/applications/${id}`, { token: founder });
  expect(after.body.status).toBe('correction-needed');
  expect(after.body.corrections[0]).toMatchObject({ status: 'open', answerSubmitted: false });
});
