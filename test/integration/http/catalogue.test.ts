import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import { CASE_SLA } from '../../../shared/sla/config';
import { expectErrorShape, startServer, type TestServer } from './server';

/** The catalogue routes through npm start's server; every answer is checked against its OpenAPI document. */
describe('GET /api/catalogue and the checklist', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  test('the catalogue is public: its version, departments, items with their legal basis, and bundles', async () => {
    // Act
    const response = await server.request('GET', '/api/catalogue');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(CATALOGUE.version);
    expect(response.body.departments).toContainEqual({
      id: 'fire-and-rescue',
      name: { zh: '消防救援机构', en: 'Fire and rescue' },
    });
    const registration = response.body.items.find((item: { id: string }) => item.id === 'registration');
    expect(registration).toMatchObject({
      department: 'market-regulation',
      statutoryLimitWorkingDays: 3,
      legalBasis: { law: '中华人民共和国市场主体登记管理条例', article: '第十九条' },
      dependsOn: [],
    });
    expect(response.body.bundles).toContainEqual({
      commitment: 'published',
      commitmentBasis: expect.stringContaining('企业开办时间整体压缩至3个工作日内'),
      id: 'company-opening',
      name: { zh: '企业开办', en: 'Opening a company' },
      items: ['registration', 'invoice', 'seal'],
      optionalItems: ['social-insurance', 'housing-fund', 'bank-appointment'],
      slaWorkingDays: CASE_SLA.workingDays,
    });
  });

  test('a restaurant’s checklist follows the answers, with bilingual names', async () => {
    // Act
    const response = await server.request(
      'GET',
      '/api/catalogue/bundles/restaurant/checklist?fireSafetyCommitment=true&add=social-insurance&employees=4',
    );

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      'registration',
      'invoice',
      'seal',
      'food-business-licence',
      'fire-safety-inspection',
      'social-insurance',
    ]);
    const materials = response.body.materials.map((material: { id: string }) => material.id);
    expect(materials).toContain('fire-safety-commitment');
    expect(materials).toContain('employee-registration-details');
    expect(materials).not.toContain('fire-safety-inspection-form');
    expect(materials).not.toContain('business-licence');
    expect(response.body.materials).toContainEqual({
      id: 'fire-safety-commitment',
      name: {
        zh: '公众聚集场所投入使用、营业消防安全告知承诺书',
        en: 'Fire-safety commitment letter (告知承诺)',
      },
      items: ['fire-safety-inspection'],
    });
  });

  test('an unknown bundle is a 404', async () => {
    const response = await server.request('GET', '/api/catalogue/bundles/tobacco-shop/checklist');
    expect(response.status).toBe(404);
    expectErrorShape(response.body);
  });

  test('bad answers are a 400 with every field named in English and Chinese, never a 500', async () => {
    // Act
    const response = await server.request(
      'GET',
      '/api/catalogue/bundles/restaurant/checklist?fireSafetyCommitment=maybe&premisesAreaM2=-3&employees=2.5&colour=red',
    );

    // Assess
    expect(response.status).toBe(400);
    expectErrorShape(response.body);
    const fields = response.body.error.fields as { path: string; message: string; message_zh: string }[];
    expect(fields.map(({ path }) => path).sort()).toEqual([
      'colour',
      'employees',
      'fireSafetyCommitment',
      'premisesAreaM2',
    ]);
    expect(fields.find(({ path }) => path === 'premisesAreaM2')).toEqual({
      path: 'premisesAreaM2',
      message: 'The premises area is more than 0 m²',
      message_zh: '经营场所面积应大于0平方米',
    });
  });

  test('a missing answer the bundle reads, or an optional item it does not offer, is a 400', async () => {
    const missing = await server.request('GET', '/api/catalogue/bundles/restaurant/checklist');
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([
      {
        path: 'fireSafetyCommitment',
        message: 'This bundle needs the answer fireSafetyCommitment',
        message_zh: '此一件事需要回答 fireSafetyCommitment',
      },
    ]);

    const offered = await server.request(
      'GET',
      '/api/catalogue/bundles/clinic/checklist?add=fire-safety-inspection',
    );
    expect(offered.status).toBe(400);
    expect(offered.body.error.fields.map(({ path }: { path: string }) => path)).toEqual(['add']);
  });
});
