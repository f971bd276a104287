import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { logicalIdOf, resourcesOf, type SynthesizedApp, synthesize } from './synth';

let dist: string;
let synthesized: SynthesizedApp;

beforeAll(() => {
  // Prepare: what `vite build web` leaves behind, including the local runtime's config.json.
  dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dist, 'assets', 'main-3f2a.js'), 'console.log(1)');
  writeFileSync(join(dist, 'config.json'), JSON.stringify({ auth: { provider: 'local' } }));
  synthesized = synthesize({ webDist: dist });
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('with a built SPA at synth time', () => {
  test('uploads the build without its local config.json, then invalidates the whole site', () => {
    // Prepare
    const site = logicalIdOf(synthesized.edge.web.bucket);
    const distribution = logicalIdOf(synthesized.edge.web.distribution);

    // Act
    const deployments = Object.values(resourcesOf(synthesized.templates.edge, 'Custom::CDKBucketDeployment'));
    const spa = deployments.find((deployment) => deployment.Properties.DistributionPaths?.[0] === '/*');

    // Assess
    expect(deployments).toHaveLength(2);
    expect(spa?.Properties).toMatchObject({
      DestinationBucketName: { Ref: site },
      DistributionId: { Ref: distribution },
      Prune: true,
      Exclude: ['config.json'],
    });
  });

  test("writes config.json with the hosted UI's domain and the SPA client, never cached", () => {
    // Prepare
    const domain = logicalIdOf(synthesized.edge.auth.domain);
    const client = logicalIdOf(synthesized.edge.auth.client);
    const deployments = Object.values(resourcesOf(synthesized.templates.edge, 'Custom::CDKBucketDeployment'));

    // Act
    const config = deployments.find(
      (deployment) => deployment.Properties.DistributionPaths?.[0] === '/config.json',
    );
    const [objectKey] = (config?.Properties.SourceObjectKeys ?? []) as string[];
    const asset = join(synthesized.app.outdir, `asset.${objectKey?.replace(/\.zip$/, '')}`, 'config.json');
    const markers = config?.Properties.SourceMarkers[0] as Record<string, unknown>;
    const written = JSON.parse(readFileSync(asset, 'utf8'));

    // Assess
    expect(config?.Properties).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    expect(written.auth.provider).toBe('cognito');
    expect(markers[written.auth.clientId]).toEqual({ Ref: client });
    const [domainMarker, regionMarker] = Object.keys(markers).filter(
      (marker) => marker !== written.auth.clientId,
    );
    expect(written.auth.domain).toBe(`https://${domainMarker}.auth.${regionMarker}.amazoncognito.com`);
    expect(markers[domainMarker as string]).toEqual({ Ref: domain });
  });

  test("CDK's deployment function passes cdk-nag with its acknowledged findings", () => {
    // Prepare
    const checks = new AwsSolutionsChecks(synthesized.app);

    // Act
    const report = checks.validateScope(synthesized.app);

    // Assess
    expect(synthesized.edge.web.deploysSpa).toBe(true);
    expect(report.violations).toEqual([]);
  });
});
