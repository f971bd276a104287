import { randomUUID } from 'node:crypto';
import type { DeadLetter, EventDeliveries } from './event-deliveries';

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
  /** Called, once it is kept, with an event no attempt delivered: what the target's dead-letter queue receives. */
  deadLetter: (letter: DeadLetter) => void;
}

type Rule = { name: string; pattern: Pattern; target: Target };

/**
 * An event bus of the local runtime: on the default one the stand-ins (S3, the malware scanner) put the
 * events their AWS services emit, on the case bus the functions put the case events (through
 * local/eventbridge.ts); rules match them as EventBridge does and deliver each to its target
 * asynchronously, retrying a failed delivery, then giving it to the dead-letter handler.
 *
 * As EventBridge, it does not lose an event it accepted: `put` returns once the event and the rules it
 * matched are kept (local/event-deliveries.ts), and `resume` delivers what an earlier process accepted
 * and did not finish, with the same retries. Delivery is at least once, as on AWS: a target that
 * finished just before a crash, before its delivery was recorded, gets the event again.
 */
export class LocalEventBus {
  private readonly rules: Rule[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** `<event id>#<rule>` of the deliveries this process runs, so `resume` does not start them twice. */
  private readonly delivering = new Set<string>();

  constructor(
    readonly name: string,
    private readonly account: { region: string; accountId: string },
    private readonly deliveries: EventDeliveries,
    private readonly delivery: DeliveryPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  addRule(name: string, pattern: Pattern, target: Target): void {
    this.rules.push({ name, pattern, target });
  }

  /** Accepts an event: resolves once it is kept, its deliveries under way; rejects if it could not be kept. */
  async put(
    entry: Pick<BusEvent, 'source' | 'detail-type' | 'detail'> & { resources?: string[]; time?: Date },
  ): Promise<BusEvent> {
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
    const matched = this.rules.filter((rule) => matches(rule.pattern, event));
    if (matched.length === 0) return event;
    await this.track(this.accept(event, matched));
    return event;
  }

  /**
   * Delivers what an earlier process accepted and did not finish; resolves with how many deliveries it
   * started. Call it once the rules are added: a delivery for a rule that no longer exists is dropped,
   * as EventBridge stops retrying for a deleted rule.
   */
  async resume(): Promise<number> {
    let started = 0;
    for (const { event, rules } of await this.deliveries.pending(this.name)) {
      for (const name of rules) {
        if (this.delivering.has(`${event.id}#${name}`)) continue;
        const rule = this.rules.find((candidate) => candidate.name === name);
        if (rule) {
          this.start(rule, event);
          started++;
        } else await this.deliveries.delivered(this.name, event.id, name);
      }
    }
    return started;
  }

  /** Resolves when every delivery under way has succeeded or been dead-lettered. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async accept(event: BusEvent, matched: Rule[]): Promise<void> {
    await this.deliveries.accept(
      this.name,
      event,
      matched.map((rule) => rule.name),
    );
    for (const rule of matched) this.start(rule, event);
  }

  private start(rule: Rule, event: BusEvent): void {
    const key = `${event.id}#${rule.name}`;
    this.delivering.add(key);
    void this.track(this.deliver(rule, event))
      // A delivery whose outcome could not be recorded stays pending: the next start delivers it again.
      .catch(() => {})
      .finally(() => this.delivering.delete(key));
  }

  private track<T>(work: Promise<T>): Promise<T> {
    const tracked = work.then(
      () => {},
      () => {},
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return work;
  }

  private async deliver(rule: Rule, event: BusEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await rule.target(event);
        break;
      } catch (error) {
        if (attempt >= this.delivery.attempts) {
          const letter = {
            bus: this.name,
            rule: rule.name,
            event,
            error: String((error as Error)?.message ?? error),
            at: this.now(),
          };
          await this.deliveries.deadLettered(letter);
          this.delivery.deadLetter(letter);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, this.delivery.backoffMs(attempt)));
      }
    }
    await this.deliveries.delivered(this.name, event.id, rule.name);
  }
}
