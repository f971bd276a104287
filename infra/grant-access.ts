import { ArnFormat, type Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { TABLE_INDEXES } from '../shared/data/table';
import { type Access, type Permission, permissionsOf, type Target } from '../shared/entry-points/access';
import { ALARM_NAME_PREFIX } from '../shared/ops/alarms';
import { LIVE_ALIAS } from '../workflows/live-alias';
import type { HouseFunction } from './house-function';
import { acknowledge } from './nag';

/** The resources an access declaration's targets stand for, in the stack granting it. */
export interface AccessResources {
  table?: dynamodb.ITableV2;
  /** The CompanyOpening state machine's unqualified ARN. */
  stateMachineArn?: string;
}

/**
 * Step Functions authorizes a start through an alias on the machine's unqualified ARN, with the alias
 * name in `states:StateMachineQualifier` (docs: "Authorization for versions and aliases"). The
 * condition limits the grant to starts through the live alias: an unqualified or version start
 * carries no such qualifier and is refused.
 */
const THROUGH_LIVE_ALIAS = { StringEquals: { 'states:StateMachineQualifier': LIVE_ALIAS } };

/** ARN of every alarm this platform owns: each one's name starts with the prefix. */
export function alarmsArn(scope: Stack): string {
  return scope.formatArn({
    service: 'cloudwatch',
    resource: 'alarm',
    resourceName: `${ALARM_NAME_PREFIX}*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

function arnOf(target: Target, resources: AccessResources, stack: Stack): string {
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`Access to ${target} needs ${what}`);
    return value;
  };
  if (target === 'table') return need(resources.table, 'the table').tableArn;
  if (target === 'stateMachine' || target === 'liveAlias')
    return need(resources.stateMachineArn, 'the state machine');
  if (target === 'alarms') return alarmsArn(stack);
  const index = TABLE_INDEXES[target.slice('index/'.length) as keyof typeof TABLE_INDEXES];
  return `${need(resources.table, 'the table').tableArn}/index/${index.name}`;
}

export function conditionsOf(permission: Permission): Record<string, unknown> | undefined {
  if (permission.targets.includes('liveAlias')) return THROUGH_LIVE_ALIAS;
  if (permission.leadingKeys)
    return { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...permission.leadingKeys] } };
  return undefined;
}

/**
 * Grants a function exactly what its entry point declares (shared/entry-points/access.ts): one
 * statement per permission, no wildcard actions, resources as narrow as the declaration.
 */
export function grantAccess(fn: HouseFunction, access: Access, resources: AccessResources): void {
  for (const permission of permissionsOf(access)) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [...permission.actions],
        resources: permission.targets.map((target) => arnOf(target, resources, fn.stack)),
        conditions: conditionsOf(permission),
      }),
    );
    if (permission.targets.includes('alarms')) {
      acknowledge(
        fn.role ?? fn,
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudwatch:<AWS::Region>:<AWS::AccountId>:alarm:${ALARM_NAME_PREFIX}*]`,
        "The ops board lists this platform's alarms with DescribeAlarms(AlarmNamePrefix); the grant is " +
          `limited to alarms named ${ALARM_NAME_PREFIX}*, the prefix every alarm of shared/ops/alarms.ts carries.`,
      );
    }
  }
}
