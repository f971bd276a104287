import { EVENT_FUNCTIONS } from './event-functions';
import { ROUTE_LIST } from './routes';
import { SCHEDULED_JOBS } from './scheduled-jobs';
import { STREAM_FUNCTIONS } from './stream-functions';
import { WORKFLOW_FUNCTIONS } from './workflow-functions';

/**
 * Every function the platform deploys: each route, workflow function, scheduled job, event function and
 * stream function.
 */
export const ENTRY_POINTS = [
  ...ROUTE_LIST,
  ...Object.values(WORKFLOW_FUNCTIONS),
  ...Object.values(SCHEDULED_JOBS),
  ...Object.values(EVENT_FUNCTIONS),
  ...Object.values(STREAM_FUNCTIONS),
] as const;
