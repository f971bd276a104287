import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { REPO_ROOT } from './bundling';
import { DataStack } from './data-stack';
import { EdgeStack } from './edge-stack';
import { checkAwsSolutions } from './nag';
import { OpsStack } from './ops-stack';
import { siteOriginOf } from './site-origin';
import { WafStack } from './waf';
import { WorkflowStack } from './workflow-stack';

const CROSS_STACK_REFERENCES = '@aws-cdk/core:defaultCrossStackReferences';

export const STACK_NAMES = {
  data: 'CompanyOpeningData',
  workflow: 'CompanyOpeningWorkflow',
  edge: 'CompanyOpeningEdge',
  ops: 'CompanyOpeningOps',
  waf: 'CompanyOpeningWaf',
} as const;

/**
 * The AWS deployment: `npm run synth` offline, `npm run deploy` with an account (docs/deploy.md).
 * Context: `webDist` (the built SPA, default web/dist), `authDomainPrefix`, `alarmEmail`, `webAclArn` (the
 * CompanyOpeningWaf stack's output: stacks here have no fixed region, so CDK cannot pass it across regions),
 * `siteOrigin` (the AppUrl output's origin: the buckets' CORS and the documents' links; infra/site-origin.ts).
 * cdk-nag's AwsSolutionsChecks run on every synth; an unacknowledged finding fails it.
 */
export function buildApp(app: App = new App()): App {
  const context = (key: string): string | undefined => app.node.tryGetContext(key);
  // Strong references (Fn::ImportValue): a stack cannot be deleted while another one uses its outputs.
  if (context(CROSS_STACK_REFERENCES) === undefined) app.node.setContext(CROSS_STACK_REFERENCES, 'strong');
  checkAwsSolutions(app);

  const siteOrigin = siteOriginOf(app);
  const data = new DataStack(app, STACK_NAMES.data, {
    description:
      'Company opening: the single DynamoDB table, the file buckets (both retained on delete) and the upload checks',
    siteOrigin,
  });
  const storage = data.storage.exported;
  const workflow = new WorkflowStack(app, STACK_NAMES.workflow, {
    description: 'Company opening: the CompanyOpening state machine and its step functions',
    table: data.table,
    storage,
    siteOrigin,
  });
  new WafStack(app, STACK_NAMES.waf, {
    description: 'Company opening: the CloudFront web ACL (us-east-1, where CloudFront takes it from)',
  });
  const edge = new EdgeStack(app, STACK_NAMES.edge, {
    description: 'Company opening: HTTP API, Cognito and the CloudFront site',
    table: data.table,
    stateMachine: workflow.stateMachine,
    webDistPath: context('webDist') ?? join(REPO_ROOT, 'web', 'dist'),
    authDomainPrefix: context('authDomainPrefix'),
    webAclArn: context('webAclArn'),
    storage,
  });
  new OpsStack(app, STACK_NAMES.ops, {
    description: 'Company opening: alarms, alarm topic, overdue-task schedule and dashboard',
    table: data.table,
    stateMachine: workflow.stateMachine,
    apiId: edge.api.api.apiId,
    alarmEmail: context('alarmEmail'),
  });
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) buildApp().synth();
