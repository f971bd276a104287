import type { MachineDefinition } from '../../local/engine/asl';
import { canonicalDefinition } from '../../local/engine/versions';
import { keptVersions } from '../../local/kept-versions';
import type { MeteredPlatform } from './platform';

/** workflows/versions/1.json: CompanyOpening as it was before the catalogue generated it. */
function firstKeptDefinition(): MachineDefinition {
  const first = keptVersions().find(({ number }) => number === 1);
  if (!first) throw new Error('workflows/versions/1.json is missing: the cost bench compares against it');
  return first.definition;
}

/** What the cost bench's platform registers: v1 first, today's definition (as CDK synthesizes it) newest. */
export async function definitionsWithV1(): Promise<MachineDefinition[]> {
  const { LOCAL_ACCOUNT } = await import('../../local/runtime');
  const { localCompanyOpeningAsl } = await import('../../workflows/local-definition');
  return [firstKeptDefinition(), JSON.parse(localCompanyOpeningAsl(LOCAL_ACCOUNT)) as MachineDefinition];
}

/**
 * The version number the platform's engine holds v1 as. Looked up by its text, not assumed, so that a
 * platform started without it fails here instead of comparing today's definition with itself.
 */
export async function v1Version(platform: MeteredPlatform): Promise<number> {
  const { engine, stateMachineArn } = platform.runtime;
  const canonical = canonicalDefinition(firstKeptDefinition());
  const v1 = (await engine.stateMachineVersions(stateMachineArn)).find(
    ({ definition }) => definition === canonical,
  );
  if (!v1) throw new Error('The platform was started without workflows/versions/1.json (definitionsWithV1)');
  return v1.version;
}
