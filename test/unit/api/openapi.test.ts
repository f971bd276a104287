import { describe, expect, test } from 'vitest';
import { ROUTES } from '../../../functions/api/routes';
import { openApiDocument } from '../../../shared/api/openapi';

describe('the OpenAPI document', () => {
  const document = openApiDocument();

  test('is OpenAPI 3.1 with one operation per route of the route table', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, id: (operation as { operationId: string }).operationId })),
    );
    expect(operations.map((operation) => operation.id).sort()).toEqual(ROUTES.map((route) => route.name).sort());
    for (const route of ROUTES) {
      expect(operations).toContainEqual({ path: route.path, method: route.method.toLowerCase(), id: route.name });
    }
  });

  test('request bodies come from the zod schemas: the form, the decision, the correction', () => {
    const body = (path: string) =>
      (document.paths[path]?.post as { requestBody: { content: { 'application/json': { schema: Record<string, any> } } } })
        .requestBody.content['application/json'].schema;
    const form = body('/api/applications');
    expect(form.type).toBe('object');
    expect(form.additionalProperties).toBe(false);
    expect(form.required).toEqual(expect.arrayContaining(['company', 'shareholders', 'invoice', 'seals', 'delivery', 'materials']));
    expect(body('/api/tasks/{taskId}/decision').properties.outcome.enum).toEqual(['approved', 'correction-requested', 'rejected']);
    expect(Object.keys(body('/api/applications/{id}/corrections').properties)).toEqual(['application', 'note']);
  });

  test('the error shape is a component, and public routes need no token', () => {
    expect(document.components.schemas.Error.properties.error.required).toEqual(['code', 'message', 'message_zh', 'fields']);
    expect((document.paths['/api/health']?.get as { security: unknown[] }).security).toEqual([]);
    expect((document.paths['/api/applications']?.post as { parameters: { name: string; required: boolean }[] }).parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', required: true }),
    );
  });
});
