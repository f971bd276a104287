import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(folder, file));
}

/** Every relative module a file imports, as a path from the repository root. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map(
    (match) => match[1] as string,
  );
  return specifiers.map((specifier) => relative(ROOT, join(ROOT, file, '..', specifier)));
}

/** The repository's own modules a bundle of `entry` pulls in. */
async function modulesReachedFrom(entry: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs);
}

describe('the layers (docs/architecture.md)', () => {
  test('shared/ imports nothing from the floors above it', () => {
    const upward = sourcesUnder('shared').flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(functions|workflows|infra|local|web|bench|test)\//.test(target))
        .map((target) => `${file} → ${target}`),
    );

    expect(sourcesUnder('shared').length).toBeGreaterThan(50);
    expect(upward).toEqual([]);
  });

  test('functions/ and workflows/ import only shared/ (and their own folder)', () => {
    const crossing = [...sourcesUnder('functions'), ...sourcesUnder('workflows')].flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith('shared/') && target.split('/')[0] !== file.split('/')[0])
        .map((target) => `${file} → ${target}`),
    );

    expect(crossing).toEqual([]);
  });

  test('what CDK synthesizes from constructs no logger, metrics buffer, tracer or AWS client', async () => {
    const SIDE_EFFECTS = [
      'shared/observability.ts',
      'shared/data/dynamo.ts',
      'shared/workflow-client.ts',
      'shared/ops/report.ts',
    ];

    const reached = await modulesReachedFrom('infra/app.ts');

    expect(reached).toContain('shared/entry-points/routes.ts');
    expect(reached).toContain('workflows/company-opening.ts');
    expect(reached.filter((module) => SIDE_EFFECTS.includes(module))).toEqual([]);
  });
});
