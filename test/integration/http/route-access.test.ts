import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { localTokens } from '../../../local/jwt';
import { type LocalRuntime, startRuntime } from '../../../local/runtime';
import { startLocalServer } from '../../../local/server';
import { ROUTES } from '../../../shared/entry-points/routes';
import { SCHEDULED_JOBS } from '../../../shared/entry-points/scheduled-jobs';
import { WORKFLOW_FUNCTIONS } from '../../../shared/entry-points/workflow-functions';
import { withUploadsOverHttp } from '../../support/uploads';
import { validApplication } from './server';

/**
 * Every place the runtime invokes a handler authorizes its calls as that function: the server's
 * route dispatch, the engine's steps and the scheduled jobs. A founder's submission and the first
 * overdue-task run are checked call by call against the synthesized policies, and none is refused.
 */

let runtime: LocalRuntime;
let web: { server: Server; url: string };
let token: string;

beforeAll(async () => {
  runtime = await startRuntime({ environment: { INSTANT_APPROVAL: 'on' } });
  const tokens = await localTokens({ now: () => runtime.clock.now() });
  web = await startLocalServer({ runtime, tokens, port: 0, webDirectory: '/nonexistent' });
  token = await tokens.issue({ sub: 'founder-route-access', groups: ['applicants'] });
}, 120_000);

afterAll(async () => {
  web?.server.closeAllConnections();
  await new Promise((done) => web?.server.close(done));
  await runtime?.close();
});

test('a submission over HTTP: the route and the steps it starts make only calls their policies allow', async () => {
  // Act
  const response = await fetch(`${web.url}/api/applications`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': 'route-access-1',
    },
    body: JSON.stringify(await withUploadsOverHttp(web.url, token, validApplication())),
  });
  const { id } = (await response.json()) as { id: string };
  const executionArn = `${runtime.stateMachineArn.replace(':stateMachine:', ':execution:')}:${id}`;
  while ((await runtime.engine.describeExecution(executionArn)).status === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const decisions = runtime.authorizations();

  // Assess
  expect(response.status).toBe(201);
  expect(decisions[ROUTES.submitApplication.name]?.allowed).toBeGreaterThanOrEqual(3);
  expect(decisions[WORKFLOW_FUNCTIONS.intake.name]?.allowed).toBeGreaterThan(0);
  expect(decisions[WORKFLOW_FUNCTIONS.closeCase.name]?.allowed).toBeGreaterThan(0);
  expect(Object.entries(decisions).filter(([, tally]) => tally.denied > 0)).toEqual([]);
});

test('a scheduled job runs as its own function', async () => {
  // Act
  runtime.clock.advance(SCHEDULED_JOBS.overdueTasks.everyMinutes * 60_000);
  let decisions = runtime.authorizations();
  for (let wait = 0; !decisions[SCHEDULED_JOBS.overdueTasks.name] && wait < 200; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    decisions = runtime.authorizations();
  }

  // Assess
  expect(decisions[SCHEDULED_JOBS.overdueTasks.name]).toEqual({ allowed: expect.any(Number), denied: 0 });
  expect(decisions[SCHEDULED_JOBS.overdueTasks.name]?.allowed).toBeGreaterThan(0);
});
