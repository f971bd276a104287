import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { beforeAll, describe, expect, test } from 'vitest';
import { SPA_ROUTES_FUNCTION } from '../../infra/web';
import { contentSecurityPolicy } from '../../shared/content-security-policy';
import { type Json, logicalIdOf, type Resource, resourcesOf, type SynthesizedApp, synthesize } from './synth';

let synthesized: SynthesizedApp;
let distribution: Record<string, Json>;

const BLOCK_ALL = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};

beforeAll(() => {
  synthesized = synthesize();
  const [resource] = Object.values(resourcesOf(synthesized.templates.edge, 'AWS::CloudFront::Distribution'));
  distribution = resource?.Properties.DistributionConfig;
});

function bucketPolicyOf(bucketLogicalId: string): { Statement: Record<string, Json>[] } {
  const policies = Object.values(resourcesOf(synthesized.templates.edge, 'AWS::S3::BucketPolicy'));
  const policy = policies.find((candidate: Resource) => candidate.Properties.Bucket.Ref === bucketLogicalId);
  return policy?.Properties.PolicyDocument;
}

const denyWithoutTls = (bucket: string) => ({
  Effect: 'Deny',
  Action: 's3:*',
  Principal: { AWS: '*' },
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  Resource: [
    { 'Fn::GetAtt': [bucket, 'Arn'] },
    { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/*']] },
  ],
});

describe('the site bucket', () => {
  test('is private, encrypted, TLS-only, and logs access to the log bucket', () => {
    // Prepare
    const site = logicalIdOf(synthesized.edge.web.bucket);
    const logs = logicalIdOf(synthesized.edge.web.logBucket);

    // Act
    const bucket = resourcesOf(synthesized.templates.edge, 'AWS::S3::Bucket')[site];

    // Assess
    expect(bucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: BLOCK_ALL,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: logs }, LogFilePrefix: 'site-bucket/' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(bucket?.Properties.WebsiteConfiguration).toBeUndefined();
    expect(bucketPolicyOf(site).Statement).toContainEqual(denyWithoutTls(site));
  });

  test('only this distribution may read it (origin access control), nobody may list or write', () => {
    // Prepare
    const site = logicalIdOf(synthesized.edge.web.bucket);
    const distributionId = logicalIdOf(synthesized.edge.web.distribution);

    // Act
    const allows = bucketPolicyOf(site).Statement.filter((statement) => statement.Effect === 'Allow');

    // Assess
    expect(allows).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [site, 'Arn'] }, '/*']] },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  { Ref: distributionId },
                ],
              ],
            },
          },
        },
      },
    ]);
    synthesized.templates.edge.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  test('the log bucket is private, encrypted and TLS-only too', () => {
    // Prepare
    const logs = logicalIdOf(synthesized.edge.web.logBucket);

    // Act
    const bucket = resourcesOf(synthesized.templates.edge, 'AWS::S3::Bucket')[logs];

    // Assess
    expect(bucket?.Properties.PublicAccessBlockConfiguration).toEqual(BLOCK_ALL);
    expect(bucket?.Properties.BucketEncryption).toBeDefined();
    expect(bucketPolicyOf(logs).Statement).toContainEqual(denyWithoutTls(logs));
  });
});

describe('the CloudFront distribution', () => {
  test('serves the SPA over HTTPS with security headers, index.html at the root, logging on', () => {
    // Prepare
    const logs = logicalIdOf(synthesized.edge.web.logBucket);

    // Act
    const behavior = distribution.DefaultCacheBehavior;

    // Assess
    expect(distribution.DefaultRootObject).toBe('index.html');
    expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: logicalIdOf(synthesized.edge.web.spaHeaders) });
    expect(behavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(distribution.Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logs, 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
    const s3Origin = distribution.Origins.find(
      (origin: Record<string, Json>) => origin.Id === behavior.TargetOriginId,
    );
    expect(s3Origin.OriginAccessControlId).toBeDefined();
  });

  test('routes /api/* to the HTTP API: HTTPS only, every method, no caching, all viewer headers but Host', () => {
    // Prepare
    const apiId = logicalIdOf(synthesized.edge.api.api);

    // Act
    const behaviors = distribution.CacheBehaviors as Record<string, Json>[];
    const api = behaviors.find((behavior) => behavior.PathPattern === '/api/*');
    const origin = distribution.Origins.find(
      (candidate: Record<string, Json>) => candidate.Id === api?.TargetOriginId,
    );

    // Assess
    expect(behaviors).toHaveLength(1);
    expect(api).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId:
        cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ResponseHeadersPolicyId: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS.responseHeadersPolicyId,
    });
    expect(origin).toEqual({
      Id: api?.TargetOriginId,
      DomainName: {
        'Fn::Join': [
          '',
          [{ Ref: apiId }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }],
        ],
      },
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
      // The origin secret the API checks (its value: test/infra/api.test.ts).
      OriginCustomHeaders: [{ HeaderName: 'x-origin-verify', HeaderValue: expect.any(Object) }],
    });
  });

  test("the SPA's headers: the managed security headers, framing denied, and the app's CSP", () => {
    // Prepare
    const policyId = logicalIdOf(synthesized.edge.web.spaHeaders);

    // Act
    const headers = resourcesOf(synthesized.templates.edge, 'AWS::CloudFront::ResponseHeadersPolicy')[
      policyId
    ]?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;

    // Assess: what CloudFront's managed SecurityHeadersPolicy sends, each one overriding the origin…
    expect(headers).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, Override: true },
      XSSProtection: { Protection: true, ModeBlock: true, Override: true },
      ContentSecurityPolicy: { Override: true },
    });
    // …and the CSP, the one the local server sends, with Cognito's token endpoint and the buckets that
    // take uploads and serve presigned downloads as the only other origins.
    const { edge } = synthesized;
    const token = (value: unknown) => `{${JSON.stringify(value)}}`;
    const text = (value: any): string =>
      value['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : token(part))).join('');
    const hostedUi = logicalIdOf(synthesized.edge.auth.domain);
    const storage = synthesized.data.storage.exported.buckets;
    const expected = contentSecurityPolicy({
      tokenEndpoint: `https://${token({ Ref: hostedUi })}.auth.${token({ Ref: 'AWS::Region' })}.amazoncognito.com/oauth2/token`,
      storageOrigins: [storage.uploads, storage.documents].map(
        (bucket) => `https://${token(edge.resolve(bucket.bucketRegionalDomainName))}`,
      ),
    });
    expect(text(headers.ContentSecurityPolicy.ContentSecurityPolicy)).toBe(expected);
    expect(expected).not.toContain(token(edge.resolve(storage.quarantine.bucketRegionalDomainName)));
  });

  test('the CSP allows nothing inline and no origin but its own, framing by no one', () => {
    // Prepare / Act
    const directives = contentSecurityPolicy({ tokenEndpoint: 'https://idp.example/oauth2/token' }).split(
      '; ',
    );

    // Assess
    expect(directives).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' blob:",
      "connect-src 'self' https://idp.example/oauth2/token",
      'frame-src blob:',
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]);
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    expect(contentSecurityPolicy({ storageOrigins: ['https://b.s3.example'] })).toContain(
      "connect-src 'self' https://b.s3.example;",
    );
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-/);
  });

  test("client-side routes are rewritten on the SPA behaviour only, so the API's 403/404 reach the caller", () => {
    // Prepare
    const functionId = logicalIdOf(synthesized.edge.node.findChild('Web').node.findChild('SpaRoutes'));
    const api = (distribution.CacheBehaviors as Record<string, Json>[])[0];

    // Act
    const associations = distribution.DefaultCacheBehavior.FunctionAssociations;

    // Assess
    expect(associations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
    ]);
    expect(api?.FunctionAssociations).toBeUndefined();
    // Distribution-wide error responses would turn every API 403/404 into a 200 index.html.
    expect(distribution.CustomErrorResponses).toBeUndefined();
    synthesized.templates.edge.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: SPA_ROUTES_FUNCTION,
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
    });
  });

  test.each([
    ['/', '/index.html'],
    ['/sign-in', '/index.html'],
    ['/cases/co-123', '/index.html'],
    ['/ops/', '/index.html'],
    ['/index.html', '/index.html'],
    ['/config.json', '/config.json'],
    ['/assets/main-3f2a.js', '/assets/main-3f2a.js'],
  ])('the SPA route function serves %s as %s', (uri, expected) => {
    // Prepare
    const handler = new Function(`${SPA_ROUTES_FUNCTION}; return handler;`)() as (event: unknown) => {
      uri: string;
    };

    // Act
    const request = handler({ request: { uri, querystring: {} } });

    // Assess
    expect(request.uri).toBe(expected);
  });

  test('without a built SPA at synth time, nothing is uploaded', () => {
    // Prepare / Act / Assess
    expect(synthesized.edge.web.deploysSpa).toBe(false);
    synthesized.templates.edge.resourceCountIs('Custom::CDKBucketDeployment', 0);
  });
});
