import { App, type Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildApp, STACK_NAMES } from '../../infra/app';
import { NO_WEB_DIST } from './synth';

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

const context = { 'aws:cdk:bundling-stacks': [], webDist: NO_WEB_DIST };
let app: App;
let synthError: unknown;
let acknowledgements: Acknowledgement[];

function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  const visit = (construct: IConstruct) => {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
    for (const child of construct.node.children) visit(child);
  };
  visit(root);
  return found.filter((acknowledgement) => acknowledgement.id.startsWith('AwsSolutions-'));
}

beforeAll(() => {
  // Prepare / Act: the app exactly as `npm run synth` builds it, cdk-nag wired in by buildApp.
  app = buildApp(new App({ builtinCloudFormationValidation: false, context }));
  try {
    app.synth();
  } catch (error) {
    synthError = error;
  }
  acknowledgements = acknowledgementsIn(app);
});

describe('cdk-nag AwsSolutionsChecks', () => {
  test('the synth passes: cdk-nag 3 fails it on any unacknowledged error or warning', () => {
    // Assess
    expect(synthError).toBeUndefined();
  });

  test('reports zero unacknowledged findings, errors and warnings alike', () => {
    // Prepare
    const checks = new AwsSolutionsChecks(app);

    // Act
    const report = checks.validateScope(app);

    // Assess
    expect(report.violations.filter((violation) => violation.severity === 'error')).toEqual([]);
    expect(report.violations.filter((violation) => violation.severity === 'warning')).toEqual([]);
    expect(report.success).toBe(true);
  });

  test.each(Object.values(STACK_NAMES).map((name) => [name]))(
    '%s carries no AwsSolutions annotation',
    (name) => {
      // Prepare
      const annotations = Annotations.fromStack(app.node.findChild(name) as Stack);

      // Act / Assess
      expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
      expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    },
  );
});

describe('every acknowledgement', () => {
  let rawFindings: { id: string; path: string }[];

  beforeAll(() => {
    // Prepare: the same app with acknowledgements switched off shows what they hide.
    const spy = vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => {});
    const bare = buildApp(new App({ builtinCloudFormationValidation: false, context }));
    spy.mockRestore();
    rawFindings = new AwsSolutionsChecks(bare).validateScope(bare).violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => ({
        id: violation.ruleName,
        path: resource.constructPath ?? '',
      })),
    );
  });

  afterAll(() => vi.restoreAllMocks());

  test('names one finding, never a whole IAM rule, and says why in a real sentence', () => {
    // Assess
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { id, reason, path } of acknowledgements) {
      expect(id, path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      if (/^AwsSolutions-IAM[45]/.test(id)) expect(id, path).toMatch(/\[(Resource|Action|Policy)::.+\]$/);
      expect(reason.length, `${id} on ${path}`).toBeGreaterThanOrEqual(60);
    }
  });

  test('hides a finding that really occurs there (no stale acknowledgements)', () => {
    // Act
    const stale = acknowledgements.filter(
      ({ id, path }) =>
        !rawFindings.some((finding) => finding.id === id && finding.path.startsWith(`${path}/`)),
    );

    // Assess
    expect(rawFindings.length).toBeGreaterThan(0);
    expect(stale).toEqual([]);
  });

  test('and every finding that occurs is acknowledged', () => {
    // Act
    const open = rawFindings.filter(
      (finding) =>
        !acknowledgements.some(({ id, path }) => finding.id === id && finding.path.startsWith(`${path}/`)),
    );

    // Assess
    expect(open).toEqual([]);
  });
});
