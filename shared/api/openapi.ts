import * as z from 'zod';
import { ROUTES } from '../../functions/api/routes';
import { applicationFormSchema } from '../form';
import { GROUPS } from './caller';
import {
  correctionRequestSchema,
  decisionRequestSchema,
  idempotencyKeySchema,
  listQuerySchema,
  onBehalfOfSchema,
  taskListQuerySchema,
} from './requests';

const errorSchema = z
  .object({
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        message_zh: z.string(),
        fields: z.array(z.object({ path: z.string(), message: z.string(), message_zh: z.string() })),
      })
      .describe('Every field problem at once, in English and Chinese'),
  })
  .describe('The one error shape');

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });

const requestBodies: Record<string, z.ZodType> = {
  SubmitApplication: applicationFormSchema,
  AnswerCorrections: correctionRequestSchema,
  DecideTask: decisionRequestSchema,
};

const queries: Record<string, z.ZodObject> = {
  ListApplications: listQuerySchema,
  ListDepartmentTasks: taskListQuerySchema,
};

const successStatus: Record<string, string> = { SubmitApplication: '201' };

/** The API as OpenAPI 3.1, generated from the route table and the zod schemas that check requests. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = queries[route.name];
    const queryParameters = query
      ? Object.entries(query.shape).map(([name, schema]) => ({
          name,
          in: 'query',
          required: false,
          schema: jsonSchema(schema as z.ZodType),
        }))
      : [];
    const headerParameters =
      route.name === 'SubmitApplication'
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              schema: jsonSchema(idempotencyKeySchema),
            },
            { name: 'On-Behalf-Of', in: 'header', required: false, schema: jsonSchema(onBehalfOfSchema) },
          ]
        : [];
    const body = requestBodies[route.name];
    const errors = Object.fromEntries(
      (route.authenticated ? ['400', '401', '403', '404', '409'] : ['400']).map((status) => [
        status,
        {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ]),
    );
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: {
        operationId: route.name,
        summary: route.summary,
        ...(route.authenticated ? {} : { security: [] }),
        parameters: [...pathParameters, ...queryParameters, ...headerParameters],
        ...(body
          ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(body) } } } }
          : {}),
        responses: {
          [successStatus[route.name] ?? '200']: {
            description: 'Success',
            content: { 'application/json': {} },
          },
          ...errors,
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'One-stop company opening API',
      version: '1.0.0',
      description:
        'Registration, invoice and seal as one case under a 3-working-day SLA. Groups: ' +
        Object.values(GROUPS)
          .map((group) => (typeof group === 'string' ? group : 'officers-<department>'))
          .join(', '),
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: jsonSchema(errorSchema) },
    },
    paths,
  };
}
