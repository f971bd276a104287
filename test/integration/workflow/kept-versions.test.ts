import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { keptVersions, sameDefinition } from '../../../local/kept-versions';
import { LOCAL_ACCOUNT } from '../../../local/runtime';
import { ENVIRONMENT } from '../../../shared/config';
import { localCompanyOpeningAsl } from '../../../workflows/local-definition';
import { type Platform, startPlatform } from './platform';

/**
 * Handlers serve every live version, as Lambda code does: each kept definition (workflows/versions/)
 * runs on the local engine against today's handler modules, by officers' decisions and instantly.
 */
const kept = keptVersions();
let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({ definitions: kept.map((version) => version.definition) });
  await platform.setClock('2026-12-01T02:00:00.000Z');
}, 60_000);

afterAll(async () => {
  await platform?.close();
});

describe('the kept CompanyOpening versions', () => {
  test("today's definition is the newest kept one: a changed definition needs `npm run versions -- --keep`", () => {
    const today = JSON.parse(localCompanyOpeningAsl(LOCAL_ACCOUNT));
    const newest = keptVersions().at(-1);
    expect(newest, 'workflows/versions/ keeps at least one definition').toBeDefined();
    expect(sameDefinition(newest?.definition ?? { StartAt: '', States: {} }, today)).toBe(true);
  });

  test.each(kept.map((version) => [version.number]))(
    'version %i completes against today’s handlers, decided by officers and instantly',
    async (number) => {
      const versionArn = `${platform.runtime.stateMachineArn}:${number}`;
      process.env[ENVIRONMENT.stateMachineArn] = versionArn;
      try {
        process.env.INSTANT_APPROVAL = 'off';
        const decided = await platform.submit();
        await platform.decide(await platform.openTask(decided.id, 'registration'), 'approved');
        for (const item of ['invoice', 'seal'] as const) {
          await platform.decide(await platform.openTask(decided.id, item), 'approved');
        }
        process.env.INSTANT_APPROVAL = 'on';
        const instant = await platform.submit();
        for (const id of [decided.id, instant.id]) {
          await platform.caseWhere(id, (record) => record.status === 'completed');
          expect(await platform.finishedExecution(id)).toMatchObject({
            status: 'SUCCEEDED',
            stateMachineVersionArn: versionArn,
          });
        }
      } finally {
        process.env[ENVIRONMENT.stateMachineArn] = platform.runtime.liveAliasArn;
        process.env.INSTANT_APPROVAL = 'on';
      }
    },
  );
});
