import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/**
 * The key list cursors are signed with (shared/data/pages.ts): a random value Secrets Manager
 * generates at deploy time. CloudFormation resolves it into the environment of the functions that
 * page (a dynamic reference: the template holds only the reference), so a function reads no secret
 * at run time, needs no SDK client or grant for it, and listing does not depend on Secrets Manager
 * being reachable.
 */
export class CursorSecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Signs the API list cursors (HMAC-SHA256); rotate by changing it and redeploying',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'The value only authenticates page positions the API handed out (a cursor outlives one listing); ' +
        'the functions read it from their environment at deploy time, so a rotation Lambda would not ' +
        'reach them. It is rotated by regenerating it and redeploying, which invalidates open cursors only.',
    );
  }

  /** A `{{resolve:secretsmanager:…}}` reference, resolved by CloudFormation when it deploys a function. */
  get value(): string {
    return this.secret.secretValue.unsafeUnwrap();
  }
}
