/**
 * A WAF rate-based rule on one machine: each client address may send `limit` requests in any window of
 * `windowMs`; past that it is blocked until its count in the window falls under the limit again.
 */
export class RateLimit {
  private readonly requests = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request from `client`; false when the rule blocks it. */
  allows(client: string): boolean {
    const since = this.now() - this.windowMs;
    const recent = (this.requests.get(client) ?? []).filter((at) => at > since);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(this.now());
    this.requests.set(client, recent);
    return allowed;
  }
}
