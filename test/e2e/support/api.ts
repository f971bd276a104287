import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withUploadsOverHttp } from '../../support/uploads';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/applications/valid-baiyun-llc.json');

/** The valid application the API tests file, under a trade name of its own so no other test's inbox holds it. */
export function application(tradeName: string): Record<string, any> {
  const form = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  form.company.name.tradeName = tradeName;
  form.company.name.full = `广州${tradeName}科技有限公司`;
  return form;
}

async function call(url: string, method: string, path: string, token?: string, body?: unknown, headers = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

async function until<T>(read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`never matched: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * A case whose founder is asked to correct the company's address, set up through the API: the founder
 * files `form`, market regulation asks for the room number. Resolves with the case id once the request
 * is open on the case.
 */
export async function caseAwaitingCorrection(url: string, founder: string, form: unknown): Promise<string> {
  const token = async (sub: string, groups: string[]) =>
    ((await call(url, 'POST', '/api/local/token', undefined, { sub, groups })) as { token: string }).token;
  const founderToken = await token(founder, ['applicants']);
  const officerToken = await token(`market-${founder}`, ['officers-market-regulation']);
  const filed = await withUploadsOverHttp(url, founderToken, form);
  const { id } = await call(url, 'POST', '/api/applications', founderToken, filed, {
    'idempotency-key': `correction-${founder}`,
  });
  const inbox = await until(
    () => call(url, 'GET', '/api/departments/market-regulation/tasks', officerToken),
    (page: { items: { id: string; applicationId: string }[] }) =>
      page.items.some((task) => task.applicationId === id),
  );
  const task = inbox.items.find((candidate) => candidate.applicationId === id);
  await call(url, 'POST', `/api/tasks/${task?.id}/decision`, officerToken, {
    outcome: 'correction-requested',
    reasons: [{ path: 'company.address.detail', message: '请写明房号 / give the room' }],
  });
  await until(
    () => call(url, 'GET', `/api/applications/${id}`, founderToken),
    (view: { corrections: { status: string }[] }) =>
      view.corrections.some((correction) => correction.status === 'open'),
  );
  return id;
}
