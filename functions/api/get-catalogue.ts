import { CATALOGUE } from '../../shared/catalogue';
import { catalogueView } from '../../shared/catalogue/view';
import { ROUTES } from '../../shared/entry-points/routes';
import { httpHandler } from './http-handler';

/** The answer never changes while the code does not: built once per cold start. */
const VIEW = catalogueView(CATALOGUE);

/** GET /api/catalogue — the departments, items and bundles a case can be opened with. */
export const handler = httpHandler(ROUTES.getCatalogue, async () => ({ status: 200, body: VIEW }));
