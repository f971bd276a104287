import { App } from 'aws-cdk-lib';
import { DataStack } from './data-stack';
import { WorkflowStack } from './workflow-stack';

/** The AWS deployment: `npm run synth` offline, `npm run deploy` with an account. */
export function buildApp(app: App = new App()): App {
  const data = new DataStack(app, 'CompanyOpeningData');
  new WorkflowStack(app, 'CompanyOpeningWorkflow', { table: data.table });
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) buildApp().synth();
