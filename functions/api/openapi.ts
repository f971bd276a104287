import { openApiDocument } from '../../shared/api/openapi';
import { ROUTES } from '../../shared/entry-points/routes';
import { httpHandler } from './http-handler';

const document = openApiDocument();

/** GET /api/openapi.json — OpenAPI 3.1, generated from the zod schemas. */
export const handler = httpHandler(ROUTES.openApi, async () => ({ status: 200, body: document }));
