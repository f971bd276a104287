import { ArnFormat, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { WORKFLOW_FUNCTIONS, type WorkflowFunction } from '../functions/workflow/catalog';
import { companyOpeningDefinition } from '../workflows/company-opening';
import { HouseFunction } from './house-function';

export interface WorkflowStackProps extends StackProps {
  table: dynamodb.ITableV2;
}

export const STATE_MACHINE_NAME = 'CompanyOpening';

/** The CompanyOpening state machine and the step functions it calls. */
export class WorkflowStack extends Stack {
  readonly stateMachine: sfn.StateMachine;
  readonly functions: Record<WorkflowFunction, HouseFunction>;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    this.functions = Object.fromEntries(
      Object.entries(WORKFLOW_FUNCTIONS).map(([key, fn]) => [
        key,
        new HouseFunction(this, fn.name, {
          entry: `functions/workflow/${fn.file}.ts`,
          tableName: props.table.tableName,
        }),
      ]),
    ) as Record<WorkflowFunction, HouseFunction>;
    for (const fn of Object.values(this.functions)) props.table.grantReadWriteData(fn);

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
    // Steps that wake the SLA timer send task tokens back to this machine. Its ARN is built from its
    // name, not referenced, or the machine (which names the functions) and the grants would form a cycle.
    const stateMachineArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: STATE_MACHINE_NAME,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    for (const key of ['applyDecision', 'applyCorrection', 'rejectCase', 'closeCase'] as const) {
      this.functions[key].addToRolePolicy(
        new iam.PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: [stateMachineArn] }),
      );
    }
  }
}
