import {
  Annotations,
  ArnFormat,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { ENVIRONMENT, STATE_MACHINE_NAME } from '../shared/config';
import {
  WORKFLOW_FUNCTIONS,
  type WorkflowFunction,
  type WorkflowFunctionKey,
} from '../shared/entry-points/workflow-functions';
import { companyOpeningDefinition } from '../workflows/company-opening';
import { LIVE_ALIAS } from '../workflows/live-alias';
import { type AccessResources, accessEnvironment, grantAccess, type StorageResources } from './grant-access';
import { HouseFunction, type HouseFunctionProps } from './house-function';
import { acknowledge } from './nag';
import { SITE_ORIGIN_CONTEXT } from './site-origin';

export interface WorkflowStackProps extends StackProps {
  table: dynamodb.ITableV2;
  storage: StorageResources;
  /** The site's origin: the issued documents' QR codes link to its verification page (infra/site-origin.ts). */
  siteOrigin?: string;
}

/**
 * Steps that need more than the house defaults. Rendering the PDFs embeds and lays out a CJK font of
 * 1.5 MB: more memory (which on Lambda is also more CPU) and time than a table read and write.
 */
const SIZING: Partial<Record<WorkflowFunctionKey, Pick<HouseFunctionProps, 'memorySize' | 'timeout'>>> = {
  issueDocuments: { memorySize: 1024, timeout: Duration.minutes(2) },
};

/**
 * Context key: the version number the live alias routes new cases to instead of the one this deployment
 * publishes (`npm run deploy -- -c workflowLiveVersion=3`): the rollback of docs/deploy.md.
 */
export const LIVE_VERSION_CONTEXT = 'workflowLiveVersion';

/** The CompanyOpening state machine, its published versions and live alias, and the step functions it calls. */
export class WorkflowStack extends Stack {
  readonly stateMachine: sfn.StateMachine;
  /** Publishes the machine's current revision: a new version each time the definition changes. */
  readonly version: sfn.CfnStateMachineVersion;
  /** What new cases start through: 100% to one version. */
  readonly liveAlias: sfn.CfnStateMachineAlias;
  readonly functions: Record<WorkflowFunctionKey, HouseFunction>;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    const resources: AccessResources = { table: props.table, storage: props.storage };
    if (!props.siteOrigin) {
      Annotations.of(this).addWarningV2(
        'company-opening:siteOrigin',
        `Without -c ${SITE_ORIGIN_CONTEXT}=https://<AppUrl host>, issued documents carry no verification link (docs/deploy.md)`,
      );
    }
    this.functions = Object.fromEntries(
      (Object.entries(WORKFLOW_FUNCTIONS) as [WorkflowFunctionKey, WorkflowFunction][]).map(([key, fn]) => [
        key,
        new HouseFunction(this, fn.name, {
          entry: fn.handler,
          tableName: props.table.tableName,
          bundledFiles: fn.bundledFiles,
          ...SIZING[key],
          environment: {
            ...accessEnvironment(fn.access, resources),
            ...(key === 'issueDocuments' && props.siteOrigin
              ? { [ENVIRONMENT.publicBaseUrl]: props.siteOrigin }
              : {}),
          },
        }),
      ]),
    ) as Record<WorkflowFunctionKey, HouseFunction>;

    this.stateMachine = new sfn.StateMachine(this, 'CompanyOpening', {
      stateMachineName: STATE_MACHINE_NAME,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(companyOpeningDefinition(this, this.functions)),
      tracingEnabled: true,
      logs: {
        destination: new logs.LogGroup(this, 'CompanyOpeningLogs', {
          retention: logs.RetentionDays.ONE_YEAR,
        }),
        level: sfn.LogLevel.ALL,
        includeExecutionData: false,
      },
    });
    // Steps that resume a wait send task tokens back to this machine. Its ARN is built from its name,
    // not referenced, or the machine (which names the functions) and the grants would form a cycle.
    const stateMachineArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: STATE_MACHINE_NAME,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    new CfnOutput(this, 'StateMachineArn', { value: this.stateMachine.stateMachineArn });

    // A changed definition is a new revision; a new revision id replaces this resource, which publishes
    // a version. Retained on replacement and on deletion: executions started on an older version run on
    // it until they finish (up to 30 days of department and correction waits), so none is ever deleted
    // by a deployment; docs/deploy.md says when one may be deleted by hand.
    this.version = new sfn.CfnStateMachineVersion(this, 'CompanyOpeningVersion', {
      stateMachineArn: this.stateMachine.stateMachineArn,
      stateMachineRevisionId: (this.stateMachine.node.defaultChild as sfn.CfnStateMachine)
        .attrStateMachineRevisionId,
    });
    this.version.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const rollbackTo = this.node.tryGetContext(LIVE_VERSION_CONTEXT) as string | number | undefined;
    this.liveAlias = new sfn.CfnStateMachineAlias(this, 'CompanyOpeningLive', {
      name: LIVE_ALIAS,
      description: 'New cases start here; running ones stay on the version they started on',
      routingConfiguration: [
        {
          stateMachineVersionArn:
            rollbackTo === undefined
              ? this.version.attrArn
              : `${stateMachineArn}:${versionNumber(rollbackTo)}`,
          weight: 100,
        },
      ],
    });
    new CfnOutput(this, 'PublishedVersionArn', { value: this.version.attrArn });
    new CfnOutput(this, 'LiveAliasArn', { value: this.liveAlias.attrArn });

    for (const [key, fn] of Object.entries(WORKFLOW_FUNCTIONS)) {
      grantAccess(this.functions[key as WorkflowFunctionKey], fn.access, { ...resources, stateMachineArn });
    }

    acknowledge(
      this.stateMachine,
      'AwsSolutions-IAM5[Resource::*]',
      'Two services that support no resource-level permissions: X-Ray tracing (xray:PutTraceSegments, ' +
        'PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) and vended log delivery to CloudWatch ' +
        'Logs (logs:CreateLogDelivery and the other *LogDelivery/ResourcePolicy calls) must name "*".',
    );
    for (const fn of Object.values(this.functions)) {
      const logicalId = this.resolve((fn.node.defaultChild as lambda.CfnFunction).logicalId) as string;
      acknowledge(
        this.stateMachine,
        `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        `The state machine invokes ${fn.node.id} and nothing else; CDK's LambdaInvoke grant adds the ` +
          "function's qualified ARNs (versions and aliases), which is what the trailing :* stands for.",
      );
    }
  }
}

function versionNumber(value: string | number): number {
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`${LIVE_VERSION_CONTEXT} must be a published version number, not ${value}`);
  }
  return version;
}
