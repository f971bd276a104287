import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/**
 * A random value Secrets Manager generates at deploy time, handed to resources as a
 * `{{resolve:secretsmanager:…}}` dynamic reference: CloudFormation resolves it when it deploys them, so
 * the template holds only the reference, no function reads a secret at run time (no SDK client, no
 * grant), and nothing depends on Secrets Manager being reachable while serving.
 */
export class GeneratedSecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: { description: string }) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: `${props.description}; rotate by regenerating it and redeploying`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'Resolved into resource properties at deploy time, so a rotation Lambda would not reach its users; ' +
        'it is rotated by regenerating it and redeploying, which only invalidates what it signed or matched.',
    );
  }

  get value(): string {
    return this.secret.secretValue.unsafeUnwrap();
  }
}
