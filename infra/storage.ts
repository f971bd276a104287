import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BUCKETS, type BucketName, LIFECYCLE, OBJECT_KEYS } from '../shared/storage/buckets';
import type { StorageResources } from './grant-access';
import { acknowledge } from './nag';
import { ANY_CLOUDFRONT_ORIGIN } from './site-origin';

export interface StorageProps {
  /** The site's origin, the only one the buckets answer CORS requests from (infra/site-origin.ts). */
  siteOrigin?: string;
}

/** The platform's choice: an overwritten or deleted object stays recoverable this long, then goes. */
export const NONCURRENT_VERSION_DAYS = 30;
/** A multipart upload nobody completed is cleaned up after a day (the browser's POST is never one). */
export const INCOMPLETE_MULTIPART_UPLOAD_DAYS = 1;
/** Server access logs are kept a year, as the site's logs are (infra/web.ts). */
export const ACCESS_LOG_DAYS = 365;
/** What the malware scan watches: where the browser's uploads land (shared/storage/buckets.ts). */
export const SCANNED_PREFIX = OBJECT_KEYS.incoming('');
/** The rules GuardDuty creates for a protected bucket on the default bus are named so (its role policy below). */
const GUARDDUTY_MANAGED_RULES = 'DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*';

/**
 * The buckets of shared/storage/buckets.ts: private, SSE-KMS under one customer managed key with
 * rotation (bucket keys on, so S3 calls KMS once per bucket key rather than per object), TLS only,
 * versioned, with the declared lifecycle, server access logs, and retained when the stack goes. The
 * uploads bucket sends its events to EventBridge and is scanned by GuardDuty Malware Protection for S3.
 *
 * Not a construct: each bucket is made with its declared construct id straight in the stack, so its
 * logical id is that id and a hash, which is how the local IAM finds its stand-in (local/iam/role-policies.ts).
 */
export class Storage {
  readonly key: kms.Key;
  /** Server access logs of the three buckets, under S3-managed keys: log delivery cannot write SSE-KMS. */
  readonly logs: s3.Bucket;
  readonly buckets: Record<BucketName, s3.Bucket>;
  readonly malwareScanRole: iam.Role;
  readonly malwareProtection: guardduty.CfnMalwareProtectionPlan;
  /** The buckets and key as this stack's own functions are granted them. */
  readonly resources: StorageResources;
  /**
   * As the other stacks' functions are: each bucket ARN through an export of a fixed name, which their
   * policies import and the IAM5 acknowledgements can name (an automatic export's name ends in a hash).
   */
  readonly exported: StorageResources;

  constructor(scope: Construct, props: StorageProps) {
    this.key = new kms.Key(scope, 'StorageKey', {
      description: 'Encrypts the uploads, quarantine and documents buckets',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // "The target bucket can use SSE-S3 only" for default encryption (S3 docs: "Enabling Amazon S3 server
    // access logging"); its objects are written through the log delivery ACL, as the site's log bucket's are.
    this.logs = new s3.Bucket(scope, 'StorageAccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.buckets = Object.fromEntries(
      (Object.keys(BUCKETS) as BucketName[]).map((name) => [name, this.bucket(scope, name, props)]),
    ) as Record<BucketName, s3.Bucket>;
    // Object Created events go to the default bus, where the UploadCheck rule takes them. Set on the
    // CloudFormation resource: the L2's eventBridgeEnabled adds a custom-resource Lambda to do the same.
    (this.buckets.uploads.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
    this.malwareScanRole = this.scanRole(scope, this.buckets.uploads);
    this.malwareProtection = new guardduty.CfnMalwareProtectionPlan(scope, 'UploadsMalwareProtection', {
      role: this.malwareScanRole.roleArn,
      protectedResource: {
        s3Bucket: { bucketName: this.buckets.uploads.bucketName, objectPrefixes: [SCANNED_PREFIX] },
      },
      // The result comes as an EventBridge event (UploadScanResult); nothing reads a tag.
      actions: { tagging: { status: 'DISABLED' } },
    });
    // GuardDuty validates the role as it creates the plan: its policy must be in place by then.
    this.malwareProtection.node.addDependency(this.malwareScanRole);

    this.resources = { buckets: this.buckets, key: this.key };
    const stack = Stack.of(scope);
    this.exported = {
      key: this.key,
      buckets: Object.fromEntries(
        (Object.entries(this.buckets) as [BucketName, s3.Bucket][]).map(([name, bucket]) => [
          name,
          {
            bucketName: bucket.bucketName,
            bucketRegionalDomainName: bucket.bucketRegionalDomainName,
            bucketArn: stack.exportValue(bucket.bucketArn, {
              name: `${stack.stackName}-${BUCKETS[name].constructId}BucketArn`,
            }),
          },
        ]),
      ) as StorageResources['buckets'],
    };
  }

  private bucket(scope: Construct, name: BucketName, props: StorageProps): s3.Bucket {
    const declared = BUCKETS[name];
    const methods = [...(declared.browserUploads ? [s3.HttpMethods.POST] : []), s3.HttpMethods.GET];
    return new s3.Bucket(scope, declared.constructId, {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: `${name}/`,
      lifecycleRules: [
        // Expired objects go with their older versions the same day: an abandoned upload is not kept as a version.
        ...(LIFECYCLE[name] ?? []).map(({ prefix, days }) => ({
          id: `Expire-${prefix.replace(/\/$/, '')}`,
          prefix,
          expiration: Duration.days(days),
          noncurrentVersionExpiration: Duration.days(days),
        })),
        {
          id: 'NoncurrentVersionsAndIncompleteUploads',
          noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(INCOMPLETE_MULTIPART_UPLOAD_DAYS),
          expiredObjectDeleteMarker: true,
        },
      ],
      // The browser posts uploads and fetches presigned downloads from the site's own origin only.
      cors:
        name === 'quarantine'
          ? undefined
          : [
              {
                allowedMethods: methods,
                allowedOrigins: [props.siteOrigin ?? ANY_CLOUDFRONT_ORIGIN],
                maxAge: 3000,
              },
            ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * The service role GuardDuty Malware Protection for S3 scans with: the policy of its docs ("Create or
   * update IAM role policy"), statement for statement (AllowManagedRuleToSendS3EventsToGuardDuty,
   * AllowGuardDutyToMonitorEventBridgeManagedRule, AllowEnableS3EventBridgeEvents,
   * AllowPutValidationObject, the ListBucket ownership check, AllowMalwareScan, AllowDecryptForMalwareScan),
   * without AllowPostScanTag since tagging is off, and the scan narrowed to the protected prefix.
   */
  private scanRole(scope: Construct, uploads: s3.Bucket): iam.Role {
    const stack = Stack.of(scope);
    const role = new iam.Role(scope, 'MalwareScanRole', {
      assumedBy: new iam.ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3 scans the uploads bucket with it',
    });
    const managedRules = stack.formatArn({
      service: 'events',
      resource: 'rule',
      resourceName: GUARDDUTY_MANAGED_RULES,
    });
    const statements = [
      new iam.PolicyStatement({
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [managedRules],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
      new iam.PolicyStatement({
        actions: ['events:DescribeRule', 'events:ListTargetsByRule'],
        resources: [managedRules],
      }),
      new iam.PolicyStatement({
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'],
        resources: [uploads.bucketArn],
      }),
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [uploads.arnForObjects('malware-protection-resource-validation-object')],
      }),
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [uploads.arnForObjects(`${SCANNED_PREFIX}*`)],
      }),
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.${stack.urlSuffix}` } },
      }),
    ];
    for (const statement of statements) role.addToPolicy(statement);
    const uploadsId = stack.resolve((uploads.node.defaultChild as s3.CfnBucket).logicalId) as string;
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:rule/${GUARDDUTY_MANAGED_RULES}]`,
      'GuardDuty names the EventBridge rule it manages for a protected bucket itself, with this prefix; its ' +
        'docs grant the role the prefix, and rule changes only where events:ManagedBy is GuardDuty.',
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::<${uploadsId}.Arn>/${SCANNED_PREFIX}*]`,
      'GuardDuty reads each new upload to scan it; uploads are named by their id under the one prefix the ' +
        'plan protects, so the objects cannot be listed one by one in advance.',
    );
    return role;
  }
}
