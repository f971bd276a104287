import { existsSync } from 'node:fs';
import { Duration, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IConstruct } from 'constructs';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { acknowledge } from './nag';

export interface WebProps {
  /** The HTTP API's own domain name: CloudFront sends `/api/*` there. */
  apiDomainName: string;
  /** The built SPA (`vite build web`); deployed only when the folder exists at synth time. */
  distPath: string;
  /** The WAF web ACL in front of the distribution (infra/waf.ts), once it is deployed. */
  webAclArn?: string;
  /** Headers CloudFront adds to every `/api/*` request: the origin secret (functions/api/origin-check.ts). */
  apiOriginHeaders: Record<string, string>;
}

/**
 * Serves the SPA from a private bucket through CloudFront (origin access control), and `/api/*` from
 * the HTTP API, so the browser sees one origin and needs no CORS.
 *
 * Client-side routes (`/cases/…`, `/sign-in?code=…`) are rewritten to `/index.html` by a viewer-request
 * function on the SPA behaviour only. Distribution-wide custom error responses (403/404 → /index.html)
 * would also rewrite the API's own 403 and 404 answers into a 200 HTML page.
 */
export class Web extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** The SPA's headers: CloudFront's managed security headers, stricter framing, and the app's CSP. */
  readonly spaHeaders: cloudfront.ResponseHeadersPolicy;
  /** Whether `distPath` existed at synth time, so the SPA and its config.json are deployed. */
  readonly deploysSpa: boolean;
  private readonly distPath: string;
  private tokenEndpoint: string | undefined;
  private storageOrigins: readonly string[] = [];

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    this.logBucket = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs and S3 server access logs are both delivered through ACLs here.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const spaRoutes = new cloudfront.Function(this, 'SpaRoutes', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Client-side routes (no file extension) load /index.html',
      code: cloudfront.FunctionCode.fromInline(SPA_ROUTES_FUNCTION),
    });

    // The API's answers keep the managed policy: they are JSON with nosniff, never run as a document, so
    // a CSP would govern nothing there. The SPA's documents get the app's policy.
    const securityHeaders = cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS;
    this.spaHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SpaHeaders', {
      comment: 'The SPA: security headers and its Content-Security-Policy',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          // Known once the stack has a user pool and the buckets (allowTokenEndpoint, allowStorageOrigins).
          contentSecurityPolicy: Lazy.string({
            produce: () =>
              contentSecurityPolicy({
                tokenEndpoint: this.tokenEndpoint,
                storageOrigins: this.storageOrigins,
              }),
          }),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Company opening one-stop platform',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.spaHeaders,
        compress: true,
        functionAssociations: [
          { function: spaRoutes, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            customHeaders: props.apiOriginHeaders,
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Every viewer header (Authorization, Idempotency-Key, On-Behalf-Of) but Host, which API
          // Gateway needs to be its own domain.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Founders, agents and officers may reach the service from anywhere; access is decided by Cognito, not geography.',
    );
    if (!props.webAclArn) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR2',
        'The web ACL lives in us-east-1 (CompanyOpeningWaf): deploy that stack first, then this one with ' +
          '-c webAclArn=<its WebAclArn output> (docs/deploy.md); until then API Gateway throttling, the ' +
          'per-caller limits and Cognito threat protection are the controls in place.',
      );
    }
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'The distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the viewer ' +
        'policy at TLSv1; with a custom domain and an ACM certificate set minimumProtocolVersion TLSv1.2_2021.',
    );

    this.distPath = props.distPath;
    this.deploysSpa = existsSync(props.distPath);
  }

  /** The identity provider's token endpoint the SPA fetches when it signs in: the one other origin its CSP allows. */
  allowTokenEndpoint(url: string): void {
    this.tokenEndpoint = url;
  }

  /** The buckets' origins the SPA posts files to and fetches them from (presigned URLs). */
  allowStorageOrigins(origins: readonly string[]): void {
    this.storageOrigins = origins;
  }

  /**
   * Uploads the built SPA and a `config.json` telling it how to sign in (see web/src/config.ts), then
   * invalidates CloudFront. Only when the SPA was built: a CI synth without `web/dist` deploys no site.
   */
  deploySpa(config: unknown): void {
    if (!this.deploysSpa) return;
    const site = new s3deploy.BucketDeployment(this, 'DeploySite', {
      sources: [s3deploy.Source.asset(this.distPath, { exclude: ['config.json'] })],
      destinationBucket: this.bucket,
      // config.json comes from the deployment below and must survive this one's pruning.
      exclude: ['config.json'],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    const runtimeConfig = new s3deploy.BucketDeployment(this, 'DeployConfig', {
      sources: [s3deploy.Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/config.json'],
    });
    runtimeConfig.node.addDependency(site);
    acknowledgeBucketDeploymentProvider(Stack.of(this), this.bucket);
  }
}

/**
 * CloudFront Functions JS 2.0. A path whose last segment has no dot is a client-side route.
 * Exported for the tests.
 */
export const SPA_ROUTES_FUNCTION = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/** BucketDeployment runs CDK's own provider function (not a house function): its findings, explained. */
function acknowledgeBucketDeploymentProvider(stack: Stack, site: s3.Bucket): void {
  const siteLogicalId = stack.resolve((site.node.defaultChild as s3.CfnBucket).logicalId) as string;
  const providers = stack.node.children.filter((child: IConstruct) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  for (const provider of providers) acknowledgeProvider(provider, siteLogicalId);
}

function acknowledgeProvider(provider: IConstruct, siteLogicalId: string): void {
  acknowledge(
    provider,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    "CDK's BucketDeployment provider (a deploy-time custom resource, not an application function) " +
      'logs with the basic execution role; CDK offers no way to replace it.',
  );
  acknowledge(
    provider,
    'AwsSolutions-L1',
    "The runtime of CDK's BucketDeployment provider is chosen by aws-cdk-lib (it runs the AWS CLI layer); " +
      'it runs only during deployments and is upgraded with aws-cdk-lib.',
  );
  const s3Grant =
    "CDK's BucketDeployment grant, limited to two buckets: read the SPA's zip from the CDK asset bucket and " +
    'write it into the site bucket; the s3 action families (GetObject*, List*, DeleteObject*, Abort*) and ' +
    'the objects under each bucket are how aws-cdk-lib writes it, and cannot be narrowed from here.';
  for (const id of [
    'AwsSolutions-IAM5[Action::s3:GetObject*]',
    'AwsSolutions-IAM5[Action::s3:GetBucket*]',
    'AwsSolutions-IAM5[Action::s3:List*]',
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
    'AwsSolutions-IAM5[Action::s3:Abort*]',
    'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
    `AwsSolutions-IAM5[Resource::<${siteLogicalId}.Arn>/*]`,
  ]) {
    acknowledge(provider, id, s3Grant);
  }
  acknowledge(
    provider,
    'AwsSolutions-IAM5[Resource::*]',
    'CDK\'s BucketDeployment grants cloudfront:CreateInvalidation and GetInvalidation on Resource "*" to ' +
      'invalidate the distribution after an upload; the only actions on "*" in that policy.',
  );
}
