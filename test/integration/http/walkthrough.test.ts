import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer, validApplication } from './server';

/** The README's walk-through, over HTTP against `npm start`'s server, with every item going to an officer. */

let server: TestServer;
const tokens: Record<string, string> = {};
let submissions = 0;

const departments = ['market-regulation', 'tax', 'public-security'] as const;
const itemOf = { 'market-regulation': 'registration', tax: 'invoice', 'public-security': 'seal' } as const;

beforeAll(async () => {
  server = await startServer({ INSTANT_APPROVAL: 'off' });
  await server.setClock({ now: '2026-12-01T02:00:00.000Z' }); // Tuesday 10:00 in Guangzhou
  tokens.founder = await server.token('founder-walk', ['applicants']);
  tokens.ops = await server.token('ops-walk', ['ops']);
  for (const department of departments)
    tokens[department] = await server.token(`officer-${department}`, [`officers-${department}`]);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysDeep(inner)]);
  }
  return [];
}

async function submit(body = validApplication(), key = `walk-${Date.now()}-${submissions++}`) {
  return server.request('POST', '/api/applications', {
    token: tokens.founder,
    body,
    headers: { 'idempotency-key': key },
  });
}

async function taskFor(department: (typeof departments)[number], applicationId: string) {
  const inbox = await server.poll(
    `/api/departments/${department}/tasks`,
    tokens[department] as string,
    (body) => body.items.some((task: { applicationId: string }) => task.applicationId === applicationId),
  );
  return inbox.items.find((task: { applicationId: string }) => task.applicationId === applicationId);
}

async function decide(department: (typeof departments)[number], taskId: string, body: unknown) {
  return server.request('POST', `/api/tasks/${taskId}/decision`, { token: tokens[department], body });
}

describe('the walk-through', () => {
  test('submit, follow, every department decides, the case completes with its results', async () => {
    const submitted = await submit();
    expect(submitted.status).toBe(201);
    expect(submitted.headers.get('location')).toBe(`/api/applications/${submitted.body.id}`);
    const id = submitted.body.id as string;

    const followed = await server.request('GET', `/api/applications/${id}`, { token: tokens.founder });
    expect(followed.status).toBe(200);
    expect(followed.body.sla).toMatchObject({
      deadline: '2026-12-04T15:59:59.999Z',
      deadlineDate: '2026-12-04',
      state: 'on-track',
      calendar: 'official',
      workingDays: 3,
    });

    const registration = await taskFor('market-regulation', id);
    expect(registration).toMatchObject({
      item: 'registration',
      status: 'open',
      atRisk: false,
      overdue: false,
    });
    const detail = await server.request('GET', `/api/tasks/${registration.id}`, {
      token: tokens['market-regulation'],
    });
    expect(detail.status).toBe(200);
    expect(detail.body.application.form.company.name.full).toBe('广州云启科技有限公司');
    expect(keysDeep(detail.body)).not.toContain('token');
    expect((await decide('market-regulation', registration.id, { outcome: 'approved' })).status).toBe(200);

    for (const department of ['tax', 'public-security'] as const) {
      const task = await taskFor(department, id);
      expect(task.item).toBe(itemOf[department]);
      expect((await decide(department, task.id, { outcome: 'approved', note: 'ok' })).status).toBe(200);
    }

    const done = await server.poll(
      `/api/applications/${id}`,
      tokens.founder as string,
      (body) => body.status === 'completed',
    );
    expect(done.items.registration.result.uscc).toMatch(/^91440111[0-9A-Z]{10}$/);
    expect(done.items.invoice.result.monthlyQuotaCny).toBe(100000);
    expect(done.items.seal.result.seals.map((seal: { kind: string }) => seal.kind)).toEqual([
      'company',
      'finance',
      'invoice',
    ]);
    expect(done.delivery.trackingNumber).toMatch(/^SF\d{12}$/);
    expect(done.sla.state).toBe('met');
    expect(keysDeep(done)).not.toContain('token');
    const decisions = done.timeline.filter((event: { type: string }) => event.type === 'approved');
    expect(
      decisions
        .map((event: { actor: { role: string; department: string } }) => event.actor)
        .sort((a: any, b: any) => a.department.localeCompare(b.department)),
    ).toEqual([
      { role: 'officer', department: 'market-regulation' },
      { role: 'officer', department: 'public-security' },
      { role: 'officer', department: 'tax' },
    ]);

    const again = await decide('market-regulation', registration.id, {
      outcome: 'rejected',
      reasons: [{ path: 'x', message: 'y' }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('Conflict');
  });

  test('a correction round-trip: the officer lists every problem, the founder fixes them, the same department reviews again', async () => {
    const id = (await submit()).body.id as string;
    const first = await taskFor('market-regulation', id);
    const request = await decide('market-regulation', first.id, {
      outcome: 'correction-requested',
      reasons: [
        { path: 'company.address.detail', message: 'Give the room number exactly as on the lease' },
        { path: 'contact.email', message: 'Use a company mailbox' },
      ],
    });
    expect(request.status).toBe(200);
    const waiting = await server.poll(
      `/api/applications/${id}`,
      tokens.founder as string,
      (body) => body.status === 'correction-needed',
    );
    expect(waiting.sla.paused).toBe(true);
    expect(waiting.corrections[0]).toMatchObject({ item: 'registration', status: 'open' });
    expect(waiting.corrections[0].reasons.map((reason: { path: string }) => reason.path)).toEqual([
      'company.address.detail',
      'contact.email',
    ]);

    const invalid = validApplication();
    invalid.contact.mobile = '123';
    const rejected = await server.request('POST', `/api/applications/${id}/corrections`, {
      token: tokens.founder,
      body: { application: invalid },
    });
    expect(rejected.status).toBe(400);
    expect(rejected.body.error.fields.map((field: { path: string }) => field.path)).toEqual([
      'application.contact.mobile',
    ]);

    const fixed = validApplication();
    fixed.company.address.detail = '示例路18号A栋302房';
    fixed.contact.email = 'office@yunqi.example.com';
    const answer = await server.request('POST', `/api/applications/${id}/corrections`, {
      token: tokens.founder,
      body: { application: fixed, note: 'Both fixed' },
    });
    expect(answer.status).toBe(200);

    const second = await server.poll(
      `/api/departments/market-regulation/tasks`,
      tokens['market-regulation'] as string,
      (body) =>
        body.items.some(
          (task: { applicationId: string; round: number }) => task.applicationId === id && task.round === 2,
        ),
    );
    expect(second.items.find((task: { applicationId: string }) => task.applicationId === id).round).toBe(2);
    const resumed = await server.poll(
      `/api/applications/${id}`,
      tokens.founder as string,
      (body) => body.status === 'in-review',
    );
    expect(resumed.corrections[0]).toMatchObject({
      status: 'answered',
      changedFields: ['company.address.detail', 'contact.email'],
    });
    expect(resumed.sla.paused).toBe(false);
    expect(resumed.sla.pausedMs).toBeGreaterThanOrEqual(0);
  });

  test('after registration is approved, a seal correction may change the seals but not the registered name', async () => {
    const id = (await submit()).body.id as string;
    const registration = await taskFor('market-regulation', id);
    expect((await decide('market-regulation', registration.id, { outcome: 'approved' })).status).toBe(200);
    const seal = await taskFor('public-security', id);
    const request = await decide('public-security', seal.id, {
      outcome: 'correction-requested',
      reasons: [{ path: 'seals', message: 'A contract seal needs a board resolution' }],
    });
    expect(request.status).toBe(200);
    await server.poll(`/api/applications/${id}`, tokens.founder as string, (body) =>
      body.corrections.some((correction: { item: string }) => correction.item === 'seal'),
    );

    const renamed = validApplication();
    renamed.seals.set = ['company', 'finance'];
    renamed.company.name.tradeName = '云帆';
    renamed.company.name.full = '广州云帆科技有限公司';
    const refused = await server.request('POST', `/api/applications/${id}/corrections`, {
      token: tokens.founder,
      body: { application: renamed },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('ValidationFailed');
    expect(refused.body.error.fields.map((field: { path: string }) => field.path)).toEqual([
      'company.name.tradeName',
      'company.name.full',
    ]);
    expect(refused.body.error.fields[0].message_zh).toContain('企业名称');
    const unchanged = await server.request('GET', `/api/applications/${id}`, { token: tokens.founder });
    expect(unchanged.body.application.company.name.full).toBe('广州云启科技有限公司');
    expect(unchanged.body.corrections).toMatchObject([
      { item: 'seal', status: 'open', answerSubmitted: false },
    ]);

    const sealsOnly = validApplication();
    sealsOnly.seals.set = ['company', 'finance'];
    const answer = await server.request('POST', `/api/applications/${id}/corrections`, {
      token: tokens.founder,
      body: { application: sealsOnly },
    });
    expect(answer.status).toBe(200);
    const second = await server.poll(
      '/api/departments/public-security/tasks',
      tokens['public-security'] as string,
      (body) =>
        body.items.some(
          (task: { applicationId: string; round: number }) => task.applicationId === id && task.round === 2,
        ),
    );
    expect(second.items.find((task: { applicationId: string }) => task.applicationId === id).round).toBe(2);
    const resumed = await server.request('GET', `/api/applications/${id}`, { token: tokens.founder });
    expect(resumed.body.corrections[0]).toMatchObject({
      status: 'answered',
      changedFields: ['seals.set[2]'],
    });
    expect(resumed.body.application.company.name.full).toBe('广州云启科技有限公司');
  });
});

describe('concurrency', () => {
  test('20 concurrent duplicates of one submission make one case; the same key with another body is a conflict', async () => {
    const key = `dup-${Date.now()}`;
    const body = validApplication();
    const responses = await Promise.all(Array.from({ length: 20 }, () => submit(body, key)));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === null)).toHaveLength(
      1,
    );

    const mine = await server.request('GET', '/api/applications?limit=100', { token: tokens.founder });
    expect(mine.body.items.filter((item: { id: string }) => item.id === responses[0]?.body.id)).toHaveLength(
      1,
    );

    const other = validApplication();
    other.company.registeredCapitalCny = 2000000;
    other.shareholders[0].subscribedCapitalCny = 1600000;
    const conflict = await submit(other, key);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.message_zh).toContain('幂等键');
  });

  test('two concurrent decisions on one task: exactly one wins, the other is told the task is closed', async () => {
    const id = (await submit()).body.id as string;
    const task = await taskFor('market-regulation', id);
    const [a, b] = await Promise.all([
      decide('market-regulation', task.id, { outcome: 'approved' }),
      decide('market-regulation', task.id, {
        outcome: 'rejected',
        reasons: [{ path: 'company', message: 'no' }],
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'approved' : 'rejected';
    const record = await server.poll(`/api/applications/${id}`, tokens.founder as string, (body) =>
      ['approved', 'rejected'].includes(body.items.registration.status),
    );
    expect(record.items.registration.status).toBe(winner);
  });
});
