import { openApiDocument } from '../../shared/api/openapi';
import { httpHandler } from './http-handler';

const document = openApiDocument();

/** GET /api/openapi.json — OpenAPI 3.1, generated from the zod schemas. */
export const handler = httpHandler({ authenticated: false }, async () => ({ status: 200, body: document }));
