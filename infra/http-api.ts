import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ROUTES } from '../functions/api/routes';
import { ALARM_NAME_PREFIX } from '../shared/ops/alarms';
import { STATE_MACHINE_ARN_VARIABLE } from '../shared/workflow-client';
import { HouseFunction } from './house-function';
import { acknowledge } from './nag';
import { grantTable, READS_ITEMS, type TableAccess, WRITES_ITEMS } from './table-access';

/** What one route's handler calls besides its own logs: the least it needs, per route. */
export interface RouteAccess {
  table?: TableAccess;
  /** `start`: StartExecution on the machine; `resume`: SendTaskSuccess with a task token. */
  workflow?: 'start' | 'resume';
  /** cloudwatch:DescribeAlarms on this platform's alarms. */
  alarms?: boolean;
}

/**
 * Read from the handlers in functions/api and the shared code they call (shared/case/commands.ts,
 * shared/data, shared/ops/report.ts). A route missing here fails the synth.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  SubmitApplication: { table: WRITES_ITEMS, workflow: 'start' },
  ListApplications: { table: { indexes: ['byOwner', 'byAgent'] } },
  GetApplication: { table: READS_ITEMS },
  AnswerCorrections: { table: WRITES_ITEMS, workflow: 'resume' },
  ListDepartmentTasks: { table: { indexes: ['byDepartment'] } },
  GetTask: { table: READS_ITEMS },
  DecideTask: { table: WRITES_ITEMS, workflow: 'resume' },
  OpsSla: { table: { indexes: ['bySla'], closedCases: true }, alarms: true },
  Health: {},
  OpenApi: {},
};

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
}

/**
 * The HTTP API of ARCHITECTURE §5: one route and one function per entry of the route table, the
 * Cognito JWT authorizer on every authenticated route, throttling and JSON access logs on the stage.
 */
export class HttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly functions: Record<string, HouseFunction> = {};
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.api = new apigwv2.HttpApi(this, 'Api', {
      apiName: 'company-opening',
      description: 'Company opening one-stop platform (ARCHITECTURE §5)',
      createDefaultStage: false,
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

  /** Adds one function and one route per entry of ROUTES, each function granted its ROUTE_ACCESS. */
  addRouteTable(props: RouteTableProps): void {
    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, {
      userPoolClients: [props.client],
    });
    const alarmsArn = Stack.of(this).formatArn({
      service: 'cloudwatch',
      resource: 'alarm',
      resourceName: `${ALARM_NAME_PREFIX}*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    for (const route of ROUTES) {
      const access = ROUTE_ACCESS[route.name];
      if (!access) throw new Error(`No IAM access is declared for route ${route.name} in infra/http-api.ts`);
      const fn = new HouseFunction(this, route.name, {
        entry: `functions/api/${route.file}.ts`,
        tableName: access.table ? props.table.tableName : undefined,
        environment: access.workflow
          ? { [STATE_MACHINE_ARN_VARIABLE]: props.stateMachine.stateMachineArn }
          : undefined,
      });
      this.functions[route.name] = fn;
      if (access.table) grantTable(fn, props.table, access.table);
      if (access.workflow === 'start') props.stateMachine.grantStartExecution(fn);
      if (access.workflow === 'resume') {
        fn.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['states:SendTaskSuccess'],
            resources: [props.stateMachine.stateMachineArn],
          }),
        );
      }
      if (access.alarms) {
        fn.addToRolePolicy(
          new iam.PolicyStatement({ actions: ['cloudwatch:DescribeAlarms'], resources: [alarmsArn] }),
        );
        acknowledge(
          fn.role ?? fn,
          `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudwatch:<AWS::Region>:<AWS::AccountId>:alarm:${ALARM_NAME_PREFIX}*]`,
          "The ops board lists this platform's alarms with DescribeAlarms(AlarmNamePrefix); the grant is " +
            `limited to alarms named ${ALARM_NAME_PREFIX}*, the prefix every alarm of shared/ops/alarms.ts carries.`,
        );
      }

      const [routeResource] = this.api.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.name}Integration`, fn),
        authorizer: route.authenticated ? authorizer : new apigwv2.HttpNoneAuthorizer(),
      });
      if (!route.authenticated && routeResource) {
        acknowledge(
          routeResource,
          'AwsSolutions-APIG4',
          `${route.method} ${route.path} is public by design (ARCHITECTURE §5: "anyone"): ${route.summary}. ` +
            'It reads no case data.',
        );
      }
    }
  }

  /** The API's own domain, `<id>.execute-api.<region>.amazonaws.com`: CloudFront's /api/* origin. */
  get domainName(): string {
    return `${this.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }
}
