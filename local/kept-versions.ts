import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineDefinition } from './engine/asl';
import { canonicalDefinition } from './engine/versions';

/**
 * The CompanyOpening definitions the handlers must keep serving: one snapshot per released
 * definition, `workflows/versions/<n>.json` (the local ASL, keys sorted). Executions started on any of
 * them may still be running (department and correction waits last up to 30 days), and Lambda code is
 * shared by every version, so the contract test runs each one against today's handlers. A snapshot is
 * dropped only once no execution runs on its version (`npm run versions` counts them).
 */
export const KEPT_VERSIONS_DIRECTORY = join(import.meta.dirname, '..', 'workflows', 'versions');

export interface KeptVersion {
  number: number;
  definition: MachineDefinition;
}

export function keptVersions(directory = KEPT_VERSIONS_DIRECTORY): KeptVersion[] {
  return readdirSync(directory)
    .filter((file) => /^\d+\.json$/.test(file))
    .map((file) => ({
      number: Number.parseInt(file, 10),
      definition: JSON.parse(readFileSync(join(directory, file), 'utf8')) as MachineDefinition,
    }))
    .sort((a, b) => a.number - b.number);
}

export const sameDefinition = (a: MachineDefinition, b: MachineDefinition) =>
  canonicalDefinition(a) === canonicalDefinition(b);

/** Adds `definition` as the next snapshot unless it is the newest already; returns its number. */
export function keepVersion(definition: MachineDefinition, directory = KEPT_VERSIONS_DIRECTORY): number {
  const newest = keptVersions(directory).at(-1);
  if (newest && sameDefinition(newest.definition, definition)) return newest.number;
  const number = (newest?.number ?? 0) + 1;
  const text = `${JSON.stringify(JSON.parse(canonicalDefinition(definition)), null, 2)}\n`;
  writeFileSync(join(directory, `${number}.json`), text);
  return number;
}
