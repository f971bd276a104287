import { ArnFormat, type Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { CASE_EVENT_BUS_NAME, ENVIRONMENT } from '../shared/config';
import { TABLE_INDEXES } from '../shared/data/table';
import {
  type Access,
  type ObjectAction,
  type Permission,
  permissionsOf,
  type Target,
} from '../shared/entry-points/access';
import { ALARM_NAME_PREFIX } from '../shared/ops/alarms';
import { BUCKETS, type BucketName } from '../shared/storage/buckets';
import { LIVE_ALIAS } from '../workflows/live-alias';
import type { HouseFunction } from './house-function';
import { acknowledge } from './nag';

/** The resources an access declaration's targets stand for, in the stack granting it. */
export interface AccessResources {
  table?: dynamodb.ITableV2;
  /** The CompanyOpening state machine's unqualified ARN. */
  stateMachineArn?: string;
  storage?: StorageResources;
}

/** The buckets of shared/storage/buckets.ts, and the key they are encrypted with (infra/storage.ts). */
export interface StorageResources {
  buckets: Record<BucketName, Pick<s3.IBucket, 'bucketArn' | 'bucketName' | 'bucketRegionalDomainName'>>;
  key: kms.IKey;
}

/**
 * What S3 asks KMS for on a caller's behalf, with the caller's permissions, for an object under SSE-KMS
 * (S3 docs: "Using server-side encryption with AWS KMS keys (SSE-KMS)", permissions): writing one needs
 * kms:GenerateDataKey, reading one kms:Decrypt; a delete needs no key. A copy is a read and a write.
 */
export const KMS_ACTIONS_FOR: Record<ObjectAction, readonly string[]> = {
  's3:PutObject': ['kms:GenerateDataKey'],
  's3:GetObject': ['kms:Decrypt'],
  's3:DeleteObject': [],
};

export function kmsActionsOf(permission: Permission): string[] {
  const actions = permission.actions.flatMap((action) => KMS_ACTIONS_FOR[action as ObjectAction] ?? []);
  return [...new Set(actions)];
}

/** The bucket an `objects/…` permission is on, if it is one. */
export function bucketOf(permission: Permission): BucketName | undefined {
  const target = permission.targets.find((each) => each.startsWith('objects/'));
  return target?.slice('objects/'.length) as BucketName | undefined;
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

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Access needs ${what}`);
  return value;
}

function arnOf(target: Target, permission: Permission, resources: AccessResources, stack: Stack): string {
  if (target === 'table') return need(resources.table, 'the table').tableArn;
  if (target === 'stateMachine' || target === 'liveAlias')
    return need(resources.stateMachineArn, 'the state machine');
  if (target === 'alarms') return alarmsArn(stack);
  if (target === 'caseEventBus')
    return stack.formatArn({ service: 'events', resource: 'event-bus', resourceName: CASE_EVENT_BUS_NAME });
  if (target.startsWith('objects/')) {
    const bucket = need(resources.storage, 'the buckets').buckets[
      target.slice('objects/'.length) as BucketName
    ];
    return `${bucket.bucketArn}/${need(permission.objectKeys, `the keys of ${target}`)}`;
  }
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
 * The key statement that goes with an object permission: S3's calls to KMS for that bucket only
 * (with bucket keys the encryption context is the bucket's ARN, without them the object's).
 */
function keyStatement(
  permission: Permission,
  resources: AccessResources,
  stack: Stack,
): iam.PolicyStatement | undefined {
  const bucketName = bucketOf(permission);
  const actions = kmsActionsOf(permission);
  if (!bucketName || actions.length === 0) return undefined;
  const storage = need(resources.storage, 'the buckets');
  const { bucketArn } = storage.buckets[bucketName];
  return new iam.PolicyStatement({
    actions,
    resources: [storage.key.keyArn],
    conditions: {
      StringEquals: { 'kms:ViaService': `s3.${stack.region}.${stack.urlSuffix}` },
      StringLike: { 'kms:EncryptionContext:aws:s3:arn': [bucketArn, `${bucketArn}/*`] },
    },
  });
}

/**
 * The environment naming what a function's access reaches besides the table: each bucket (BUCKETS'
 * `environment`) and the case event bus.
 */
export function accessEnvironment(access: Access, resources: AccessResources): Record<string, string> {
  const names = [...new Set((access.storage ?? []).map((each) => each.bucket))];
  return {
    ...Object.fromEntries(
      names.map((name) => [
        BUCKETS[name].environment,
        need(resources.storage, 'the buckets').buckets[name].bucketName,
      ]),
    ),
    ...(access.events?.length ? { [ENVIRONMENT.caseEventBus]: CASE_EVENT_BUS_NAME } : {}),
  };
}

/**
 * Grants a function exactly what its entry point declares (shared/entry-points/access.ts): one
 * statement per permission, no wildcard actions, resources as narrow as the declaration; an object
 * permission is followed by the key permission S3 needs for it.
 */
export function grantAccess(fn: HouseFunction, access: Access, resources: AccessResources): void {
  for (const permission of permissionsOf(access)) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [...permission.actions],
        resources: permission.targets.map((target) => arnOf(target, permission, resources, fn.stack)),
        conditions: conditionsOf(permission),
      }),
    );
    const key = keyStatement(permission, resources, fn.stack);
    if (key) fn.addToRolePolicy(key);
    const bucketName = bucketOf(permission);
    if (bucketName) {
      const arn = need(resources.storage, 'the buckets').buckets[bucketName].bucketArn;
      acknowledge(
        fn.role ?? fn,
        `AwsSolutions-IAM5[Resource::${findingNameOf(arn, fn.stack)}/${permission.objectKeys}]`,
        `Objects are named by the ids the platform gives them (shared/storage/buckets.ts OBJECT_KEYS), so ` +
          `the grant is ${permission.actions.join(', ')} on the one prefix the entry point declares, ` +
          `${permission.objectKeys} in the ${bucketName} bucket, never the whole bucket.`,
      );
    }
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

/** How cdk-nag names a bucket ARN in a finding: `<LogicalId.Arn>` in its own stack, the export's name elsewhere. */
function findingNameOf(arn: string, stack: Stack): string {
  const resolved = stack.resolve(arn) as { 'Fn::ImportValue'?: string; 'Fn::GetAtt'?: [string, string] };
  if (typeof resolved['Fn::ImportValue'] === 'string') return resolved['Fn::ImportValue'];
  if (resolved['Fn::GetAtt']) return `<${resolved['Fn::GetAtt'][0]}.${resolved['Fn::GetAtt'][1]}>`;
  throw new Error(`A bucket ARN that is neither its own stack's nor an export: ${JSON.stringify(resolved)}`);
}
