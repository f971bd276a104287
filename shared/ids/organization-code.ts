/**
 * GB 11714-1997 organisation code (全国组织机构代码): an 8-character body of digits and capital letters and
 * one check character. It is also positions 9–17 of every unified social credit code (GB 32100-2015).
 */

const BODY_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const BODY_PATTERN = /^[0-9A-Z]{8}$/;

/** Digits count as themselves, letters A–Z as 10–35 (the full alphabet, unlike the USCC charset). */
function characterValue(character: string): number {
  return Number.parseInt(character, 36);
}

export function organizationCodeCheckChar(body: string): string {
  if (!BODY_PATTERN.test(body)) {
    throw new RangeError('An organisation code body is 8 digits or capital letters');
  }
  const sum = BODY_WEIGHTS.reduce(
    (total, weight, index) => total + weight * characterValue(body.charAt(index)),
    0,
  );
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

export function isValidOrganizationCode(code: string): boolean {
  const body = code.slice(0, 8);
  return code.length === 9 && BODY_PATTERN.test(body) && organizationCodeCheckChar(body) === code.charAt(8);
}
