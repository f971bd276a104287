import { isValidOrganizationCode, organizationCodeCheckChar } from './organization-code';

/**
 * GB 32100-2015 unified social credit code (统一社会信用代码), 18 characters:
 * 1 registration authority · 2 entity type · 3–8 region code of the registration authority (GB/T 2260) ·
 * 9–17 organisation code (GB 11714-1997, with its own check character) · 18 check character.
 */

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_LENGTH = 18;
const REGION_CODE = /^\d{6}$/;

export type UsccProblem = 'length' | 'charset' | 'check-digit' | 'region-code' | 'organization-code';
export type UsccCheck = { ok: true } | { ok: false; reason: UsccProblem };

function isInCharset(text: string): boolean {
  return [...text].every((character) => USCC_CHARSET.includes(character));
}

export function usccCheckChar(first17: string): string {
  if (first17.length !== USCC_LENGTH - 1 || !isInCharset(first17)) {
    throw new RangeError(`A USCC body is 17 characters from ${USCC_CHARSET}`);
  }
  const sum = USCC_WEIGHTS.reduce(
    (total, weight, index) => total + weight * USCC_CHARSET.indexOf(first17.charAt(index)),
    0,
  );
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Says why a code is not a USCC. The check character comes before the structural checks: it catches every
 * single-character typo, which is by far the likeliest mistake, and names it precisely.
 */
export function checkUscc(code: string): UsccCheck {
  if (code.length !== USCC_LENGTH) return { ok: false, reason: 'length' };
  if (!isInCharset(code)) return { ok: false, reason: 'charset' };
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) return { ok: false, reason: 'check-digit' };
  if (!REGION_CODE.test(code.slice(2, 8))) return { ok: false, reason: 'region-code' };
  if (!isValidOrganizationCode(code.slice(8, 17))) return { ok: false, reason: 'organization-code' };
  return { ok: true };
}

export function isValidUscc(code: string): boolean {
  return checkUscc(code).ok;
}

export interface GenerateUsccOptions {
  /** Position 1; `9` is market regulation (工商/市场监管). */
  registrationAuthority?: string;
  /** Position 2; under authority `9`: `1` enterprise, `2` individual business, `3` farmers' cooperative. */
  entityType?: string;
  /** Positions 3–8: the registration authority's GB/T 2260 region code; `440111` is Baiyun district. */
  regionCode?: string;
  /** The 8-character organisation code body (its check character is computed) or a whole valid 9-character code. */
  organizationCode?: string;
  /** A source of numbers in [0, 1), for reproducible codes. */
  random?: () => number;
}

/** Drawn from the USCC charset, because the body becomes part of a USCC. */
function randomOrganizationBody(random: () => number): string {
  let body = '';
  while (body.length < 8) {
    body += USCC_CHARSET.charAt(Math.floor(random() * USCC_CHARSET.length));
  }
  return body;
}

function organizationCodeFrom(code: string): string {
  if (!isInCharset(code))
    throw new RangeError(`An organisation code inside a USCC uses only ${USCC_CHARSET}`);
  if (code.length === 8) return code + organizationCodeCheckChar(code);
  if (!isValidOrganizationCode(code)) throw new RangeError('Not a valid GB 11714 organisation code');
  return code;
}

/** A valid USCC for fixtures and tests; the parts not given are defaults or random. */
export function generateUscc(options: GenerateUsccOptions = {}): string {
  const {
    registrationAuthority = '9',
    entityType = '1',
    regionCode = '440111',
    random = Math.random,
  } = options;
  if (!REGION_CODE.test(regionCode)) throw new RangeError('A region code is 6 digits');
  const organizationCode = organizationCodeFrom(options.organizationCode ?? randomOrganizationBody(random));
  const first17 = `${registrationAuthority}${entityType}${regionCode}${organizationCode}`;
  return first17 + usccCheckChar(first17);
}
