import { Aws, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ALL_GROUPS } from '../shared/api/caller';

export interface AuthProps {
  /** Where the SPA lives (`https://…` without a trailing slash): the hosted UI returns there. */
  appUrl: string;
  /**
   * The hosted UI's domain prefix (`<prefix>.auth.<region>.amazoncognito.com`), unique per region.
   * @default `company-opening-<account id>`
   */
  domainPrefix?: string;
}

/**
 * Who may call the API: one Cognito user pool with the groups of docs/architecture.md (HTTP API), and the SPA's
 * public client signing in through the hosted UI (authorization code with PKCE, no client secret).
 */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      // Accounts are created by the district (docs/deploy.md): a sign-up would belong to no group.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Officers decide on companies and ops see every case: a password alone is not enough.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of ALL_GROUPS) {
      this.userPool.addGroup(`Group-${group}`, { groupName: group, description: groupDescription(group) });
    }

    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: {
        domainPrefix: props.domainPrefix ?? Fn.join('-', ['company-opening', Aws.ACCOUNT_ID]),
      },
    });

    this.client = this.userPool.addClient('Spa', {
      userPoolClientName: 'company-opening-spa',
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        // web/src/auth/sign-in.ts: the hosted UI returns to /sign-in, sign-out returns to /.
        callbackUrls: [`${props.appUrl}/sign-in`],
        logoutUrls: [`${props.appUrl}/`],
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      enableTokenRevocation: true,
    });
  }
}

function groupDescription(group: string): string {
  if (group === 'applicants') return 'Founders filing their own company';
  if (group === 'agents') return 'Help-desk agents (帮办) filing on behalf of founders';
  if (group === 'ops') return 'Operations: SLA board, alarms, every case read-only';
  return `Officers of ${group.replace(/^officers-/, '')}: that department's inbox and decisions`;
}
