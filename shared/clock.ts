/**
 * The one place domain code reads the time. In AWS it is the wall clock; the local runtime installs
 * its own clock so that moving time forward (demos, tests) moves it for handlers too.
 */
let source: () => number = Date.now;

export function now(): Date {
  return new Date(source());
}

export function useClock(nowMsSource: () => number): void {
  source = nowMsSource;
}
