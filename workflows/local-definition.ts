import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { WORKFLOW_FUNCTIONS, type WorkflowFunctionKey } from '../shared/entry-points/workflow-functions';
import { companyOpeningDefinition } from './company-opening';
import { resolveDefinitionString, stateMachineDefinitionString } from './synthesized-asl';

export interface LocalAccount {
  region: string;
  accountId: string;
}

export function localFunctionArn(name: string, account: LocalAccount): string {
  return `arn:aws:lambda:${account.region}:${account.accountId}:function:${name}`;
}

/**
 * The CompanyOpening ASL exactly as CDK synthesizes it, with each function's token replaced by the
 * local ARN of the same handler module: what the local engine runs.
 */
export function localCompanyOpeningAsl(account: LocalAccount): string {
  // No bundling and no CloudFormation lint: only the definition string is read from this app.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'LocalCompanyOpening', {
    env: { region: account.region, account: account.accountId },
  });
  const functions = Object.fromEntries(
    Object.entries(WORKFLOW_FUNCTIONS).map(([key, fn]) => [
      key,
      lambda.Function.fromFunctionArn(stack, fn.name, localFunctionArn(fn.name, account)),
    ]),
  ) as Record<WorkflowFunctionKey, lambda.IFunction>;
  new sfn.StateMachine(stack, 'CompanyOpening', {
    definitionBody: sfn.DefinitionBody.fromChainable(companyOpeningDefinition(stack, functions)),
    stateMachineType: sfn.StateMachineType.STANDARD,
  });
  const template = app.synth().getStackByName(stack.stackName).template;
  return resolveDefinitionString(stateMachineDefinitionString(template), (token) => {
    if (token.Ref === 'AWS::Partition') return 'aws';
    if (token.Ref === 'AWS::Region') return account.region;
    if (token.Ref === 'AWS::AccountId') return account.accountId;
    throw new Error(`Unexpected token in the local definition: ${JSON.stringify(token)}`);
  });
}
