/**
 * A hand-written progress bar on stderr: one bar for the whole run, weighted by each step's expected
 * share of the time. On a terminal it redraws one line; otherwise (CI logs) it prints a line per step
 * and per tenth of a step, so the log stays readable.
 */
export class Progress {
  private readonly total: number;
  private doneWeight = 0;
  private current: { name: string; weight: number; fraction: number; detail: string } | undefined;
  private readonly started = performance.now();
  private lastLogged = -1;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly steps: { name: string; weight: number }[]) {
    this.total = steps.reduce((sum, step) => sum + step.weight, 0);
  }

  start(name: string, detail = ''): void {
    const step = this.steps.find((candidate) => candidate.name === name);
    this.current = { name, weight: step?.weight ?? 0, fraction: 0, detail };
    this.lastLogged = -1;
    this.draw(true);
  }

  update(fraction: number, detail = ''): void {
    if (!this.current) return;
    this.current.fraction = Math.min(1, Math.max(0, fraction));
    this.current.detail = detail;
    this.draw(false);
  }

  finish(summary = ''): void {
    if (!this.current) return;
    this.doneWeight += this.current.weight;
    const name = this.current.name;
    const seconds = this.elapsed();
    this.current = undefined;
    if (this.tty) process.stderr.write('\r\x1b[K');
    process.stderr.write(`  ✓ ${name}${summary ? ` — ${summary}` : ''} (at ${seconds})\n`);
  }

  /** A line above the bar (warnings, notes). */
  note(text: string): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
    process.stderr.write(`    ${text}\n`);
    this.draw(true);
  }

  end(): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
    process.stderr.write(`  done in ${this.elapsed()}\n`);
  }

  private elapsed(): string {
    const seconds = Math.round((performance.now() - this.started) / 1000);
    return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  }

  private draw(force: boolean): void {
    const current = this.current;
    const share = current ? current.weight * current.fraction : 0;
    const ratio = this.total === 0 ? 0 : (this.doneWeight + share) / this.total;
    const width = 30;
    const filled = Math.round(ratio * width);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%`;
    const label = current ? `${current.name}${current.detail ? `: ${current.detail}` : ''}` : '';
    if (this.tty) {
      const line = `${bar} ${this.elapsed()} ${label}`;
      process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns ?? 120) - 1)}`);
      return;
    }
    const tenth = current ? Math.floor(current.fraction * 10) : 0;
    if (force || tenth > this.lastLogged) {
      this.lastLogged = tenth;
      process.stderr.write(`${bar} ${this.elapsed()} ${label}\n`);
    }
  }
}
