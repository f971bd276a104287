/**
 * The one place domain code reads the time. In AWS it is the wall clock: nothing there registers
 * another. The local runtime registers its own clock so that moving time forward (demos, tests) moves
 * it for handlers too.
 *
 * The registration lives on globalThis under a Symbol.for key, not in this module: a bundled handler
 * carries its own copy of this module, and only a process-wide key reaches every copy, the runtime's
 * and each bundle's alike (docs/architecture.md, "AWS and `npm start`").
 */
const REGISTERED_CLOCK = Symbol.for('company-opening-one-stop.clock');

type ClockRegistry = { [REGISTERED_CLOCK]?: () => number };

export function now(): Date {
  const source = (globalThis as ClockRegistry)[REGISTERED_CLOCK] ?? Date.now;
  return new Date(source());
}

export function useClock(nowMsSource: () => number): void {
  (globalThis as ClockRegistry)[REGISTERED_CLOCK] = nowMsSource;
}
