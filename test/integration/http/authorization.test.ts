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
let sealTaskId = '';
const secrets: string[] = [];
const form = validApplication();
const MARKET_NOTE = 'market-regulation note: address seen on site';
const TAX_NOTE = 'tax note: quota agreed by phone';

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
    body: { outcome: 'approved', note: MARKET_NOTE },
  });
  const taxInbox = await server.poll('/api/departments/tax/tasks', token.taxOfficer as string, (body) =>
    body.items.some((task: { applicationId: string }) => task.applicationId === caseId),
  );
  invoiceTaskId = taxInbox.items.find((task: { applicationId: string }) => task.applicationId === caseId).id;
  const sealInbox = await server.poll(
    '/api/departments/public-security/tasks',
    token.policeOfficer as string,
    (body) => body.items.some((task: { applicationId: string }) => task.applicationId === caseId),
  );
  sealTaskId = sealInbox.items.find((task: { applicationId: string }) => task.applicationId === caseId).id;
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
      ops: 403,
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
      ops: 404,
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
    body: () => ({ outcome: 'approved', note: TAX_NOTE }),
    expected: {
      owner: 404,
      otherFounder: 404,
      ownersAgent: 404,
      marketOfficer: 404,
      policeOfficer: 404,
      ops: 404,
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

/** Every resident ID number in a form, wherever a person stands in it. */
function idNumbersOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(idNumbersOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'idNumber' && typeof inner === 'string' ? [inner] : idNumbersOf(inner),
  );
}

const MASKED_ID = /^\d{3}\*{11}[\dX]{4}$/;
const MASKED_MOBILE = /^1\d{2}\*{4}\d{4}$/;
const LEGAL_REP_MOBILE = '13800138000';
const CONTACT_MOBILE = '13900139000';

describe('what each caller sees of the case (after market regulation and tax decided, each with a note)', () => {
  const read = async (caller: CallerName, path: string) => {
    const response = await server.request('GET', path, { token: token[caller] });
    expect(response.status, `${path} as ${caller}`).toBe(200);
    return { body: response.body, text: JSON.stringify(response.body) };
  };
  const expectAbsent = (text: string, secrets: string[], who: string) => {
    for (const secret of secrets) expect(text.includes(secret), `${who} reads ${secret}`).toBe(false);
  };

  test('the founder and the filing agent see the whole form and every department’s notes', async () => {
    for (const caller of ['owner', 'ownersAgent'] as const) {
      const { body } = await read(caller, `/api/applications/${caseId}`);
      expect(idNumbersOf(body.application)).toEqual(idNumbersOf(form));
      expect(body.application.legalRepresentative.mobile).toBe(LEGAL_REP_MOBILE);
      expect(body.application.delivery.mobile).toBe(LEGAL_REP_MOBILE);
      expect(body.items.registration.note).toBe(MARKET_NOTE);
      expect(body.items.invoice.note).toBe(TAX_NOTE);
    }
  });

  test('market regulation sees the full ID numbers it registers, not the invoice, seals, delivery or tax note', async () => {
    const { body, text } = await read('marketOfficer', `/api/applications/${caseId}`);
    expect(idNumbersOf(body.application)).toEqual(idNumbersOf(form));
    for (const section of ['invoice', 'seals', 'delivery'])
      expect(body.application).not.toHaveProperty(section);
    expect(body.items.registration.note).toBe(MARKET_NOTE);
    expect(body.items.invoice).toMatchObject({ note: null, reasons: [], result: null });
    expectAbsent(text, [TAX_NOTE], 'market regulation');
  });

  test('tax and public security see their own sections, the USCC, and every ID number and mobile masked', async () => {
    const fullIds = idNumbersOf(form);
    for (const [caller, own, other, otherNote] of [
      ['taxOfficer', 'invoice', 'seals', MARKET_NOTE],
      ['policeOfficer', 'seals', 'invoice', TAX_NOTE],
    ] as const) {
      const { body, text } = await read(caller, `/api/applications/${caseId}`);
      expect(body.application).toHaveProperty(own);
      for (const section of [
        other,
        'shareholders',
        'directors',
        'supervisor',
        'manager',
        'delivery',
        'materials',
      ]) {
        expect(body.application, `${caller} ${section}`).not.toHaveProperty(section);
      }
      expect(body.application.legalRepresentative.idNumber).toMatch(MASKED_ID);
      expect(body.application.legalRepresentative.mobile).toMatch(MASKED_MOBILE);
      expect(body.application.contact.mobile).toBe(CONTACT_MOBILE);
      expect(body.items.registration.result.uscc).toMatch(/^[0-9A-Z]{18}$/);
      expect(body.items.registration.note).toBeNull();
      expectAbsent(text, [...fullIds, LEGAL_REP_MOBILE, otherNote], caller);
    }
  });

  test('a public-security officer cannot read the tax task or its note, on the task or on the case', async () => {
    const taxTask = await server.request('GET', `/api/tasks/${invoiceTaskId}`, {
      token: token.policeOfficer,
    });
    expect(taxTask.status).toBe(404);
    expectAbsent(JSON.stringify(taxTask.body), [TAX_NOTE], 'public security');
    const { body, text } = await read('policeOfficer', `/api/tasks/${sealTaskId}`);
    expect(body.application.upstream).toEqual([
      expect.objectContaining({ item: 'registration', status: 'approved' }),
    ]);
    expect(body.application.upstream[0].result.uscc).toMatch(/^[0-9A-Z]{18}$/);
    expect(body.application.form).toHaveProperty('seals');
    expect(body.application.form).not.toHaveProperty('invoice');
    expectAbsent(text, [...idNumbersOf(form), LEGAL_REP_MOBILE, TAX_NOTE, MARKET_NOTE], 'public security');
    const caseBody = await read('policeOfficer', `/api/applications/${caseId}`);
    expect(caseBody.body.items.invoice).toMatchObject({ status: 'approved', note: null, taskId: null });
  });

  test('the tax officer’s own task carries its note and no full ID number', async () => {
    const { body, text } = await read('taxOfficer', `/api/tasks/${invoiceTaskId}`);
    expect(body.application.item.note).toBe(TAX_NOTE);
    expect(body.application.form.legalRepresentative.idNumber).toMatch(MASKED_ID);
    expectAbsent(text, [...idNumbersOf(form), LEGAL_REP_MOBILE, MARKET_NOTE], 'tax');
  });

  test('ops see the company and how the case runs, and no personal data at all', async () => {
    const { body, text } = await read('ops', `/api/applications/${caseId}`);
    expect(Object.keys(body.application).sort()).toEqual(['channel', 'company']);
    expect(body.items.invoice).toMatchObject({ status: 'approved', note: null, result: null });
    expect(body.delivery).toBeNull();
    expectAbsent(
      text,
      [
        ...idNumbersOf(form),
        LEGAL_REP_MOBILE,
        CONTACT_MOBILE,
        form.legalRepresentative.name,
        form.contact.email,
        MARKET_NOTE,
        TAX_NOTE,
      ],
      'ops',
    );
  });
});
