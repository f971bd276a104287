/**
 * Years the calendar answers for. From 2004, the first year of chinese-days' official data (earlier
 * years would need the pre-2008 statutory rules); to 2099, the last year of the Qingming formula.
 */
export const FIRST_SUPPORTED_YEAR = 2004;
export const LAST_SUPPORTED_YEAR = 2099;

export function assertSupportedYear(year: number): void {
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `The working-day calendar covers ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}, not ${year}`,
    );
  }
}
