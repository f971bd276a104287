import { beforeAll, describe, expect, test } from 'vitest';
import { WAF_RATE_LIMIT_PER_5_MINUTES } from '../../infra/waf';
import { VERIFY_PATH_PREFIX, VERIFY_RATE_LIMIT_PER_5_MINUTES } from '../../shared/config';
import { ROUTES } from '../../shared/entry-points/routes';
import { type Json, resourcesOf, type SynthesizedApp, synthesize } from './synth';

let synthesized: SynthesizedApp;

beforeAll(() => {
  synthesized = synthesize();
});

describe('the CloudFront web ACL', () => {
  test('lives in us-east-1, the only region CloudFront takes a web ACL from, whatever region the rest uses', () => {
    expect(synthesized.waf.region).toBe('us-east-1');
    expect(synthesized.edge.region).not.toBe('us-east-1');
  });

  test('blocks one IP past its rate with 429, Retry-After and the bilingual error shape', () => {
    // Act
    const [acl] = Object.values(resourcesOf(synthesized.templates.waf, 'AWS::WAFv2::WebACL'));
    const { Rules, Scope, DefaultAction, CustomResponseBodies } = (acl?.Properties ?? {}) as Record<
      string,
      any
    >;

    // Assess
    expect(Scope).toBe('CLOUDFRONT');
    expect(DefaultAction).toEqual({ Allow: {} });
    expect(Rules).toHaveLength(2);
    expect(Rules[0].Name).toBe('RequestsPerIp');
    expect(Rules[0].Statement).toEqual({
      RateBasedStatement: {
        Limit: WAF_RATE_LIMIT_PER_5_MINUTES,
        EvaluationWindowSec: 300,
        AggregateKeyType: 'IP',
      },
    });
    expect(Rules[0].Action.Block.CustomResponse).toEqual({
      ResponseCode: 429,
      CustomResponseBodyKey: 'RateLimited',
      ResponseHeaders: [{ Name: 'retry-after', Value: '300' }],
    });
    const body = JSON.parse(CustomResponseBodies.RateLimited.Content);
    expect(body.error).toMatchObject({ code: 'TooManyRequests', fields: [] });
    expect(body.error.message_zh).toMatch(/请/);
  });

  test('counts the public verification route on its own, per IP, at a lower limit, answered the same way', () => {
    // Act
    const [acl] = Object.values(resourcesOf(synthesized.templates.waf, 'AWS::WAFv2::WebACL'));
    const rules = (acl?.Properties.Rules ?? []) as Json[];
    const rule = rules.find((each) => each.Name === 'VerificationsPerIp');

    // Assess
    expect(VERIFY_RATE_LIMIT_PER_5_MINUTES).toBeLessThan(WAF_RATE_LIMIT_PER_5_MINUTES);
    expect(ROUTES.verifyCompany.path.startsWith(VERIFY_PATH_PREFIX)).toBe(true);
    expect(rule.Statement).toEqual({
      RateBasedStatement: {
        Limit: VERIFY_RATE_LIMIT_PER_5_MINUTES,
        EvaluationWindowSec: 300,
        AggregateKeyType: 'IP',
        ScopeDownStatement: {
          ByteMatchStatement: {
            FieldToMatch: { UriPath: {} },
            PositionalConstraint: 'STARTS_WITH',
            SearchString: '/api/verify/',
            TextTransformations: [{ Priority: 0, Type: 'URL_DECODE' }],
          },
        },
      },
    });
    expect(rule.Action.Block.CustomResponse).toEqual({
      ResponseCode: 429,
      CustomResponseBodyKey: 'RateLimited',
      ResponseHeaders: [{ Name: 'retry-after', Value: '300' }],
    });
  });

  test('hands its ARN out as an output, for the edge stack in its own region', () => {
    const [aclId] = Object.keys(resourcesOf(synthesized.templates.waf, 'AWS::WAFv2::WebACL'));

    synthesized.templates.waf.hasOutput('WebAclArn', { Value: { 'Fn::GetAtt': [aclId, 'Arn'] } });
  });
});

describe('the distribution', () => {
  const ARN = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/company-opening-cloudfront/0000';
  const webAclOf = (app: SynthesizedApp) =>
    Object.values(resourcesOf(app.templates.edge, 'AWS::CloudFront::Distribution'))[0]?.Properties
      .DistributionConfig.WebACLId;

  test('uses the web ACL given as webAclArn', () => {
    expect(webAclOf(synthesize({ webAclArn: ARN }))).toBe(ARN);
  });

  test('has none until it is given, which cdk-nag is told why (the nag test runs that synth)', () => {
    expect(webAclOf(synthesized)).toBeUndefined();
  });
});
