import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { LIVE_VERSION_CONTEXT } from '../../infra/workflow-stack';
import { type Json, logicalIdOf, resourcesOf, type SynthesizedApp, synthesize } from './synth';

let synthesized: SynthesizedApp;
let template: Template;

beforeAll(() => {
  synthesized = synthesize();
  template = synthesized.templates.workflow;
});

const only = (resources: Record<string, Json>) => {
  const values = Object.values(resources);
  expect(values).toHaveLength(1);
  return values[0];
};

describe('upgrades with cases in flight', () => {
  test('each deployment publishes the revision it deploys as a version that no update or deletion removes', () => {
    // Prepare
    const machine = logicalIdOf(synthesized.workflow.stateMachine);

    // Act
    const version = only(resourcesOf(template, 'AWS::StepFunctions::StateMachineVersion'));

    // Assess: a new revision id replaces the resource (a new version); Retain keeps the old one.
    expect(version.Properties).toEqual({
      StateMachineArn: { Ref: machine },
      StateMachineRevisionId: { 'Fn::GetAtt': [machine, 'StateMachineRevisionId'] },
    });
    expect(version.DeletionPolicy).toBe('Retain');
    expect(version.UpdateReplacePolicy).toBe('Retain');
  });

  test('the live alias routes 100% of new executions to the version this deployment published', () => {
    // Prepare
    const version = logicalIdOf(synthesized.workflow.version);

    // Act
    const alias = only(resourcesOf(template, 'AWS::StepFunctions::StateMachineAlias'));

    // Assess
    expect(alias.Properties).toMatchObject({
      Name: 'live',
      RoutingConfiguration: [{ StateMachineVersionArn: { 'Fn::GetAtt': [version, 'Arn'] }, Weight: 100 }],
    });
    expect(alias.Properties.DeploymentPreference).toBeUndefined();
  });

  test('every StartExecution grant is limited to the live alias; nothing else may start a case', () => {
    // Prepare
    const statements = Object.values(synthesized.templates).flatMap((stackTemplate) =>
      Object.values(resourcesOf(stackTemplate, 'AWS::IAM::Policy')).flatMap(
        (policy) => policy.Properties.PolicyDocument.Statement as Json[],
      ),
    );

    // Act
    const starts = statements.filter((statement) =>
      [statement.Action].flat().some((action: string) => action.startsWith('states:StartExecution')),
    );

    // Assess
    expect(starts).toHaveLength(1);
    for (const statement of starts) {
      expect(statement.Action).toBe('states:StartExecution');
      expect(statement.Condition).toEqual({ StringEquals: { 'states:StateMachineQualifier': 'live' } });
    }
  });

  test(`-c ${LIVE_VERSION_CONTEXT}=<n> rolls the alias back to version n and still publishes the new revision`, () => {
    // Prepare / Act
    const rolledBack = synthesize({ [LIVE_VERSION_CONTEXT]: '3' }).templates.workflow;

    // Assess
    const alias = only(resourcesOf(rolledBack, 'AWS::StepFunctions::StateMachineAlias'));
    const [route] = alias.Properties.RoutingConfiguration;
    expect(route.Weight).toBe(100);
    expect(route.StateMachineVersionArn['Fn::Join'][1].at(-1)).toBe(':stateMachine:CompanyOpening:3');
    expect(Object.keys(resourcesOf(rolledBack, 'AWS::StepFunctions::StateMachineVersion'))).toHaveLength(1);
  });

  test('a rollback to something that is not a version number is refused at synth', () => {
    expect(() => synthesize({ [LIVE_VERSION_CONTEXT]: 'latest' })).toThrow(/version number/);
  });
});
