import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CallerRole, ROUTE_LIST } from '../../../shared/entry-points/routes';
import { expectErrorShape, startServer, type TestServer, validApplication } from './server';

/**
 * Every route × every kind of caller: what each may see (else 404) and do (else 403), with no token or
 * a bad one 401 — and no case data in any answer a caller should not get.
 */

type CallerName =
  | 'owner'
  | 'otherFounder'
  | 'ownersAgent'
  | 'marketOfficer'
  | 'taxOfficer'
  | 'policeOfficer'
  | 'ops'
  | 'noToken'
  | 'expiredToken'
  | 'forgedToken'
  | 'foreignKeyToken';

const CALLERS: CallerName[] = [
  'owner',
  'otherFounder',
  'ownersAgent',
  'marketOfficer',
  'taxOfficer',
  'policeOfficer',
  'ops',
  'noToken',
  'expiredToken',
  'forgedToken',
  'foreignKeyToken',
];
const UNAUTHENTICATED = { noToken: 401, expiredToken: 401, forgedToken: 401, foreignKeyToken: 401 } as const;

let server: TestServer;
const token: Partial<Record<CallerName, string>> = {};
let caseId = '';
let invoiceTaskId = '';
const secrets: string[] = [];

beforeAll(async () => {
  server = await startServer({ INSTANT_APPROVAL: 'off' });
  await server.setClock({ now: '2026-12-01T02:00:00.000Z' });
  token.expiredToken = await server.token('founder-owner', ['applicants']);
  await server.setClock({ advance: 'PT13H' }); // past the 12-hour token lifetime
  token.owner = await server.token('founder-owner', ['applicants']);
  token.otherFounder = await server.token('founder-other', ['applicants']);
  token.ownersAgent = await server.token('agent-1', ['agents']);
  token.marketOfficer = await server.token('officer-m', ['officers-market-regulation']);
  token.taxOfficer = await server.token('officer-t', ['officers-tax']);
  token.policeOfficer = await server.token('officer-p', ['officers-public-security']);
  token.ops = await server.token('ops-1', ['ops']);
  const [header, payload, signature] = (token.owner as string).split('.');
  const tampered = Buffer.from(
    JSON.stringify({
      ...JSON.parse(Buffer.from(payload as string, 'base64url').toString()),
      'cognito:groups': ['ops'],
    }),
  ).toString('base64url');
  token.forgedToken = `${header}.${tampered}.${signature}`;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  await exportJWK(privateKey);
  token.foreignKeyToken = await new SignJWT({ 'cognito:groups': ['ops'] })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('intruder')
    .setIssuer('company-opening-local')
    .setAudience('company-opening')
    .setExpirationTime('1h')
    .sign(privateKey);

  // The agent files the case for the owner; it passes registration, so invoice and seal tasks open.
  const form = validApplication();
  form.company.name.tradeName = '星河';
  form.company.name.full = '广州星河科技有限公司';
  const submitted = await server.request('POST', '/api/applications', {
    token: token.ownersAgent,
    body: form,
    headers: { 'idempotency-key': 'authz-case-0001', 'on-behalf-of': 'founder-owner' },
  });
  expect(submitted.status).toBe(201);
  caseId = submitted.body.id;
  secrets.push(caseId, form.company.name.full, 'founder-owner');
  const inbox = await server.poll(
    '/api/departments/market-regulation/tasks',
    token.marketOfficer as string,
    (body) => body.items.some((task: { applicationId: string }) => task.applicationId === caseId),
  );
  const registration = inbox.items.find((task: { applicationId: string }) => task.applicationId === caseId);
  await server.request('POST', `/api/tasks/${registration.id}/decision`, {
    token: token.marketOfficer,
    body: { outcome: 'approved' },
  });
  const taxInbox = await server.poll('/api/departments/tax/tasks', token.taxOfficer as string, (body) =>
    body.items.some((task: { applicationId: string }) => task.applicationId === caseId),
  );
  invoiceTaskId = taxInbox.items.find((task: { applicationId: string }) => task.applicationId === caseId).id;
  await server.poll('/api/departments/public-security/tasks', token.policeOfficer as string, (body) =>
    body.items.some((task: { applicationId: string }) => task.applicationId === caseId),
  );
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

interface RouteCase {
  name: string;
  method: string;
  path: () => string;
  body?: (caller: CallerName) => unknown;
  headers?: (caller: CallerName) => Record<string, string>;
  expected: Partial<Record<CallerName, number>>;
}

const correction = () => ({ application: validApplication() });

const ROUTES: RouteCase[] = [
  {
    name: 'POST /api/applications',
    method: 'POST',
    path: () => '/api/applications',
    body: () => validApplication(),
    headers: (caller) => ({
      'idempotency-key': `authz-${caller}-submit`,
      ...(caller === 'ownersAgent' ? { 'on-behalf-of': 'founder-owner' } : {}),
    }),
    expected: {
      owner: 201,
      otherFounder: 201,
      ownersAgent: 201,
      marketOfficer: 403,
      taxOfficer: 403,
      policeOfficer: 403,
      ops: 403,
    },
  },
  {
    name: 'GET /api/applications',
    method: 'GET',
    path: () => '/api/applications',
    expected: {
      owner: 200,
      otherFounder: 200,
      ownersAgent: 200,
      marketOfficer: 403,
      taxOfficer: 403,
      policeOfficer: 403,
      ops: 403,
    },
  },
  {
    name: 'GET /api/applications/{id}',
    method: 'GET',
    path: () => `/api/applications/${caseId}`,
    expected: {
      owner: 200,
      otherFounder: 404,
      ownersAgent: 200,
      marketOfficer: 200,
      taxOfficer: 200,
      policeOfficer: 200,
      ops: 200,
    },
  },
  {
    name: 'GET /api/applications/{unknown}',
    method: 'GET',
    path: () => '/api/applications/co-does-not-exist',
    expected: {
      owner: 404,
      otherFounder: 404,
      ownersAgent: 404,
      marketOfficer: 404,
      taxOfficer: 404,
      policeOfficer: 404,
      ops: 404,
    },
  },
  {
    name: 'POST /api/applications/{id}/corrections',
    method: 'POST',
    path: () => `/api/applications/${caseId}/corrections`,
    body: correction,
    // Allowed callers get past authorization and meet the business rule: no correction is open.
    expected: {
      owner: 409,
      otherFounder: 404,
      ownersAgent: 409,
      marketOfficer: 403,
      taxOfficer: 403,
      policeOfficer: 403,
      ops: 403,
    },
  },
  {
    name: 'GET /api/departments/tax/tasks',
    method: 'GET',
    path: () => '/api/departments/tax/tasks',
    expected: {
      owner: 403,
      otherFounder: 403,
      ownersAgent: 403,
      marketOfficer: 403,
      taxOfficer: 200,
      policeOfficer: 403,
      ops: 200,
    },
  },
  {
    name: 'GET /api/departments/{unknown}/tasks',
    method: 'GET',
    path: () => '/api/departments/fisheries/tasks',
    expected: {
      owner: 404,
      otherFounder: 404,
      ownersAgent: 404,
      marketOfficer: 404,
      taxOfficer: 404,
      policeOfficer: 404,
      ops: 404,
    },
  },
  {
    name: 'GET /api/tasks/{taskId}',
    method: 'GET',
    path: () => `/api/tasks/${invoiceTaskId}`,
    expected: {
      owner: 404,
      otherFounder: 404,
      ownersAgent: 404,
      marketOfficer: 404,
      taxOfficer: 200,
      policeOfficer: 404,
      ops: 200,
    },
  },
  {
    name: 'GET /api/ops/sla',
    method: 'GET',
    path: () => '/api/ops/sla',
    expected: {
      owner: 403,
      otherFounder: 403,
      ownersAgent: 403,
      marketOfficer: 403,
      taxOfficer: 403,
      policeOfficer: 403,
      ops: 200,
    },
  },
  {
    name: 'GET /api/health',
    method: 'GET',
    path: () => '/api/health',
    expected: Object.fromEntries(CALLERS.map((caller) => [caller, 200])),
  },
  {
    name: 'GET /api/openapi.json',
    method: 'GET',
    path: () => '/api/openapi.json',
    expected: Object.fromEntries(CALLERS.map((caller) => [caller, 200])),
  },
  {
    name: 'GET /api/catalogue',
    method: 'GET',
    path: () => '/api/catalogue',
    expected: Object.fromEntries(CALLERS.map((caller) => [caller, 200])),
  },
  {
    name: 'GET /api/catalogue/bundles/{id}/checklist',
    method: 'GET',
    path: () => '/api/catalogue/bundles/company-opening/checklist',
    expected: Object.fromEntries(CALLERS.map((caller) => [caller, 200])),
  },
  {
    // Last: the tax officer's 200 decides the task.
    name: 'POST /api/tasks/{taskId}/decision',
    method: 'POST',
    path: () => `/api/tasks/${invoiceTaskId}/decision`,
    body: () => ({ outcome: 'approved' }),
    expected: {
      owner: 404,
      otherFounder: 404,
      ownersAgent: 404,
      marketOfficer: 404,
      policeOfficer: 404,
      ops: 403,
      taxOfficer: 200,
    },
  },
];

function expectNothingLeaked(route: string, caller: CallerName, body: unknown): void {
  const text = JSON.stringify(body);
  for (const secret of secrets) {
    expect(text.includes(secret), `${route} as ${caller} leaks ${secret}`).toBe(false);
  }
}

describe('authorization matrix', () => {
  for (const route of ROUTES) {
    test(route.name, async () => {
      const order = [...CALLERS].sort((a, b) => Number(a === 'taxOfficer') - Number(b === 'taxOfficer'));
      for (const caller of order) {
        const expected = route.expected[caller] ?? UNAUTHENTICATED[caller as keyof typeof UNAUTHENTICATED];
        const response = await server.request(route.method, route.path(), {
          token: token[caller],
          body: route.body?.(caller),
          headers: route.headers?.(caller),
        });
        expect(
          response.status,
          `${route.name} as ${caller}: ${JSON.stringify(response.body).slice(0, 200)}`,
        ).toBe(expected);
        if (response.status >= 400) {
          expectErrorShape(response.body);
          expectNothingLeaked(route.name, caller, response.body);
        }
        if (
          route.name === 'GET /api/applications' &&
          caller !== 'owner' &&
          caller !== 'ownersAgent' &&
          response.status === 200
        ) {
          expectNothingLeaked(route.name, caller, response.body);
        }
        if (route.name === 'GET /api/applications' && (caller === 'owner' || caller === 'ownersAgent')) {
          expect(response.body.items.map((item: { id: string }) => item.id)).toContain(caseId);
        }
      }
    });
  }

  test('every caller the matrix lets through is one its route declares (shared/entry-points/routes.ts)', () => {
    const ROLE: Partial<Record<CallerName, CallerRole>> = {
      owner: 'applicants',
      otherFounder: 'applicants',
      ownersAgent: 'agents',
      marketOfficer: 'officers',
      taxOfficer: 'officers',
      policeOfficer: 'officers',
      ops: 'ops',
    };
    for (const route of ROUTES) {
      const declaration = ROUTE_LIST.find(
        (candidate) =>
          candidate.method === route.method &&
          new RegExp(`^${candidate.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(route.path()),
      );
      expect(declaration, route.name).toBeDefined();
      const allowed = CALLERS.filter((caller) => (route.expected[caller] ?? 401) < 400);
      for (const caller of allowed) {
        const role = ROLE[caller];
        const callers = declaration?.callers;
        expect(
          callers === 'anyone' || (role !== undefined && callers?.includes(role)),
          `${route.name} ${caller}`,
        ).toBe(true);
      }
    }
  });

  test('an applicant cannot file for someone else, and an agent must say whom they file for', async () => {
    const impersonation = await server.request('POST', '/api/applications', {
      token: token.owner,
      body: validApplication(),
      headers: { 'idempotency-key': 'authz-impersonate', 'on-behalf-of': 'founder-other' },
    });
    expect(impersonation.status).toBe(403);
    const anonymousFiling = await server.request('POST', '/api/applications', {
      token: token.ownersAgent,
      body: validApplication(),
      headers: { 'idempotency-key': 'authz-agent-no-founder' },
    });
    expect(anonymousFiling.status).toBe(400);
    expect(anonymousFiling.body.error.fields[0].path).toBe('headers.on-behalf-of');
  });
});
