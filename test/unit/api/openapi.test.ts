import { describe, expect, test } from 'vitest';
import { openApiDocument } from '../../../shared/api/openapi';
import { ROUTE_LIST } from '../../../shared/entry-points/routes';

interface Operation {
  operationId: string;
  security?: unknown[];
  parameters: { name: string; required: boolean }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
}

interface Schema {
  type?: string;
  additionalProperties?: boolean;
  required?: string[];
  properties?: Record<string, Schema & { enum?: string[] }>;
}

describe('the OpenAPI document', () => {
  const document = openApiDocument();
  const operation = (path: string, method: string): Operation => {
    const found = (document.paths[path] as Record<string, Operation> | undefined)?.[method];
    if (!found) throw new Error(`no ${method} ${path}`);
    return found;
  };
  const requestSchema = (path: string): Schema => {
    const schema = operation(path, 'post').requestBody?.content['application/json'].schema;
    if (!schema) throw new Error(`no request body for ${path}`);
    return schema;
  };

  test('is OpenAPI 3.1 with one operation per route of the route table', () => {
    expect(document.openapi).toBe('3.1.0');
    const ids = Object.values(document.paths).flatMap((methods) =>
      Object.values(methods as Record<string, Operation>).map((found) => found.operationId),
    );
    expect(ids.sort()).toEqual(ROUTE_LIST.map((route) => route.name).sort());
    for (const route of ROUTE_LIST)
      expect(operation(route.path, route.method.toLowerCase()).operationId).toBe(route.name);
  });

  test('request bodies come from the zod schemas: the form, the decision, the correction', () => {
    const form = requestSchema('/api/applications');
    expect(form.type).toBe('object');
    expect(form.additionalProperties).toBe(false);
    expect(form.required).toEqual(
      expect.arrayContaining(['company', 'shareholders', 'invoice', 'seals', 'delivery', 'materials']),
    );
    expect(requestSchema('/api/tasks/{taskId}/decision').properties?.outcome?.enum).toEqual([
      'approved',
      'correction-requested',
      'rejected',
    ]);
    expect(Object.keys(requestSchema('/api/applications/{id}/corrections').properties ?? {})).toEqual([
      'application',
      'note',
    ]);
  });

  test('the error shape is a component, and public routes need no token', () => {
    const error = document.components.schemas.Error as unknown as Schema;
    expect(error.properties?.error?.required).toEqual(['code', 'message', 'message_zh', 'fields']);
    expect(operation('/api/health', 'get').security).toEqual([]);
    expect(operation('/api/applications', 'post').parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', required: true }),
    );
  });
});

describe('the document checks what the server checks', () => {
  const document = openApiDocument();
  const formSchema = (document.paths['/api/applications'] as any).post.requestBody.content['application/json']
    .schema;

  test('a pattern holds for the trimmed value: the white space the server trims away passes', () => {
    const tradeName = formSchema.properties.company.properties.name.properties.tradeName;
    const pattern = new RegExp(tradeName.pattern, 'u');

    expect(pattern.test(' 星河 ')).toBe(true);
    expect(pattern.test('星河')).toBe(true);
    expect(pattern.test('星河1')).toBe(false);
    expect(pattern.test(' 星 河 ')).toBe(false);
  });

  test('success answers have schemas, shared ones by reference', () => {
    const get = (document.paths['/api/applications/{id}'] as any).get;
    expect(get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Case',
    });
    expect(document.components.schemas.Case).toMatchObject({ type: 'object' });
    expect((document.components.schemas.Case as any).properties.application).toEqual({
      $ref: '#/components/schemas/ApplicationView',
    });
  });

  test('path parameters carry their limits', () => {
    const parameters = (document.paths['/api/tasks/{taskId}'] as any).get.parameters;
    expect(parameters).toContainEqual(
      expect.objectContaining({
        name: 'taskId',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ maxLength: 64 }),
      }),
    );
  });
});
