import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag 3 runs as a CDK validation plugin: `synth` fails on any finding, error or warning, that is
 * not acknowledged on the resource or one of its parents.
 */
export function checkAwsSolutions(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Accepts one cdk-nag finding on `scope` and everything below it. `id` names the finding exactly
 * (`AwsSolutions-IAM5[Resource::*]`), never a whole rule, and every acknowledgement says why.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 20) throw new Error(`Acknowledging ${id} needs a real reason`);
  Validations.of(scope).acknowledge({ id, reason });
}
