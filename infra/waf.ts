import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { VERIFY_PATH_PREFIX, VERIFY_RATE_LIMIT_PER_5_MINUTES } from '../shared/config';
import { tooManyFromNetwork, WAF_RETRY_AFTER_SECONDS } from '../shared/errors';

/** CloudFront takes web ACLs from this region only, wherever the rest of the platform runs. */
export const CLOUDFRONT_WAF_REGION = 'us-east-1';
/** Requests one client IP may send in any 5 minutes before CloudFront blocks it for a while. */
export const WAF_RATE_LIMIT_PER_5_MINUTES = 1000;

const BLOCKED_BODY = 'RateLimited';
/** What a rate-based rule answers once an IP is past its limit: 429, the bilingual body, Retry-After. */
const TOO_MANY_REQUESTS: wafv2.CfnWebACL.RuleActionProperty = {
  block: {
    customResponse: {
      responseCode: 429,
      customResponseBodyKey: BLOCKED_BODY,
      responseHeaders: [{ name: 'retry-after', value: String(WAF_RETRY_AFTER_SECONDS) }],
    },
  },
};

/**
 * The web ACL in front of the CloudFront site: rate-based rules per client IP, answered with the
 * API's own error shape, both languages, and Retry-After: one on every request, and a lower one on the
 * public verification route, which needs no sign-in. API Gateway throttles per route for everyone;
 * these stop one address from using up that budget.
 *
 * The edge stack takes its ARN as context (`-c webAclArn=…`, docs/deploy.md): the app's stacks deploy to
 * whichever region the CLI targets, and CDK passes values across regions only between stacks with a
 * fixed one, and then through a Lambda-backed custom resource outside the platform's own functions.
 */
export class WafStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { ...props.env, region: CLOUDFRONT_WAF_REGION } });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: 'company-opening-cloudfront',
      description: 'Company opening: per-IP rate limits in front of the CloudFront site and its /api',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: 'CompanyOpeningWebAcl',
        sampledRequestsEnabled: true,
      },
      customResponseBodies: {
        [BLOCKED_BODY]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify(tooManyFromNetwork().toBody()),
        },
      },
      rules: [
        {
          name: 'RequestsPerIp',
          priority: 0,
          statement: {
            rateBasedStatement: {
              limit: WAF_RATE_LIMIT_PER_5_MINUTES,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
            },
          },
          action: TOO_MANY_REQUESTS,
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: 'CompanyOpeningRequestsPerIp',
            sampledRequestsEnabled: true,
          },
        },
        {
          name: 'VerificationsPerIp',
          priority: 1,
          statement: {
            rateBasedStatement: {
              limit: VERIFY_RATE_LIMIT_PER_5_MINUTES,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              // Counts only requests for that path, URL-decoded first as API Gateway decodes it.
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: VERIFY_PATH_PREFIX,
                  textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
                },
              },
            },
          },
          action: TOO_MANY_REQUESTS,
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: 'CompanyOpeningVerificationsPerIp',
            sampledRequestsEnabled: true,
          },
        },
      ],
    });
    new CfnOutput(this, 'WebAclArn', {
      value: this.webAcl.attrArn,
      description: 'Pass to the edge stack: npx cdk deploy --all -c webAclArn=<this>',
    });
  }
}
