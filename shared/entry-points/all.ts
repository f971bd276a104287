import { ROUTE_LIST } from './routes';
import { SCHEDULED_JOBS } from './scheduled-jobs';
import { WORKFLOW_FUNCTIONS } from './workflow-functions';

/** Every function the platform deploys: each route, workflow function and scheduled job, one list. */
export const ENTRY_POINTS = [
  ...ROUTE_LIST,
  ...Object.values(WORKFLOW_FUNCTIONS),
  ...Object.values(SCHEDULED_JOBS),
] as const;
