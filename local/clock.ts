const REWIND_TOLERANCE_MS = 1_000;
/** Longest delay Node's setTimeout honours; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Timer {
  dueMs: number;
  fire: () => void;
}

interface PeriodicJob {
  intervalMs: number;
  fire: () => void;
  cancelNext: () => void;
}

/**
 * The runtime's own clock: real time plus an offset that can only be changed on purpose. Timers are
 * scheduled against it, so moving the clock forward fires whatever fell due, in due order.
 */
export class RuntimeClock {
  private offsetMs = 0;
  private readonly timers = new Set<Timer>();
  private readonly periodicJobs = new Set<PeriodicJob>();
  private wakeUp: NodeJS.Timeout | undefined;
  private wakeUpAtMs = Number.POSITIVE_INFINITY;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(offsetMs: number): void {
    // Setting the clock to what it reads lands a millisecond or so back as real time passes: not a rewind.
    const rewound = offsetMs < this.offsetMs - REWIND_TOLERANCE_MS;
    this.offsetMs = offsetMs;
    if (rewound) for (const job of this.periodicJobs) this.scheduleNext(job);
    this.fireDue();
  }

  set(instantMs: number): void {
    this.setOffset(instantMs - Date.now());
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  /** Calls `fire` once the clock reaches `dueMs`; returns a function that cancels it. */
  at(dueMs: number, fire: () => void): () => void {
    const timer: Timer = { dueMs, fire };
    this.timers.add(timer);
    if (dueMs < this.wakeUpAtMs) this.reschedule();
    return () => {
      this.timers.delete(timer);
    };
  }

  /**
   * Calls `fire` every `intervalMs` of clock time, as a rate() schedule does; returns a function that
   * stops it. Set back, the clock counts the interval again from then, while absolute timers (Wait
   * states, deadlines) stay where they are.
   */
  every(intervalMs: number, fire: () => void): () => void {
    const job: PeriodicJob = { intervalMs, fire, cancelNext: () => {} };
    this.periodicJobs.add(job);
    this.scheduleNext(job);
    return () => {
      this.periodicJobs.delete(job);
      job.cancelNext();
    };
  }

  /** Resolves once the clock reaches `dueMs`; at once (without a timer) when it already has. */
  until(dueMs: number): Promise<void> {
    if (dueMs <= this.now()) return Promise.resolve();
    return new Promise((resolve) => this.at(dueMs, resolve));
  }

  /** Forgets every timer; used when the runtime shuts down. */
  close(): void {
    this.timers.clear();
    this.periodicJobs.clear();
    if (this.wakeUp) clearTimeout(this.wakeUp);
    this.wakeUp = undefined;
    this.wakeUpAtMs = Number.POSITIVE_INFINITY;
  }

  private scheduleNext(job: PeriodicJob): void {
    job.cancelNext();
    job.cancelNext = this.at(this.now() + job.intervalMs, () => {
      job.fire();
      if (this.periodicJobs.has(job)) this.scheduleNext(job);
    });
  }

  private fireDue(): void {
    const now = this.now();
    const due = [...this.timers].filter((timer) => timer.dueMs <= now).sort((a, b) => a.dueMs - b.dueMs);
    for (const timer of due) {
      this.timers.delete(timer);
      timer.fire();
    }
    this.reschedule();
  }

  private reschedule(): void {
    if (this.wakeUp) clearTimeout(this.wakeUp);
    this.wakeUp = undefined;
    let next = Number.POSITIVE_INFINITY;
    for (const timer of this.timers) next = Math.min(next, timer.dueMs);
    this.wakeUpAtMs = next;
    if (next === Number.POSITIVE_INFINITY) return;
    const delay = Math.min(Math.max(next - this.now(), 0), MAX_TIMER_MS);
    this.wakeUp = setTimeout(() => this.fireDue(), delay);
    this.wakeUp.unref();
  }
}
