import { EVENT_FUNCTIONS } from './event-functions';
import { ROUTE_LIST } from './routes';
import { SCHEDULED_JOBS } from './scheduled-jobs';
import { WORKFLOW_FUNCTIONS } from './workflow-functions';

/** Every function the platform deploys: each route, workflow function, scheduled job and event function. */
export const ENTRY_POINTS = [
  ...ROUTE_LIST,
  ...Object.values(WORKFLOW_FUNCTIONS),
  ...Object.values(SCHEDULED_JOBS),
  ...Object.values(EVENT_FUNCTIONS),
] as const;
