import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, expect, test } from 'vitest';
import { REPO_ROOT } from '../../infra/bundling';
import { HouseFunction } from '../../infra/house-function';
import { buildHandlerBundles, bundlePath } from '../../local/handler-bundles';
import { BUNDLED_FILES_DIRECTORY, WORKFLOW_FUNCTIONS } from '../../shared/entry-points/workflow-functions';

const ENTRY = 'functions/workflow/intake.ts';
let outdir: string | undefined;
let withFiles: string | undefined;

afterAll(async () => {
  for (const dir of [outdir, withFiles]) if (dir) await rm(dir, { recursive: true, force: true });
});

test('LOCAL_HANDLERS=bundled runs, byte for byte, the asset CDK builds for the function', async () => {
  // Prepare: a house function synthesized with bundling on, as `cdk deploy` bundles it
  outdir = await mkdtemp(join(tmpdir(), 'bundle-parity-'));
  const app = new App({ outdir });
  new HouseFunction(new Stack(app, 'Parity'), 'Intake', { entry: ENTRY });
  app.synth();
  const assets = (await readdir(outdir)).filter((name) => name.startsWith('asset.'));

  // Act
  const local = await readFile(bundlePath(await buildHandlerBundles([ENTRY]), ENTRY));

  // Assess
  expect(assets).toHaveLength(1);
  const deployed = await readFile(join(outdir, assets[0] as string, 'index.mjs'));
  expect(deployed.length).toBeGreaterThan(10_000);
  expect(local.equals(deployed)).toBe(true);
});

test("a declaration's bundled files ship next to index.mjs, in the asset CDK builds and in the local bundle", async () => {
  // Prepare: the document step, which declares its font
  const { handler, bundledFiles } = WORKFLOW_FUNCTIONS.issueDocuments;
  withFiles = await mkdtemp(join(tmpdir(), 'bundled-files-'));
  const app = new App({ outdir: withFiles });
  new HouseFunction(new Stack(app, 'Files'), 'IssueDocuments', { entry: handler, bundledFiles });
  app.synth();
  const [asset] = (await readdir(withFiles)).filter((name) => name.startsWith('asset.'));

  // Act
  const local = dirname(bundlePath(await buildHandlerBundles([handler]), handler));

  // Assess
  expect(bundledFiles.length).toBeGreaterThan(0);
  for (const file of bundledFiles) {
    const source = await readFile(join(REPO_ROOT, file));
    const name = basename(file);
    expect(
      (await readFile(join(withFiles, asset as string, BUNDLED_FILES_DIRECTORY, name))).equals(source),
    ).toBe(true);
    expect((await readFile(join(local, BUNDLED_FILES_DIRECTORY, name))).equals(source)).toBe(true);
  }
});
