import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { ORIGIN_HEADER } from '../shared/config';
import { Auth } from './auth';
import type { StorageResources } from './grant-access';
import { HttpApi } from './http-api';
import { Web } from './web';

export interface EdgeStackProps extends StackProps {
  table: dynamodb.ITableV2;
  stateMachine: sfn.IStateMachine;
  /** The built SPA (`vite build web`); deployed when it exists at synth time. */
  webDistPath: string;
  /** The hosted UI's domain prefix; see {@link Auth}. */
  authDomainPrefix?: string;
  /** The CloudFront web ACL (the WAF stack's output, infra/waf.ts), when it is deployed. */
  webAclArn?: string;
  storage: StorageResources;
}

/**
 * Everything a browser or an API client reaches: the HTTP API, the Cognito user pool that signs its
 * callers in, and the CloudFront site that serves the SPA and `/api/*`.
 *
 * They share one stack on purpose: CloudFront's `/api/*` origin needs the API, the SPA client's
 * callback URL needs the CloudFront domain, and the API's JWT authorizer needs that client. Across
 * stacks that is a dependency cycle; inside one, CloudFormation orders the resources itself
 * (API → distribution → client → authorizer → routes).
 */
export class EdgeStack extends Stack {
  readonly api: HttpApi;
  readonly web: Web;
  readonly auth: Auth;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.api = new HttpApi(this, 'Api');
    this.web = new Web(this, 'Web', {
      apiDomainName: this.api.domainName,
      distPath: props.webDistPath,
      webAclArn: props.webAclArn,
      apiOriginHeaders: { [ORIGIN_HEADER]: this.api.originSecret.value },
    });
    const appUrl = `https://${this.web.distribution.distributionDomainName}`;
    this.auth = new Auth(this, 'Auth', { appUrl, domainPrefix: props.authDomainPrefix });
    this.api.addRouteTable({
      table: props.table,
      stateMachine: props.stateMachine,
      userPool: this.auth.userPool,
      client: this.auth.client,
      storage: props.storage,
    });
    // The browser posts uploads to the uploads bucket and follows presigned downloads to both.
    const { uploads, documents } = props.storage.buckets;
    this.web.allowStorageOrigins(
      [uploads, documents].map((bucket) => `https://${bucket.bucketRegionalDomainName}`),
    );
    const hostedUi = this.auth.domain.baseUrl();
    // web/src/auth/sign-in.ts exchanges the sign-in code there.
    this.web.allowTokenEndpoint(`${hostedUi}/oauth2/token`);
    this.web.deploySpa({
      auth: { provider: 'cognito', domain: hostedUi, clientId: this.auth.client.userPoolClientId },
    });

    new CfnOutput(this, 'AppUrl', { value: appUrl, description: 'The SPA, and the API under /api' });
    new CfnOutput(this, 'ApiEndpoint', {
      value: this.api.api.apiEndpoint,
      description: 'The HTTP API without CloudFront',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'HostedUiUrl', { value: hostedUi, description: 'Cognito sign-in' });
    new CfnOutput(this, 'SiteBucketName', { value: this.web.bucket.bucketName });
  }
}
