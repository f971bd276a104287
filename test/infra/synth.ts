import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildApp, STACK_NAMES } from '../../infra/app';
import type { DataStack } from '../../infra/data-stack';
import type { EdgeStack } from '../../infra/edge-stack';
import type { OpsStack } from '../../infra/ops-stack';
import type { WafStack } from '../../infra/waf';
import type { WorkflowStack } from '../../infra/workflow-stack';

/** A web/dist that never exists: the default synth deploys no SPA, whatever the working tree holds. */
export const NO_WEB_DIST = '/nonexistent/web/dist';

export interface SynthesizedApp {
  app: App;
  data: DataStack;
  workflow: WorkflowStack;
  edge: EdgeStack;
  ops: OpsStack;
  waf: WafStack;
  templates: Record<keyof typeof STACK_NAMES, Template>;
  /** The template of the stack `construct` belongs to. */
  templateOf: (construct: IConstruct) => Template;
}

/**
 * The whole app as `npm run synth` builds it (cdk-nag included: the synth throws on any
 * unacknowledged finding), without bundling the handlers and without CDK's built-in CloudFormation
 * lint, which only slow the tests down. One synth per test file.
 */
export function synthesize(context: Record<string, unknown> = {}): SynthesizedApp {
  const app = buildApp(
    new App({
      builtinCloudFormationValidation: false,
      context: { 'aws:cdk:bundling-stacks': [], webDist: NO_WEB_DIST, ...context },
    }),
  );
  const stackNamed = <T extends Stack>(name: string) => app.node.findChild(name) as T;
  const data = stackNamed<DataStack>(STACK_NAMES.data);
  const workflow = stackNamed<WorkflowStack>(STACK_NAMES.workflow);
  const edge = stackNamed<EdgeStack>(STACK_NAMES.edge);
  const ops = stackNamed<OpsStack>(STACK_NAMES.ops);
  const waf = stackNamed<WafStack>(STACK_NAMES.waf);
  app.synth();
  const templates = {
    data: Template.fromStack(data),
    workflow: Template.fromStack(workflow),
    edge: Template.fromStack(edge),
    ops: Template.fromStack(ops),
    waf: Template.fromStack(waf),
  };
  const byStack = new Map<Stack, Template>([
    [data, templates.data],
    [workflow, templates.workflow],
    [edge, templates.edge],
    [ops, templates.ops],
    [waf, templates.waf],
  ]);
  const templateOf = (construct: IConstruct) => {
    const template = byStack.get(Stack.of(construct));
    if (!template) throw new Error(`${construct.node.path} is in no stack of the app`);
    return template;
  };
  return { app, data, workflow, edge, ops, waf, templates, templateOf };
}

/** Template JSON as the tests read it: its shape is what the assertions check. */
export type Json = any;

/** A synthesized resource. */
export interface Resource {
  Type: string;
  Properties: Record<string, Json>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The resources of one type in a template, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

/** The logical id of the construct's CloudFormation resource (its default child, or itself). */
export function logicalIdOf(construct: IConstruct): string {
  const resource = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).resolve(resource.logicalId) as string;
}
