import aslValidator from 'asl-validator';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_ACCOUNT } from '../../local/runtime';
import { WORKFLOW_FUNCTIONS } from '../../shared/entry-points/workflow-functions';
import { localCompanyOpeningAsl, localFunctionArn } from '../../workflows/local-definition';
import { resolveDefinitionString, stateMachineDefinitionString } from '../../workflows/synthesized-asl';
import { synthesize } from './synth';

interface State {
  Type: string;
  Resource?: string;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  Retry?: { ErrorEquals: string[]; JitterStrategy?: string; BackoffRate?: number }[];
  Branches?: { States: Record<string, State> }[];
}

function allStates(states: Record<string, State>): [string, State][] {
  return Object.entries(states).flatMap(([name, state]) => [
    [name, state] as [string, State],
    ...(state.Branches ?? []).flatMap((branch) => allStates(branch.States)),
  ]);
}

let template: Template;
let deployedAsl: { States: Record<string, State> };

beforeAll(() => {
  const synthesized = synthesize();
  const stack = synthesized.workflow;
  template = synthesized.templates.workflow;
  const functionByLogicalId = new Map(
    Object.values(WORKFLOW_FUNCTIONS).map((fn) => {
      const resource = stack.node.findChild(fn.name).node.defaultChild as CfnElement;
      return [stack.resolve(resource.logicalId) as string, fn.name];
    }),
  );
  const text = resolveDefinitionString(stateMachineDefinitionString(template.toJSON()), (token) => {
    if (token.Ref === 'AWS::Partition') return 'aws';
    const [logicalId, attribute] = token['Fn::GetAtt'] ?? [];
    const functionName = logicalId ? functionByLogicalId.get(logicalId) : undefined;
    if (attribute !== 'Arn' || !functionName) throw new Error(`Unexpected token ${JSON.stringify(token)}`);
    return localFunctionArn(functionName, LOCAL_ACCOUNT);
  });
  deployedAsl = JSON.parse(text);
}, 60_000);

describe('the CompanyOpening definition', () => {
  test('the ASL CDK deploys is exactly the ASL the local engine runs', () => {
    expect(deployedAsl).toEqual(JSON.parse(localCompanyOpeningAsl(LOCAL_ACCOUNT)));
  });

  test('it is valid ASL (asl-validator, paths and ARNs checked)', () => {
    const { isValid, errors } = aslValidator(deployedAsl as never, { checkPaths: true, checkArn: true });
    expect(errors).toEqual([]);
    expect(isValid).toBe(true);
  });

  test('a Standard workflow, traced, logging ALL without execution data', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      StateMachineName: 'CompanyOpening',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
  });

  test('every Task has an explicit timeout and retries with backoff and full jitter', () => {
    const taskStates = allStates(deployedAsl.States).filter(([, state]) => state.Type === 'Task');
    expect(taskStates.length).toBeGreaterThan(20);
    for (const [name, state] of taskStates) {
      expect(state.TimeoutSeconds ?? state.TimeoutSecondsPath, `${name} timeout`).toBeDefined();
      expect(state.Retry?.[0]?.JitterStrategy, `${name} jitter`).toBe('FULL');
      expect(state.Retry?.[0]?.BackoffRate, `${name} backoff`).toBe(2);
      expect(state.Retry?.[0]?.ErrorEquals, `${name} retries Lambda service errors`).toContain(
        'Lambda.ServiceException',
      );
    }
  });

  test('every workflow function is deployed on Node 24 for arm64', () => {
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Runtime: 'nodejs24.x', Architectures: ['arm64'] },
      Object.keys(WORKFLOW_FUNCTIONS).length,
    );
  });
});
