import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, expect, test } from 'vitest';
import { HouseFunction } from '../../infra/house-function';
import { buildHandlerBundles, bundlePath } from '../../local/handler-bundles';

const ENTRY = 'functions/workflow/intake.ts';
let outdir: string | undefined;

afterAll(async () => {
  if (outdir) await rm(outdir, { recursive: true, force: true });
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
