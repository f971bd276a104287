import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type TestServer, validApplication } from './server';

/** `npm start` killed with SIGKILL mid-case and started again on the same .data: the case carries on. */

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ INSTANT_APPROVAL: 'off' });
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

async function openTask(department: string, token: string, applicationId: string) {
  const inbox = await server.poll(`/api/departments/${department}/tasks`, token, (body) =>
    body.items.some((task: { applicationId: string }) => task.applicationId === applicationId),
  );
  return inbox.items.find((task: { applicationId: string }) => task.applicationId === applicationId);
}

test('the server killed with SIGKILL mid-case starts again and the case completes; tokens and tasks survive', async () => {
  const founder = await server.token('founder-restart', ['applicants']);
  const market = await server.token('officer-m', ['officers-market-regulation']);
  const tax = await server.token('officer-t', ['officers-tax']);
  const police = await server.token('officer-p', ['officers-public-security']);
  const submitted = await server.request('POST', '/api/applications', {
    token: founder,
    body: validApplication(),
    headers: { 'idempotency-key': 'restart-case-0001' },
  });
  expect(submitted.status).toBe(201);
  const id = submitted.body.id as string;
  const registration = await openTask('market-regulation', market, id);
  await server.request('POST', `/api/tasks/${registration.id}/decision`, {
    token: market,
    body: { outcome: 'approved' },
  });
  const invoice = await openTask('tax', tax, id);
  await openTask('public-security', police, id);

  await server.kill();
  await server.restart();

  // Tokens issued before the crash are still valid: the signing key lives with the data.
  const afterRestart = await server.request('GET', `/api/applications/${id}`, { token: founder });
  expect(afterRestart.status).toBe(200);
  expect(afterRestart.body.items.registration.status).toBe('approved');
  expect(
    (
      await server.request('POST', `/api/tasks/${invoice.id}/decision`, {
        token: tax,
        body: { outcome: 'approved' },
      })
    ).status,
  ).toBe(200);
  const seal = await openTask('public-security', police, id);
  expect(
    (
      await server.request('POST', `/api/tasks/${seal.id}/decision`, {
        token: police,
        body: { outcome: 'approved' },
      })
    ).status,
  ).toBe(200);

  const done = await server.poll(`/api/applications/${id}`, founder, (body) => body.status === 'completed');
  expect(done.items.invoice.status).toBe('approved');
  expect(done.items.seal.status).toBe('approved');
  expect(done.timeline.filter((event: { type: string }) => event.type === 'completed')).toHaveLength(1);

  // The same submission after the restart is still recognised as the same case.
  const replay = await server.request('POST', '/api/applications', {
    token: founder,
    body: validApplication(),
    headers: { 'idempotency-key': 'restart-case-0001' },
  });
  expect(replay.body.id).toBe(id);
  expect(replay.headers.get('idempotent-replayed')).toBe('true');
}, 150_000);
