/**
 * The HTTP API's route table (ARCHITECTURE §5), defined once: CDK makes one API Gateway route and one
 * Lambda function per entry, the local server dispatches to the same modules under functions/api/.
 */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  name: string;
  file: string;
  /** Routes anyone may call skip the JWT authorizer. */
  authenticated: boolean;
  summary: string;
}

export const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/applications',
    name: 'SubmitApplication',
    file: 'submit-application',
    authenticated: true,
    summary: 'Submit the one form',
  },
  {
    method: 'GET',
    path: '/api/applications',
    name: 'ListApplications',
    file: 'list-applications',
    authenticated: true,
    summary: "The caller's cases, newest first",
  },
  {
    method: 'GET',
    path: '/api/applications/{id}',
    name: 'GetApplication',
    file: 'get-application',
    authenticated: true,
    summary: 'One case with its SLA, items and timeline',
  },
  {
    method: 'POST',
    path: '/api/applications/{id}/corrections',
    name: 'AnswerCorrections',
    file: 'answer-corrections',
    authenticated: true,
    summary: 'Answer the open correction requests',
  },
  {
    method: 'GET',
    path: '/api/departments/{department}/tasks',
    name: 'ListDepartmentTasks',
    file: 'list-tasks',
    authenticated: true,
    summary: "A department's inbox by SLA deadline",
  },
  {
    method: 'GET',
    path: '/api/tasks/{taskId}',
    name: 'GetTask',
    file: 'get-task',
    authenticated: true,
    summary: 'A task with the application data it needs',
  },
  {
    method: 'POST',
    path: '/api/tasks/{taskId}/decision',
    name: 'DecideTask',
    file: 'decide-task',
    authenticated: true,
    summary: "An officer's decision",
  },
  {
    method: 'GET',
    path: '/api/ops/sla',
    name: 'OpsSla',
    file: 'ops-sla',
    authenticated: true,
    summary:
      'Open cases by SLA state, the at-risk, breached and failed ones, the KPIs of the last 30 days, alarm states',
  },
  {
    method: 'GET',
    path: '/api/health',
    name: 'Health',
    file: 'health',
    authenticated: false,
    summary: 'Liveness',
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    name: 'OpenApi',
    file: 'openapi',
    authenticated: false,
    summary: 'This API as OpenAPI 3.1',
  },
];
