import { beforeAll, describe, expect, test } from 'vitest';
import { DELIVERY_RETRIES, FUNCTION_RETRIES } from '../../infra/event-functions';
import { ANY_CLOUDFRONT_ORIGIN } from '../../infra/site-origin';
import { INCOMPLETE_MULTIPART_UPLOAD_DAYS, NONCURRENT_VERSION_DAYS } from '../../infra/storage';
import { ENVIRONMENT } from '../../shared/config';
import { EVENT_FUNCTIONS } from '../../shared/entry-points/event-functions';
import { deadLetterQueueName } from '../../shared/ops/alarms';
import { ABANDONED_UPLOAD_DAYS, BUCKETS, type BucketName } from '../../shared/storage/buckets';
import { type Json, logicalIdOf, type Resource, resourcesOf, type SynthesizedApp, synthesize } from './synth';

const SITE = 'https://d111111abcdef8.cloudfront.net';
const NAMES = Object.keys(BUCKETS) as BucketName[];

let synthesized: SynthesizedApp;
/** The same app deployed a second time, with the site's origin known. */
let withOrigin: SynthesizedApp;

beforeAll(() => {
  synthesized = synthesize();
  withOrigin = synthesize({ siteOrigin: SITE });
});

function bucket(app: SynthesizedApp, name: BucketName): Resource & { id: string } {
  const id = logicalIdOf(app.data.storage.buckets[name]);
  const resource = resourcesOf(app.templates.data, 'AWS::S3::Bucket')[id];
  if (!resource) throw new Error(`No ${name} bucket`);
  return { ...resource, id };
}

function bucketPolicy(name: BucketName): Json[] {
  const id = bucket(synthesized, name).id;
  const [policy] = Object.values(resourcesOf(synthesized.templates.data, 'AWS::S3::BucketPolicy')).filter(
    (each) => each.Properties.Bucket.Ref === id,
  );
  return policy?.Properties.PolicyDocument.Statement ?? [];
}

describe('the buckets', () => {
  test('are the three of shared/storage/buckets.ts, each named by its declared construct id (the local IAM finds them so), plus their access log bucket', () => {
    const buckets = Object.keys(resourcesOf(synthesized.templates.data, 'AWS::S3::Bucket'));

    expect(buckets).toHaveLength(NAMES.length + 1);
    for (const name of NAMES) {
      expect(bucket(synthesized, name).id).toMatch(new RegExp(`^${BUCKETS[name].constructId}[0-9A-F]{8}$`));
    }
  });

  test.each(NAMES)('%s: SSE-KMS under the rotated customer managed key, with a bucket key', (name) => {
    // Prepare
    const key = logicalIdOf(synthesized.data.storage.key);

    // Act
    const { Properties } = bucket(synthesized, name);

    // Assess
    expect(Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': [key, 'Arn'] },
          },
        },
      ],
    });
    expect(resourcesOf(synthesized.templates.data, 'AWS::KMS::Key')[key]?.Properties.EnableKeyRotation).toBe(
      true,
    );
  });

  test.each(NAMES)(
    '%s: private, versioned, owner-enforced, retained, logging to the access log bucket',
    (name) => {
      // Prepare
      const logs = logicalIdOf(synthesized.data.storage.logs);

      // Act
      const resource = bucket(synthesized, name);

      // Assess
      expect(resource.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { DestinationBucketName: { Ref: logs }, LogFilePrefix: `${name}/` },
      });
      expect(resource.DeletionPolicy).toBe('Retain');
      expect(resource.UpdateReplacePolicy).toBe('Retain');
    },
  );

  test.each(NAMES)('%s: its policy denies every request without TLS', (name) => {
    // Act
    const denials = bucketPolicy(name).filter((statement) => statement.Effect === 'Deny');

    // Assess
    expect(denials).toEqual([
      expect.objectContaining({
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        Principal: { AWS: '*' },
      }),
    ]);
  });

  test('the access log bucket is S3-managed encrypted (log delivery cannot write SSE-KMS), private, TLS only, kept a year', () => {
    // Prepare
    const id = logicalIdOf(synthesized.data.storage.logs);

    // Act
    const logs = resourcesOf(synthesized.templates.data, 'AWS::S3::Bucket')[id];

    // Assess
    expect(logs?.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(logs?.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicAcls: true });
    expect(logs?.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: 365, Status: 'Enabled' }),
    ]);
    expect(logs?.DeletionPolicy).toBe('Retain');
  });

  test('an upload nobody filed goes from incoming/ after a day, its versions with it; the rest keeps old versions a while', () => {
    // Act
    const rules = bucket(synthesized, 'uploads').Properties.LifecycleConfiguration.Rules as Json[];

    // Assess
    expect(ABANDONED_UPLOAD_DAYS).toBe(1);
    expect(rules).toEqual([
      {
        Id: 'Expire-incoming',
        Prefix: 'incoming/',
        ExpirationInDays: 1,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        Status: 'Enabled',
      },
      {
        Id: 'NoncurrentVersionsAndIncompleteUploads',
        NoncurrentVersionExpiration: { NoncurrentDays: NONCURRENT_VERSION_DAYS },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: INCOMPLETE_MULTIPART_UPLOAD_DAYS },
        ExpiredObjectDeleteMarker: true,
        Status: 'Enabled',
      },
    ]);
  });

  test('the documents and the quarantine expire nothing current: only old versions and unfinished uploads', () => {
    for (const name of ['documents', 'quarantine'] as const) {
      const rules = bucket(synthesized, name).Properties.LifecycleConfiguration.Rules as Json[];

      expect(rules.map((rule) => rule.Id)).toEqual(['NoncurrentVersionsAndIncompleteUploads']);
      expect(rules[0].ExpirationInDays).toBeUndefined();
    }
  });

  test('only the uploads bucket sends its events to EventBridge, set on the resource itself (no custom-resource Lambda)', () => {
    for (const name of NAMES) {
      expect(bucket(synthesized, name).Properties.NotificationConfiguration, name).toEqual(
        name === 'uploads' ? { EventBridgeConfiguration: { EventBridgeEnabled: true } } : undefined,
      );
    }
    expect(Object.keys(resourcesOf(synthesized.templates.data, 'Custom::S3BucketNotifications'))).toEqual([]);
  });

  test("CORS: the browser may POST uploads and GET downloads from the site's origin only; the quarantine answers no browser", () => {
    const corsOf = (app: SynthesizedApp, name: BucketName) =>
      bucket(app, name).Properties.CorsConfiguration?.CorsRules as Json[] | undefined;

    expect(corsOf(withOrigin, 'uploads')).toEqual([
      { AllowedMethods: ['POST', 'GET'], AllowedOrigins: [SITE], MaxAge: 3000 },
    ]);
    expect(corsOf(withOrigin, 'documents')).toEqual([
      { AllowedMethods: ['GET'], AllowedOrigins: [SITE], MaxAge: 3000 },
    ]);
    expect(corsOf(withOrigin, 'quarantine')).toBeUndefined();
    // Before the origin is known (the first deploy), any CloudFront default domain.
    expect(corsOf(synthesized, 'uploads')?.[0].AllowedOrigins).toEqual([ANY_CLOUDFRONT_ORIGIN]);
  });

  test('a siteOrigin that is not an https origin fails the synth', () => {
    expect(() => synthesize({ siteOrigin: 'http://example.com' })).toThrow(
      /siteOrigin must be an https origin/,
    );
    expect(() => synthesize({ siteOrigin: `${SITE}/` })).toThrow(/siteOrigin/);
  });
});

describe('GuardDuty Malware Protection for S3', () => {
  test('protects the uploads bucket under incoming/ with its own service role, tagging off', () => {
    // Prepare
    const role = logicalIdOf(synthesized.data.storage.malwareScanRole);

    // Act
    const plans = Object.values(
      resourcesOf(synthesized.templates.data, 'AWS::GuardDuty::MalwareProtectionPlan'),
    );

    // Assess
    expect(plans).toHaveLength(1);
    expect(plans[0]?.Properties).toEqual({
      Role: { 'Fn::GetAtt': [role, 'Arn'] },
      ProtectedResource: {
        S3Bucket: { BucketName: { Ref: bucket(synthesized, 'uploads').id }, ObjectPrefixes: ['incoming/'] },
      },
      Actions: { Tagging: { Status: 'DISABLED' } },
    });
  });

  test('the role trusts GuardDuty only, and may read incoming/ objects, its validation object, its managed rules and the key through S3', () => {
    // Prepare
    const { templates, data } = synthesized;
    const role = logicalIdOf(data.storage.malwareScanRole);
    const uploads = bucket(synthesized, 'uploads').id;

    // Act
    const trust = resourcesOf(templates.data, 'AWS::IAM::Role')[role]?.Properties.AssumeRolePolicyDocument
      .Statement;
    const statements = Object.values(resourcesOf(templates.data, 'AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as Json[]).some((ref) => ref.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[]);
    const byAction = (action: string) =>
      statements.filter((statement) => [statement.Action].flat().includes(action));

    // Assess
    expect(trust).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'malware-protection-plan.guardduty.amazonaws.com' },
      },
    ]);
    expect(byAction('s3:GetObject')).toEqual([
      expect.objectContaining({
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [uploads, 'Arn'] }, '/incoming/*']] },
      }),
    ]);
    expect(byAction('s3:PutObject')).toEqual([
      expect.objectContaining({
        Resource: {
          'Fn::Join': [
            '',
            [{ 'Fn::GetAtt': [uploads, 'Arn'] }, '/malware-protection-resource-validation-object'],
          ],
        },
      }),
    ]);
    expect(byAction('events:PutRule')[0].Condition).toEqual({
      StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' },
    });
    expect(JSON.stringify(byAction('events:PutRule')[0].Resource)).toContain(
      'rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*',
    );
    expect(byAction('kms:Decrypt')[0]).toMatchObject({
      Resource: { 'Fn::GetAtt': [logicalIdOf(data.storage.key), 'Arn'] },
      Condition: { StringEquals: { 'kms:ViaService': expect.anything() } },
    });
    expect(statements.flatMap((statement) => [statement.Action].flat())).not.toContain('s3:PutObjectTagging');
  });

  test('the plan is created after its role policy, which GuardDuty checks as it creates it', () => {
    const [plan] = Object.values(
      synthesized.templates.data.toJSON().Resources as Record<string, { Type: string; DependsOn?: string[] }>,
    ).filter((resource) => resource.Type === 'AWS::GuardDuty::MalwareProtectionPlan');

    expect(plan?.DependsOn?.some((id) => id.startsWith('MalwareScanRoleDefaultPolicy'))).toBe(true);
  });
});

describe('the upload event functions', () => {
  test.each(Object.entries(EVENT_FUNCTIONS))(
    '%s: a rule on the default bus with the declared pattern, naming the real uploads bucket, running its function',
    (key, declared) => {
      // Prepare
      const { eventFunctions } = synthesized.data;
      const rule = logicalIdOf(eventFunctions.rules[key as keyof typeof EVENT_FUNCTIONS]);
      const fn = logicalIdOf(eventFunctions.functions[key as keyof typeof EVENT_FUNCTIONS]);

      // Act
      const { Properties } = resourcesOf(synthesized.templates.data, 'AWS::Events::Rule')[rule] as Resource;

      // Assess
      expect(Properties.EventBusName).toBeUndefined();
      expect(Properties.EventPattern).toEqual(
        declared.pattern({ uploadsBucket: { Ref: bucket(synthesized, 'uploads').id } as never }),
      );
      expect(Properties.Targets).toHaveLength(1);
      expect(Properties.Targets[0].Arn).toEqual({ 'Fn::GetAtt': [fn, 'Arn'] });
    },
  );

  test.each(Object.entries(EVENT_FUNCTIONS))(
    "%s: undeliverable events and the function's own failures after its retries go to an encrypted, TLS-only dead-letter queue",
    (key, declared) => {
      // Prepare
      const { eventFunctions } = synthesized.data;
      const k = key as keyof typeof EVENT_FUNCTIONS;
      const queue = logicalIdOf(eventFunctions.deadLetterQueues[k]);
      const rule = resourcesOf(synthesized.templates.data, 'AWS::Events::Rule')[
        logicalIdOf(eventFunctions.rules[k])
      ];
      const fnId = logicalIdOf(eventFunctions.functions[k]);

      // Act
      const target = rule?.Properties.Targets[0];
      const queueResource = resourcesOf(synthesized.templates.data, 'AWS::SQS::Queue')[queue];
      const [invokeConfig] = Object.values(
        resourcesOf(synthesized.templates.data, 'AWS::Lambda::EventInvokeConfig'),
      ).filter((config) => config.Properties.FunctionName.Ref === fnId);
      const queuePolicy = Object.values(
        resourcesOf(synthesized.templates.data, 'AWS::SQS::QueuePolicy'),
      ).find((policy) => (policy.Properties.Queues as Json[]).some((ref) => ref.Ref === queue));

      // Assess
      expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queue, 'Arn'] } });
      expect(target.RetryPolicy).toEqual({
        MaximumRetryAttempts: DELIVERY_RETRIES.retryAttempts,
        MaximumEventAgeInSeconds: DELIVERY_RETRIES.maxEventAge.toSeconds(),
      });
      expect(invokeConfig?.Properties).toMatchObject({
        MaximumRetryAttempts: FUNCTION_RETRIES,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
      });
      expect(queueResource?.Properties).toMatchObject({
        QueueName: deadLetterQueueName(declared.name),
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      const statements = queuePolicy?.Properties.PolicyDocument.Statement as Json[];
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Condition: {
            ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [logicalIdOf(eventFunctions.rules[k]), 'Arn'] } },
          },
        }),
      );
    },
  );

  test('each dead-letter queue has an alarm, by the queue name the alarm definitions know', () => {
    const alarms = Object.values(resourcesOf(synthesized.templates.ops, 'AWS::CloudWatch::Alarm'));

    for (const { name } of Object.values(EVENT_FUNCTIONS)) {
      const alarm = alarms.find((each) => each.Properties.AlarmName === `CompanyOpening-${name}DeadLetters`);
      expect(alarm?.Properties, name).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: deadLetterQueueName(name) }],
        Threshold: 1,
      });
    }
  });

  test('each gets the names of the buckets its access names, and the table', () => {
    const fns = resourcesOf(synthesized.templates.data, 'AWS::Lambda::Function');
    const variablesOf = (key: keyof typeof EVENT_FUNCTIONS) =>
      fns[logicalIdOf(synthesized.data.eventFunctions.functions[key])]?.Properties.Environment.Variables;

    expect(variablesOf('checkUpload')).toMatchObject({
      [BUCKETS.uploads.environment]: { Ref: bucket(synthesized, 'uploads').id },
      [ENVIRONMENT.tableName]: expect.anything(),
    });
    expect(variablesOf('checkUpload')[BUCKETS.quarantine.environment]).toBeUndefined();
    expect(variablesOf('recordScanResult')).toMatchObject({
      [BUCKETS.uploads.environment]: { Ref: bucket(synthesized, 'uploads').id },
      [BUCKETS.quarantine.environment]: { Ref: bucket(synthesized, 'quarantine').id },
    });
  });
});

describe('the document step', () => {
  const issueDocuments = (app: SynthesizedApp) =>
    resourcesOf(app.templates.workflow, 'AWS::Lambda::Function')[
      logicalIdOf(app.workflow.functions.issueDocuments)
    ];

  test('has 1 GB and two minutes to render, the documents bucket, and the public base URL once the site origin is given', () => {
    // Act
    const before = issueDocuments(synthesized)?.Properties;
    const after = issueDocuments(withOrigin)?.Properties;

    // Assess
    expect(after).toMatchObject({ MemorySize: 1024, Timeout: 120 });
    expect(after?.Environment.Variables).toMatchObject({
      [ENVIRONMENT.publicBaseUrl]: SITE,
      [BUCKETS.documents.environment]: {
        'Fn::ImportValue': expect.stringContaining('CompanyOpeningData:ExportsOutputRefDocuments'),
      },
    });
    expect(before?.Environment.Variables[ENVIRONMENT.publicBaseUrl]).toBeUndefined();
  });

  test('no other workflow step gets a bucket, more memory or the public base URL', () => {
    const fns = resourcesOf(synthesized.templates.workflow, 'AWS::Lambda::Function');
    for (const [key, fn] of Object.entries(synthesized.workflow.functions)) {
      if (key === 'issueDocuments') continue;
      const properties = fns[logicalIdOf(fn)]?.Properties;
      expect(properties?.MemorySize, key).toBe(512);
      expect(
        Object.keys(properties?.Environment.Variables ?? {}).filter((name) => name.endsWith('_BUCKET')),
        key,
      ).toEqual([]);
    }
  });
});
