import { beforeAll, describe, expect, test } from 'vitest';
import { BUNDLING } from '../../infra/bundling';
import { SERVICE_NAME } from '../../shared/config';
import { EVENT_FUNCTIONS } from '../../shared/entry-points/event-functions';
import { ROUTE_LIST } from '../../shared/entry-points/routes';
import { SCHEDULED_JOBS } from '../../shared/entry-points/scheduled-jobs';
import { STREAM_FUNCTIONS } from '../../shared/entry-points/stream-functions';
import { WORKFLOW_FUNCTIONS } from '../../shared/entry-points/workflow-functions';
import { type Resource, resourcesOf, type SynthesizedApp, synthesize } from './synth';

let synthesized: SynthesizedApp;
let functions: [string, Resource][];
let logGroups: Record<string, Resource>;

beforeAll(() => {
  synthesized = synthesize();
  const templates = Object.values(synthesized.templates);
  functions = templates.flatMap((template) => Object.entries(resourcesOf(template, 'AWS::Lambda::Function')));
  logGroups = Object.assign({}, ...templates.map((template) => resourcesOf(template, 'AWS::Logs::LogGroup')));
});

describe('every Lambda function is a house function', () => {
  test('one per workflow step, route, event function, stream function and scheduled job, and no other', () => {
    // Prepare
    const expected =
      Object.keys(WORKFLOW_FUNCTIONS).length +
      ROUTE_LIST.length +
      Object.keys(EVENT_FUNCTIONS).length +
      Object.keys(STREAM_FUNCTIONS).length +
      Object.keys(SCHEDULED_JOBS).length;

    // Act / Assess
    expect(functions).toHaveLength(expected);
  });

  test('Node 24 on arm64, traced, JSON logs into its own log group kept three months', () => {
    for (const [id, fn] of functions) {
      // Prepare
      const logGroup = fn.Properties.LoggingConfig?.LogGroup?.Ref as string;

      // Act / Assess
      expect(fn.Properties, id).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON' },
        Environment: {
          Variables: expect.objectContaining({
            NODE_OPTIONS: '--enable-source-maps',
            POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
            POWERTOOLS_METRICS_NAMESPACE: 'CompanyOpening',
          }),
        },
      });
      expect(logGroups[logGroup]?.Properties.RetentionInDays, id).toBe(90);
    }
  });

  test('traces hold no response and no error message: Powertools is told so in every environment', () => {
    for (const [id, fn] of functions) {
      // Prepare / Act
      const variables = fn.Properties.Environment?.Variables;

      // Assess
      expect(variables, id).toMatchObject({
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
        POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
      });
    }
  });

  test('no two functions share a log group or a role', () => {
    // Prepare / Act
    const groups = new Set(functions.map(([, fn]) => fn.Properties.LoggingConfig.LogGroup.Ref));
    const roles = new Set(functions.map(([, fn]) => JSON.stringify(fn.Properties.Role)));

    // Assess
    expect(groups.size).toBe(functions.length);
    expect(roles.size).toBe(functions.length);
  });

  test('bundles are minified ESM with source maps, leaving out the SDK the runtime provides', () => {
    // Prepare / Act / Assess
    expect(BUNDLING).toMatchObject({ format: 'esm', target: 'node24', minify: true, sourceMap: true });
    expect(BUNDLING.external).toContain('@aws-sdk/*');
  });
});
