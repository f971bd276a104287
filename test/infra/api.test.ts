import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import type { HouseFunction } from '../../infra/house-function';
import { ACCESS_LOG_FIELDS, THROTTLE } from '../../infra/http-api';
import { ALL_GROUPS } from '../../shared/api/caller';
import { isPublic, ROUTE_LIST, ROUTES, takesCursor } from '../../shared/entry-points/routes';
import { logicalIdOf, resourcesOf, type SynthesizedApp, synthesize } from './synth';

let synthesized: SynthesizedApp;
let routesByKey: Map<string, { properties: Record<string, unknown>; functionLogicalId: string }>;

beforeAll(() => {
  synthesized = synthesize();
  const { edge } = synthesized.templates;
  const integrations = resourcesOf(edge, 'AWS::ApiGatewayV2::Integration');
  routesByKey = new Map(
    Object.values(resourcesOf(edge, 'AWS::ApiGatewayV2::Route')).map((route) => {
      const target = route.Properties.Target['Fn::Join'][1][1].Ref as string;
      const functionLogicalId = integrations[target]?.Properties.IntegrationUri['Fn::GetAtt'][0] as string;
      return [route.Properties.RouteKey as string, { properties: route.Properties, functionLogicalId }];
    }),
  );
});

describe('the HTTP API', () => {
  test('has exactly one route per entry of the route table', () => {
    // Prepare
    const expected = ROUTE_LIST.map((route) => `${route.method} ${route.path}`);

    // Act
    const deployed = [...routesByKey.keys()];

    // Assess
    expect(deployed.sort()).toEqual([...expected].sort());
  });

  test.each(ROUTE_LIST.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s calls its own handler module, behind the JWT authorizer unless it is public',
    (routeKey, route) => {
      // Prepare
      const fn = synthesized.edge.api.functions[route.name];
      const [authorizerId] = Object.keys(
        resourcesOf(synthesized.templates.edge, 'AWS::ApiGatewayV2::Authorizer'),
      );

      // Act
      const deployed = routesByKey.get(routeKey);

      // Assess
      expect(fn?.entry).toBe(route.handler);
      expect(deployed?.functionLogicalId).toBe(logicalIdOf(fn as HouseFunction));
      if (!isPublic(route)) {
        expect(deployed?.properties.AuthorizationType).toBe('JWT');
        expect(deployed?.properties.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect(deployed?.properties.AuthorizationType).toBe('NONE');
        expect(deployed?.properties.AuthorizerId).toBeUndefined();
      }
    },
  );

  test('only health, the OpenAPI document, the catalogue and the verification of a licence are public', () => {
    // Prepare / Act
    const publicRoutes = [...routesByKey].filter(
      ([, route]) => route.properties.AuthorizationType === 'NONE',
    );

    // Assess
    expect(publicRoutes.map(([key]) => key).sort()).toEqual([
      'GET /api/catalogue',
      'GET /api/catalogue/bundles/{id}/checklist',
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/verify/{uscc}',
    ]);
  });

  test("the JWT authorizer trusts the user pool's issuer and the SPA client as audience", () => {
    // Prepare
    const { edge } = synthesized.templates;
    const userPool = logicalIdOf(synthesized.edge.auth.userPool);
    const client = logicalIdOf(synthesized.edge.auth.client);

    // Act / Assess
    edge.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    edge.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: client }],
        Issuer: {
          'Fn::Join': [
            '',
            ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: userPool }],
          ],
        },
      },
    });
  });

  test('the $default stage throttles every route and writes JSON access logs to its log group', () => {
    // Prepare
    const { edge } = synthesized.templates;
    const logGroup = logicalIdOf(synthesized.edge.api.accessLogs);

    // Act
    const [stage] = Object.values(resourcesOf(edge, 'AWS::ApiGatewayV2::Stage'));
    const format = JSON.parse(stage?.Properties.AccessLogSettings.Format as string);

    // Assess
    expect(stage?.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: THROTTLE.rateLimit,
        ThrottlingBurstLimit: THROTTLE.burstLimit,
      },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [logGroup, 'Arn'] } },
    });
    expect(format).toEqual(ACCESS_LOG_FIELDS);
    // A route declaring its own limit gets it on the stage, after the route exists.
    const { throttle } = ROUTES.verifyCompany;
    if (!throttle) throw new Error('VerifyCompany declares no throttle');
    expect(throttle.rateLimit).toBeLessThan(THROTTLE.rateLimit);
    expect(stage?.Properties.RouteSettings).toEqual({
      'GET /api/verify/{uscc}': {
        ThrottlingRateLimit: throttle.rateLimit,
        ThrottlingBurstLimit: throttle.burstLimit,
      },
    });
    const [stageId] = Object.keys(resourcesOf(edge, 'AWS::ApiGatewayV2::Stage'));
    const dependsOn = (edge.toJSON().Resources[stageId as string].DependsOn ?? []) as string[];
    expect(dependsOn.some((id) => id.includes('verifyuscc'))).toBe(true);
    expect(format.requestId).toBe('$context.requestId');
    edge.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });

  test.each(ROUTE_LIST.map((route) => [route.name, route.access] as const))(
    '%s gets TABLE_NAME and STATE_MACHINE_ARN only when it uses them',
    (name, access) => {
      // Prepare
      const fn = synthesized.edge.api.functions[name];
      const functions = resourcesOf(synthesized.templates.edge, 'AWS::Lambda::Function');

      // Act
      const variables = functions[logicalIdOf(fn as HouseFunction)]?.Properties.Environment.Variables;

      // Assess
      expect(variables.POWERTOOLS_SERVICE_NAME).toBe('company-opening');
      expect(variables.POWERTOOLS_METRICS_NAMESPACE).toBe('CompanyOpening');
      expect(variables.TABLE_NAME !== undefined).toBe(access.table !== undefined);
      expect(variables.STATE_MACHINE_ARN !== undefined).toBe(access.stateMachine !== undefined);
      if (access.stateMachine) {
        // The live alias's ARN: the machine's, qualified by the alias name. Cases start through it.
        expect(variables.STATE_MACHINE_ARN).toEqual({
          'Fn::Join': [
            '',
            [
              {
                'Fn::ImportValue': expect.stringMatching(
                  /^CompanyOpeningWorkflow:ExportsOutputRefCompanyOpening/,
                ),
              },
              ':live',
            ],
          ],
        });
      }
    },
  );

  test.each(ROUTE_LIST.map((route) => [route.name, route] as const))(
    '%s gets the cursor secret, as a deploy-time reference to the generated secret, only when it pages',
    (name, route) => {
      // Prepare
      const fn = synthesized.edge.api.functions[name];
      const { edge } = synthesized.templates;
      const secretId = logicalIdOf(synthesized.edge.api.cursorSecret.secret);

      // Act
      const variables = resourcesOf(edge, 'AWS::Lambda::Function')[logicalIdOf(fn as HouseFunction)]
        ?.Properties.Environment.Variables;

      // Assess
      expect(variables.CURSOR_SECRET !== undefined).toBe(takesCursor(route));
      if (takesCursor(route)) {
        expect(variables.CURSOR_SECRET).toEqual({
          'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']],
        });
      }
    },
  );

  test.each(ROUTE_LIST.map((route) => [route.name] as const))(
    '%s gets the origin secret CloudFront sends on every /api/* request, as the same deploy-time reference',
    (name) => {
      // Prepare
      const { edge } = synthesized.templates;
      const reference = {
        'Fn::Join': [
          '',
          [
            '{{resolve:secretsmanager:',
            { Ref: logicalIdOf(synthesized.edge.api.originSecret.secret) },
            ':SecretString:::}}',
          ],
        ],
      };
      const [distribution] = Object.values(resourcesOf(edge, 'AWS::CloudFront::Distribution'));
      const apiOrigin = distribution?.Properties.DistributionConfig.Origins.find(
        (origin: { CustomOriginConfig?: unknown }) => origin.CustomOriginConfig !== undefined,
      );

      // Act
      const fn = synthesized.edge.api.functions[name] as HouseFunction;
      const variables = resourcesOf(edge, 'AWS::Lambda::Function')[logicalIdOf(fn)]?.Properties.Environment
        .Variables;

      // Assess
      expect(variables.ORIGIN_SECRET).toEqual(reference);
      expect(apiOrigin.OriginCustomHeaders).toEqual([
        { HeaderName: 'x-origin-verify', HeaderValue: reference },
      ]);
    },
  );

  test('the secrets are generated by Secrets Manager, never written into the template', () => {
    synthesized.templates.edge.resourceCountIs('AWS::SecretsManager::Secret', 2);
    synthesized.templates.edge.allResourcesProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false },
    });
    expect(ROUTE_LIST.filter(takesCursor).map((route) => route.name)).toEqual([
      'ListApplications',
      'ListDepartmentTasks',
    ]);
  });
});

describe('Cognito', () => {
  test('has exactly the groups of docs/architecture.md', () => {
    // Prepare
    const { edge } = synthesized.templates;

    // Act
    const groups = Object.values(resourcesOf(edge, 'AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );

    // Assess
    expect(groups.sort()).toEqual(
      [
        'agents',
        'applicants',
        'officers-market-regulation',
        'officers-public-security',
        'officers-tax',
        'officers-fire-and-rescue',
        'officers-health-commission',
        'officers-human-resources-social-security',
        'officers-housing-fund-centre',
        'officers-bank',
        'ops',
      ].sort(),
    );
    expect(groups.sort()).toEqual([...ALL_GROUPS].sort());
  });

  test('the user pool: admin-created accounts, strong passwords, TOTP MFA required, threat protection on', () => {
    // Prepare / Act / Assess
    synthesized.templates.edge.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        DeletionProtection: 'ACTIVE',
      }),
    });
  });

  test('the SPA client: public, authorization code flow through the hosted UI, back to the CloudFront site', () => {
    // Prepare
    const distribution = logicalIdOf(synthesized.edge.web.distribution);
    const site = (path: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, path]],
    });

    // Act / Assess
    synthesized.templates.edge.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [site('/sign-in')],
      LogoutURLs: [site('/')],
      PreventUserExistenceErrors: 'ENABLED',
    });
    synthesized.templates.edge.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });
});
