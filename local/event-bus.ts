import { randomUUID } from 'node:crypto';

/** An event as EventBridge delivers it to a target (EventBridge docs, "Amazon EventBridge events"). */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

type Pattern = Record<string, unknown>;
type Target = (event: BusEvent) => Promise<unknown>;

/**
 * Whether `event` matches an EventBridge pattern ("Amazon EventBridge event patterns"): every field the
 * pattern names must be present, an array lists the values allowed (exact values or `{ prefix }`), an
 * object descends. Other filters are refused rather than misjudged.
 */
export function matches(pattern: Pattern, value: unknown): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const actual = (value as Record<string, unknown> | undefined)?.[field];
    if (Array.isArray(expected)) {
      const actuals = Array.isArray(actual) ? actual : [actual];
      return expected.some((allowed) => actuals.some((each) => matchesValue(allowed, each)));
    }
    if (expected && typeof expected === 'object') return matches(expected as Pattern, actual);
    throw new Error(`An event pattern's ${field} must be an array or an object`);
  });
}

function matchesValue(allowed: unknown, actual: unknown): boolean {
  if (allowed === null || typeof allowed !== 'object') return allowed === actual;
  const [filter, argument] = Object.entries(allowed)[0] ?? [];
  if (filter === 'prefix') return typeof actual === 'string' && actual.startsWith(String(argument));
  throw new Error(`The local event bus does not model the ${filter} filter`);
}

export interface DeliveryPolicy {
  /** EventBridge retries a failed delivery; the default policy tries for up to 24 hours, 185 times. */
  attempts: number;
  /** The wait before retry n (1-based). */
  backoffMs: (retry: number) => number;
  /** Called with an event no attempt delivered: what the target's dead-letter queue receives. */
  deadLetter: (ruleName: string, event: BusEvent, error: unknown) => void;
}

/**
 * An event bus of the local runtime: on the default one the stand-ins (S3, the malware scanner) put the
 * events their AWS services emit, on the case bus the functions put the case events (through
 * local/eventbridge.ts); rules match them as EventBridge does and deliver each to its target
 * asynchronously, retrying a failed delivery, then giving it to the dead-letter handler.
 */
export class LocalEventBus {
  private readonly rules: { name: string; pattern: Pattern; target: Target }[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly account: { region: string; accountId: string },
    private readonly delivery: DeliveryPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  addRule(name: string, pattern: Pattern, target: Target): void {
    this.rules.push({ name, pattern, target });
  }

  put(
    entry: Pick<BusEvent, 'source' | 'detail-type' | 'detail'> & { resources?: string[]; time?: Date },
  ): BusEvent {
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      account: this.account.accountId,
      region: this.account.region,
      time: (entry.time ?? new Date(this.now())).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      resources: entry.resources ?? [],
      source: entry.source,
      'detail-type': entry['detail-type'],
      detail: entry.detail,
    };
    for (const rule of this.rules) {
      if (!matches(rule.pattern, event)) continue;
      const delivery = this.deliver(rule, event).finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }
    return event;
  }

  /** Resolves when every delivery under way has succeeded or been dead-lettered. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async deliver(rule: { name: string; target: Target }, event: BusEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await rule.target(event);
        return;
      } catch (error) {
        if (attempt >= this.delivery.attempts) return this.delivery.deadLetter(rule.name, event, error);
        await new Promise((resolve) => setTimeout(resolve, this.delivery.backoffMs(attempt)));
      }
    }
  }
}
