import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ENVIRONMENT } from '../shared/config';
import { isPublic, ROUTE_LIST, takesCursor } from '../shared/entry-points/routes';
import { aliasArnOf } from '../workflows/live-alias';
import { GeneratedSecret } from './generated-secret';
import { type AccessResources, accessEnvironment, grantAccess, type StorageResources } from './grant-access';
import { HouseFunction } from './house-function';
import { acknowledge } from './nag';

/** Steady requests per second, and the burst above it, each route takes before answering 429. */
export const THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/** One JSON object per request; `sub` is the caller's pseudonymous Cognito id, never a name or number. */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
};

export interface RouteTableProps {
  table: dynamodb.ITableV2;
  stateMachine: sfn.IStateMachine;
  userPool: cognito.IUserPool;
  client: cognito.IUserPoolClient;
  storage: StorageResources;
}

/**
 * The HTTP API of docs/architecture.md: one route and one function per declared route
 * (shared/entry-points/routes.ts), the Cognito JWT authorizer on every signed-in route, throttling and
 * JSON access logs on the stage.
 */
export class HttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly functions: Record<string, HouseFunction> = {};
  readonly accessLogs: logs.LogGroup;
  /** What CloudFront sends in ORIGIN_HEADER and every API function expects there. */
  readonly originSecret: GeneratedSecret;
  /** Signs the list cursors; set on the routes that page. */
  readonly cursorSecret: GeneratedSecret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.api = new apigwv2.HttpApi(this, 'Api', {
      apiName: 'company-opening',
      description: 'Company opening one-stop platform (docs/architecture.md)',
      createDefaultStage: false,
    });
    this.originSecret = new GeneratedSecret(this, 'OriginSecret', {
      description: 'CloudFront sends it to the API in x-origin-verify; the API answers nothing else',
    });
    this.cursorSecret = new GeneratedSecret(this, 'CursorSecret', {
      description: 'Signs the API list cursors (HMAC-SHA256)',
    });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs),
        format: apigw.AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /** Adds one function and one route per declared route, each function granted the access it declares. */
  addRouteTable(props: RouteTableProps): void {
    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, {
      userPoolClients: [props.client],
    });
    const resources: AccessResources = {
      table: props.table,
      stateMachineArn: props.stateMachine.stateMachineArn,
      storage: props.storage,
    };
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of ROUTE_LIST) {
      const { access } = route;
      const fn = new HouseFunction(this, route.name, {
        entry: route.handler,
        tableName: access.table ? props.table.tableName : undefined,
        environment: {
          [ENVIRONMENT.originSecret]: this.originSecret.value,
          ...(access.stateMachine
            ? { [ENVIRONMENT.stateMachineArn]: aliasArnOf(props.stateMachine.stateMachineArn) }
            : {}),
          ...(takesCursor(route) ? { [ENVIRONMENT.cursorSecret]: this.cursorSecret.value } : {}),
          ...accessEnvironment(access, resources),
        },
      });
      this.functions[route.name] = fn;
      grantAccess(fn, access, resources);

      const [routeResource] = this.api.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.name}Integration`, fn),
        authorizer: isPublic(route) ? new apigwv2.HttpNoneAuthorizer() : authorizer,
      });
      if (route.throttle && routeResource) {
        routeSettings[`${route.method} ${route.path}`] = {
          ThrottlingRateLimit: route.throttle.rateLimit,
          ThrottlingBurstLimit: route.throttle.burstLimit,
        };
        // The stage's settings name the route by its key: CloudFormation refuses one it has not made yet.
        this.stage.node.addDependency(routeResource);
      }
      if (isPublic(route) && routeResource) {
        acknowledge(
          routeResource,
          'AwsSolutions-APIG4',
          `${route.method} ${route.path} is public by design (docs/architecture.md: anyone may call it): ` +
            `${route.summary}. It answers nothing personal.`,
        );
      }
    }
    if (Object.keys(routeSettings).length > 0) {
      (this.stage.node.defaultChild as apigwv2.CfnStage).routeSettings = routeSettings;
    }
  }

  /** The API's own domain, `<id>.execute-api.<region>.amazonaws.com`: CloudFront's /api/* origin. */
  get domainName(): string {
    return `${this.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }
}
