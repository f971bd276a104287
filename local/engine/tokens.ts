import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenTarget {
  executionArn: string;
  stepKey: string;
  attempt: number;
}

/**
 * Task tokens name the task attempt they resume and carry an HMAC under the engine's secret.
 * The same attempt always gets the same token, so a handler re-run after a crash hands out the
 * token it handed out before; without the secret a token cannot be forged or guessed.
 */
export class TaskTokens {
  constructor(private readonly secret: Buffer) {}

  issue(target: TokenTarget): string {
    const payload = Buffer.from(
      JSON.stringify([target.executionArn, target.stepKey, target.attempt]),
    ).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  read(token: string): TokenTarget | undefined {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const [executionArn, stepKey, attempt] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return { executionArn, stepKey, attempt };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
