import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROUTE_LIST } from '../../../shared/entry-points/routes';
import { expectErrorShape, startServer, type TestServer, validApplication } from './server';

/**
 * Thousands of malformed requests — bodies, headers, paths — against `npm start`'s server: never a
 * 5xx, every 4xx in the one error shape, and nothing written to the table.
 */

const REQUESTS = 2000;

let server: TestServer;
let founder = '';
let officer = '';
let ops = '';
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  server = await startServer({ INSTANT_APPROVAL: 'off' });
  founder = await server.token('fuzz-founder', ['applicants']);
  officer = await server.token('fuzz-officer', ['officers-tax']);
  ops = await server.token('fuzz-ops', ['ops']);
  documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: server.dynamoEndpoint(),
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
}, 90_000);

afterAll(async () => {
  documents?.destroy();
  await server?.stop();
});

async function itemsInTable(): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({ TableName: 'company-opening', Select: 'COUNT', ExclusiveStartKey }),
    );
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function leafPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, [...path, key]));
  }
  return [path];
}

function objectPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => objectPaths(item, [...path, index]));
  if (value && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([key, inner]) => objectPaths(inner, [...path, key]))];
  }
  return [];
}

function at(value: Json, path: (string | number)[]): any {
  return path.reduce<any>((inner, key) => inner?.[key], value);
}

const form = validApplication() as Json;
const leaves = leafPaths(form);
const objects = objectPaths(form);

/** A value of another JSON type than `value`: the strict form never accepts it. */
const otherType = (value: Json) =>
  fc.oneof(
    ...[
      typeof value !== 'number' ? fc.double({ noNaN: true }) : undefined,
      typeof value !== 'string' ? fc.string() : undefined,
      typeof value !== 'boolean' ? fc.boolean() : undefined,
      value !== null ? fc.constant(null) : undefined,
      !Array.isArray(value) ? fc.array(fc.integer(), { maxLength: 3 }) : undefined,
      typeof value !== 'object' || Array.isArray(value) || value === null
        ? fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 })
        : undefined,
    ].filter((arbitrary) => arbitrary !== undefined),
  );

/** The valid form with one change that always makes it invalid. */
const brokenForm = fc.oneof(
  fc.constantFrom(...leaves).chain((path) =>
    otherType(at(form, path)).map((replacement) => {
      const copy = structuredClone(form) as any;
      const parent = at(copy, path.slice(0, -1));
      parent[path.at(-1) as string] = replacement;
      return copy;
    }),
  ),
  fc
    .tuple(
      fc.constantFrom(...objects),
      fc.string({ minLength: 1 }).filter((key) => !['__proto__', 'constructor'].includes(key)),
    )
    .map(([path, key]) => {
      const copy = structuredClone(form) as any;
      const target = at(copy, path);
      if (!(key in target)) target[key] = 'unexpected';
      else target[`${key}-unknown`] = 'unexpected';
      return copy;
    }),
  fc
    .constantFrom(
      'company',
      'legalRepresentative',
      'shareholders',
      'invoice',
      'seals',
      'delivery',
      'materials',
      'channel',
    )
    .map((field) => {
      const copy = structuredClone(form) as any;
      delete copy[field];
      return copy;
    }),
);

interface FuzzRequest {
  method: string;
  path: string;
  token?: string;
  headers: Record<string, string>;
  body?: string;
  /** The status and error code a hand-made attack must get. */
  expected?: { status: number; code: string };
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const caseKey = { pk: 'APP#co-x', sk: 'CASE', ownerPk: 'OWNER#fuzz-founder', submittedSk: 'x#co-x' };

/** Cursors of the shape the API hands out (key.signature), none of them signed by it. */
const forgedCursor = fc.oneof(
  fc.json().map((key) => base64url(key)),
  fc
    .tuple(fc.json(), fc.uint8Array({ minLength: 32, maxLength: 32 }))
    .map(([key, signature]) => `${base64url(key)}.${Buffer.from(signature).toString('base64url')}`),
  fc.constant(base64url(JSON.stringify(caseKey))),
);

const LIST_ROUTES = ['/api/applications', '/api/departments/tax/tasks'] as const;

/** Forged and tampered cursors on both lists, as each list's own caller sends them. */
function cursorAttacks(founder: string, officer: string): FuzzRequest[] {
  const signature = Buffer.alloc(32, 7).toString('base64url');
  const cursors = [
    base64url(JSON.stringify(caseKey)),
    `${base64url(JSON.stringify(caseKey))}.${signature}`,
    `${base64url(JSON.stringify({ pk: { S: 1 }, sk: [] }))}.${signature}`,
    `${base64url(JSON.stringify(caseKey))}.${signature}.${signature}`,
    `.${signature}`,
    'x'.repeat(2048),
  ];
  return LIST_ROUTES.flatMap((path) =>
    cursors.map((cursor) => ({
      method: 'GET',
      path: `${path}?cursor=${encodeURIComponent(cursor)}`,
      token: path === '/api/applications' ? founder : officer,
      headers: {},
      expected: { status: 400, code: 'ValidationFailed' },
    })),
  );
}

const MEGABYTE_STRING = 'x'.repeat(1_000_000);
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** 100,000-deep bodies and 1 MB strings on every route that reads a body. */
function bodyAttacks(founder: string, officer: string): FuzzRequest[] {
  const routes = [
    {
      path: '/api/applications',
      token: founder,
      oneMegabyte: { ...(form as object), channel: MEGABYTE_STRING },
    },
    {
      path: '/api/applications/co-unknown/corrections',
      token: founder,
      oneMegabyte: { form: MEGABYTE_STRING },
    },
    {
      path: '/api/tasks/t-unknown/decision',
      token: officer,
      oneMegabyte: { outcome: 'approved', note: MEGABYTE_STRING },
    },
  ];
  return routes.flatMap(({ path, token, oneMegabyte }, index) => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': `fuzz-attack-${index}` };
    const deep = { status: 400, code: 'BodyTooDeep' };
    return [
      { method: 'POST', path, token, headers, body: nestedArrays(100_000), expected: deep },
      { method: 'POST', path, token, headers, body: nestedObjects(100_000), expected: deep },
      { method: 'POST', path, token, headers, body: JSON.stringify(oneMegabyte) },
      { method: 'POST', path, token, headers, body: JSON.stringify(MEGABYTE_STRING) },
    ];
  });
}

const weirdSegment = fc
  .oneof(
    fc.string(),
    fc.constantFrom('..', '%2e%2e', '%00', '%ff', '😀', '广州', 'a'.repeat(300), '{id}', '*'),
  )
  .map((segment) => encodeURIComponent(segment).replace(/%25/g, '%'));

/** Every declared route, odd path parameters and query strings, as any caller or none. */
const anyDeclaredRoute = (tokens: string[]): fc.Arbitrary<FuzzRequest> =>
  fc.constantFrom(...ROUTE_LIST).chain((route) =>
    fc.record({
      method: fc.constant(route.method),
      path: fc
        .tuple(
          fc.array(weirdSegment, { minLength: 3, maxLength: 3 }),
          // At most three parameters of up to 2,000 characters: a URL stays under CloudFront's 8,192 bytes.
          fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.string(), fc.constant('x'.repeat(2000))), {
            maxKeys: 3,
          }),
        )
        .map(([segments, query]) => {
          let parameter = 0;
          const path = route.path.replace(/\{[^}]+\}/g, () => segments[parameter++] || 'x');
          return `${path}?${new URLSearchParams(query)}`;
        }),
      token: fc.option(fc.constantFrom(...tokens), { nil: undefined }),
      headers: fc.record({ 'content-type': fc.constant('application/json'), 'idempotency-key': fc.uuid() }),
      body: fc.option(fc.json(), { nil: undefined }),
    }),
  );

const requestsFor = (founder: string, officer: string, ops: string): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(
    anyDeclaredRoute([founder, officer, ops]),
    brokenForm.chain((body) =>
      fc.record({
        method: fc.constant('POST'),
        path: fc.constant('/api/applications'),
        token: fc.constant(founder),
        headers: fc.record({ 'content-type': fc.constant('application/json'), 'idempotency-key': fc.uuid() }),
        body: fc.constant(JSON.stringify(body)),
      }),
    ),
    fc.record({
      method: fc.constant('POST'),
      path: fc.constantFrom(
        '/api/applications',
        '/api/tasks/t-unknown/decision',
        '/api/applications/co-unknown/corrections',
      ),
      token: fc.constantFrom(founder, officer),
      headers: fc.record({
        'content-type': fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          '',
        ),
        'idempotency-key': fc.oneof(fc.string(), fc.uuid()),
      }),
      body: fc.oneof(
        fc.json(),
        fc.string(),
        fc.constant('{"unterminated":'),
        fc.constant(''),
        fc.constant('[]'),
        fc.constant('null'),
      ),
    }),
    fc.record({
      method: fc.constant('POST'),
      path: fc.constant('/api/applications'),
      token: fc.constant(founder),
      headers: fc.record({
        'content-type': fc.constant('application/json'),
        'idempotency-key': fc.string({ maxLength: 7 }),
      }),
      body: fc.constant(JSON.stringify(form)),
    }),
    fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      path: fc
        .array(weirdSegment, { minLength: 1, maxLength: 4 })
        .map((segments) => `/api/${segments.join('/')}`),
      token: fc.option(fc.constantFrom(founder, officer), { nil: undefined }),
      headers: fc.constant({}),
      body: fc.option(fc.json(), { nil: undefined }),
    }),
    fc.record({
      method: fc.constant('GET'),
      path: fc
        .tuple(fc.constantFrom(...LIST_ROUTES), fc.oneof(fc.string(), forgedCursor), fc.string())
        .map(
          ([path, cursor, limit]) =>
            `${path}?cursor=${encodeURIComponent(cursor)}&limit=${encodeURIComponent(limit)}`,
        ),
      token: fc.constantFrom(founder, officer),
      headers: fc.constant({}),
    }),
    fc.record({
      method: fc.constantFrom('GET', 'POST'),
      path: fc.constantFrom('/api/applications', '/api/ops/sla', '/api/tasks/x'),
      headers: fc.record({
        authorization: fc.oneof(
          fc.string(),
          fc.string().map((text) => `Bearer ${text}`),
          fc.constant(`Bearer ${'e'.repeat(5000)}`),
        ),
      }),
    }),
    fc.record({
      method: fc.constant('POST'),
      path: fc.constant('/api/tasks/t-unknown/decision'),
      token: fc.constant(officer),
      headers: fc.constant({ 'content-type': 'application/json' }),
      body: fc
        .record(
          {
            outcome: fc.oneof(
              fc.constantFrom('approved', 'rejected', 'correction-requested', 'maybe'),
              fc.anything(),
            ),
            reasons: fc.anything(),
            note: fc.anything(),
          },
          { requiredKeys: [] },
        )
        .map((body) => JSON.stringify(body)),
    }),
  );

test(`${REQUESTS} malformed requests: no 5xx, every 4xx in the error shape, nothing written`, async () => {
  const before = await itemsInTable();
  const samples = fc.sample(requestsFor(founder, officer, ops), { numRuns: REQUESTS, seed: 20261128 });
  samples.push({
    method: 'POST',
    path: '/api/applications',
    token: founder,
    headers: { 'content-type': 'application/json', 'idempotency-key': 'too-large-body' },
    body: JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }),
  });
  samples.push(...cursorAttacks(founder, officer), ...bodyAttacks(founder, officer));
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < samples.length) {
        const request = samples[next++] as FuzzRequest;
        const headers = { ...request.headers };
        if (request.token) headers.authorization = `Bearer ${request.token}`;
        if (headers['content-type'] === '') delete headers['content-type'];
        const { response, text } = await server
          .fetch(request.path, {
            method: request.method,
            headers,
            body: request.method === 'GET' ? undefined : request.body,
          })
          .catch((error: Error) => {
            throw new Error(
              `${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(headers).slice(0, 200)} failed: ${error.message} ${String((error as Error & { cause?: unknown }).cause)}`,
            );
          });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const context = `${request.method} ${request.path.slice(0, 120)} → ${response.status} ${text.slice(0, 300)}`;
        expect(response.status, context).toBeLessThan(500);
        if (response.status >= 400) expectErrorShape(JSON.parse(text));
        if (request.expected) {
          expect({ status: response.status, code: JSON.parse(text).error?.code }, context).toEqual(
            request.expected,
          );
        }
      }
    }),
  );
  expect(await itemsInTable()).toBe(before);
  expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
  console.info(
    `fuzz: ${samples.length} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
  );
}, 180_000);
