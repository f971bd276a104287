/**
 * Mainland China mobile numbers: 11 digits starting with a 3-digit segment assigned to phones today
 * (13x, 145–149, 150–153, 155–159, 162, 165–167, 170–178, 18x, 19x).
 */

const MOBILE = /^1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9\d)\d{8}$/;
const SEPARATORS = /[\s-]/g;

/**
 * The bare 11 digits of a number written the way people write it: spaces and hyphens anywhere, and an
 * optional `+86` or `86` country prefix. Returns `undefined` for anything that is not a mainland mobile number.
 */
export function normalizeMobile(input: string): string | undefined {
  const compact = input.replace(SEPARATORS, '');
  const national = /^(?:\+?86)(\d{11})$/.exec(compact)?.[1] ?? compact;
  return MOBILE.test(national) ? national : undefined;
}

export function isValidMobile(input: string): boolean {
  return normalizeMobile(input) !== undefined;
}

/** A mobile number as shown to a reader who does not need it: `138****5678`. */
export function maskMobile(mobile: string): string {
  if (mobile.length <= 7) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}${'*'.repeat(mobile.length - 7)}${mobile.slice(-4)}`;
}
