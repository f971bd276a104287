import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from './server';

/**
 * 证照联办 over HTTP against `npm start`'s server: a restaurant and a clinic open in one case each, every
 * item decided by its own department from its own inbox (rules off, so none is approved instantly).
 */

let server: TestServer;
const tokens: Record<string, string> = {};
let submissions = 0;

const DEPARTMENTS = [
  'market-regulation',
  'tax',
  'public-security',
  'fire-and-rescue',
  'health-commission',
  'human-resources-social-security',
] as const;
type Department = (typeof DEPARTMENTS)[number];

const fixture = (name: string) =>
  JSON.parse(readFileSync(`test/fixtures/applications/${name}.json`, 'utf8')) as Record<string, any>;

/** The restaurant with its employees' social insurance added: the optional item follows the seal. */
function restaurantWithSocialInsurance() {
  const form = fixture('valid-restaurant');
  form.optionalItems = ['social-insurance'];
  form.employment = { employees: 6 };
  form.materials.push({ type: 'employee-registration-details', uploadId: 'up-fixture7000000000000000001' });
  return form;
}

beforeAll(async () => {
  server = await startServer({ INSTANT_APPROVAL: 'off' });
  await server.setClock({ now: '2026-12-01T02:00:00.000Z' }); // Tuesday 10:00 in Guangzhou
  tokens.founder = await server.token('founder-trade', ['applicants']);
  for (const department of DEPARTMENTS)
    tokens[department] = await server.token(`officer-${department}`, [`officers-${department}`]);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

async function submit(body: unknown, key = `trade-${Date.now()}-${submissions++}`) {
  const response = await server.request('POST', '/api/applications', {
    token: tokens.founder,
    body,
    headers: { 'idempotency-key': key },
  });
  return { response, key };
}

async function taskFor(department: Department, applicationId: string, item: string, round = 1) {
  const matches = (task: { applicationId: string; item: string; round: number }) =>
    task.applicationId === applicationId && task.item === item && task.round === round;
  const inbox = await server.poll(
    `/api/departments/${department}/tasks`,
    tokens[department] as string,
    (body) => body.items.some(matches),
  );
  return inbox.items.find(matches);
}

async function decide(department: Department, taskId: string, body: unknown) {
  return server.request('POST', `/api/tasks/${taskId}/decision`, { token: tokens[department], body });
}

async function approve(department: Department, applicationId: string, item: string, round = 1) {
  const task = await taskFor(department, applicationId, item, round);
  const decided = await decide(department, task.id, { outcome: 'approved' });
  expect(decided.status, `${item} approved by ${department}`).toBe(200);
}

const caseOf = (id: string, until: (body: any) => boolean) =>
  server.poll(`/api/applications/${id}`, tokens.founder as string, until);

describe('a restaurant opens in one case (开餐馆一件事)', () => {
  test('every department decides from its inbox, a correction at the food licence, one joint inspection', async () => {
    // Arrange
    const { response } = await submit(restaurantWithSocialInsurance());
    expect(response.status).toBe(201);
    const id = response.body.id as string;
    expect(response.body.bundle).toEqual({
      id: 'restaurant',
      name: { zh: '开餐馆', en: 'Opening a restaurant' },
    });
    expect(response.body.catalogueVersion).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(Object.keys(response.body.items)).toEqual([
      'registration',
      'invoice',
      'seal',
      'food-business-licence',
      'fire-safety-inspection',
      'social-insurance',
    ]);
    expect(response.body.sla.workingDays).toBe(13);

    // Act: registration first; nothing else opens before it is approved.
    await approve('market-regulation', id, 'registration');
    const food = await taskFor('market-regulation', id, 'food-business-licence');
    const detail = await server.request('GET', `/api/tasks/${food.id}`, {
      token: tokens['market-regulation'],
    });
    expect(detail.body.application.upstream).toEqual([
      expect.objectContaining({ item: 'registration', status: 'approved' }),
    ]);
    expect(Object.keys(detail.body.application.form).sort()).toEqual([
      'company',
      'contact',
      'materials',
      'premises',
    ]);
    // The food licence's officer sees the materials the food licence asks for, and only those.
    expect(
      (detail.body.application.form.materials as { type: string }[]).map((material) => material.type).sort(),
    ).toEqual(['food-business-licence-application', 'food-premises-layout', 'food-safety-management']);
    const fireTask = await taskFor('fire-and-rescue', id, 'fire-safety-inspection');
    expect((await decide('fire-and-rescue', food.id, { outcome: 'approved' })).status).toBe(404);

    const correction = await decide('market-regulation', food.id, {
      outcome: 'correction-requested',
      reasons: [{ path: 'premises.foodCategories', message: '冷食类食品制售需要专间，请删除或补充专间布局' }],
    });
    expect(correction.status).toBe(200);
    const waiting = await caseOf(id, (body) => body.status === 'correction-needed');
    expect(waiting.corrections[0]).toMatchObject({ item: 'food-business-licence', status: 'open' });

    const answer = restaurantWithSocialInsurance();
    answer.premises.foodCategories = ['hot-food', 'self-made-drinks'];
    const answered = await server.request('POST', `/api/applications/${id}/corrections`, {
      token: tokens.founder,
      body: { application: answer, note: '已删除冷食类' },
    });
    expect(answered.status).toBe(200);

    await approve('market-regulation', id, 'food-business-licence', 2);
    expect((await decide('fire-and-rescue', fireTask.id, { outcome: 'approved' })).status).toBe(200);
    await approve('tax', id, 'invoice');
    await approve('public-security', id, 'seal');
    await approve('human-resources-social-security', id, 'social-insurance');

    // Assert
    const done = await caseOf(id, (body) => body.status === 'completed');
    expect(done.inspection).toMatchObject({
      items: ['food-business-licence', 'fire-safety-inspection'],
      slot: '09:00-12:00',
      address: '白云区京溪街道示例路18号A栋301房',
    });
    expect(done.trips).toBe(1);
    expect(
      done.timeline.filter((event: { type: string }) => event.type === 'inspection-arranged'),
    ).toHaveLength(1);
    expect(done.items['food-business-licence'].result.licenceNumber).toMatch(/^FBL440111\d{8}$/);
    expect(done.items['fire-safety-inspection'].result.opinionNumber).toMatch(/^FSI440111\d{8}$/);
    expect(done.items['social-insurance'].result.registrationNumber).toMatch(/^SI440111\d{8}$/);
    expect(done.items.registration.result.uscc).toMatch(/^91440111[0-9A-Z]{10}$/);
    for (const [item, view] of Object.entries<any>(done.items))
      expect(view, item).toMatchObject({ status: 'approved', instant: false });
    expect(done.items['food-business-licence'].round).toBe(2);
    expect(done.application.premises.foodCategories).toEqual(['hot-food', 'self-made-drinks']);
    const decidedBy = done.timeline
      .filter((event: { type: string }) => event.type === 'approved')
      .map(
        (event: { item: string; actor: { department: string } }) => `${event.item}:${event.actor.department}`,
      );
    expect(decidedBy.sort()).toEqual([
      'fire-safety-inspection:fire-and-rescue',
      'food-business-licence:market-regulation',
      'invoice:tax',
      'registration:market-regulation',
      'seal:public-security',
      'social-insurance:human-resources-social-security',
    ]);
  });

  test('a restaurant form without its premises is refused field by field, and no case is made', async () => {
    // Arrange
    const form = fixture('valid-restaurant');
    delete form.premises;
    form.materials = form.materials.filter(
      (material: { type: string }) => material.type !== 'food-premises-layout',
    );

    // Act
    const { response, key } = await submit(form);

    // Assert
    expect(response.status).toBe(400);
    const fields = response.body.error.fields as { path: string; message: string; message_zh: string }[];
    expect(fields.map((field) => field.path)).toEqual(['premises']);
    expect(fields[0]?.message_zh).toContain('经营场所信息');
    const mine = await server.request('GET', '/api/applications', { token: tokens.founder });
    expect(JSON.stringify(mine.body)).not.toContain(key);
  });
});

describe('a clinic opens in one case (开诊所一件事)', () => {
  test('the health commission decides the practice from its own inbox; no inspection, no trip', async () => {
    // Arrange
    const { response } = await submit(fixture('valid-clinic'));
    expect(response.status).toBe(201);
    const id = response.body.id as string;

    // Act
    await approve('market-regulation', id, 'registration');
    const practice = await taskFor('health-commission', id, 'clinic-practice');
    const detail = await server.request('GET', `/api/tasks/${practice.id}`, {
      token: tokens['health-commission'],
    });
    expect(detail.body.application.form.clinic.practitioners).toHaveLength(2);
    expect(detail.body.application.form.shareholders).toBeUndefined();
    expect((await decide('health-commission', practice.id, { outcome: 'approved' })).status).toBe(200);
    await approve('tax', id, 'invoice');
    await approve('public-security', id, 'seal');

    // Assert
    const done = await caseOf(id, (body) => body.status === 'completed');
    expect(Object.keys(done.items)).toEqual(['registration', 'invoice', 'seal', 'clinic-practice']);
    expect(done.items['clinic-practice'].result.filingNumber).toMatch(/^CP440111\d{8}$/);
    expect(done.inspection).toBeNull();
    expect(done.trips).toBe(0);
    expect(done.sla).toMatchObject({ workingDays: 40, state: 'met' });
  });

  test('a rejection at the clinic practice rejects the case and cancels what is still open', async () => {
    // Arrange
    const { response } = await submit(fixture('valid-clinic'));
    const id = response.body.id as string;
    await approve('market-regulation', id, 'registration');
    const practice = await taskFor('health-commission', id, 'clinic-practice');

    // Act
    const rejected = await decide('health-commission', practice.id, {
      outcome: 'rejected',
      reasons: [{ path: 'clinic.practitioners', message: '执业人员的执业地点不在本诊所' }],
    });

    // Assert
    expect(rejected.status).toBe(200);
    const done = await caseOf(id, (body) => body.status === 'rejected');
    expect(done.items['clinic-practice'].status).toBe('rejected');
    expect(done.items.invoice.status).toBe('cancelled');
    expect(done.items.seal.status).toBe('cancelled');
    const taxInbox = await server.request('GET', '/api/departments/tax/tasks', { token: tokens.tax });
    expect(
      taxInbox.body.items.filter((task: { applicationId: string }) => task.applicationId === id),
    ).toEqual([]);
  });
});
