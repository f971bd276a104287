import { isLocalDate, localDate } from '../calendar/local-date';
import { now } from '../clock';

/**
 * GB 11643-1999 citizen identity number (公民身份号码), 18 characters:
 * 1–6 address code (GB/T 2260) · 7–14 birth date YYYYMMDD · 15–17 sequence (odd for men) · 18 check
 * character (ISO 7064 MOD 11-2).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const BODY = /^\d{17}$/;
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Mainland province-level divisions (GB/T 2260): the first two digits of every mainland resident ID. */
// biome-ignore format: one row per region group reads better than one code per line
export const MAINLAND_PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
]);

export type ResidentIdProblem = 'length' | 'charset' | 'province' | 'birth-date' | 'check-digit';
export type ResidentIdCheck = { ok: true } | { ok: false; reason: ResidentIdProblem };

export function residentIdCheckChar(first17: string): string {
  if (!BODY.test(first17)) throw new RangeError('A resident ID body is 17 digits');
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17.charAt(index)), 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** `YYYY-MM-DD` from positions 7–14, whether or not it is a real date. */
function birthDateDigits(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Says why a number is not a resident ID. `today` (YYYY-MM-DD) bounds the birth date; by default the
 * current date in Asia/Shanghai. Only the capital X is accepted: callers normalise case first.
 */
export function checkResidentId(id: string, today: string = localDate(now())): ResidentIdCheck {
  if (id.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'charset' };
  if (!MAINLAND_PROVINCE_CODES.has(id.slice(0, 2))) return { ok: false, reason: 'province' };
  const birthDate = birthDateDigits(id);
  if (!isLocalDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) {
    return { ok: false, reason: 'birth-date' };
  }
  if (residentIdCheckChar(id.slice(0, 17)) !== id.charAt(17)) return { ok: false, reason: 'check-digit' };
  return { ok: true };
}

export function isValidResidentId(id: string, today?: string): boolean {
  return checkResidentId(id, today).ok;
}

/** The birth date (YYYY-MM-DD) of a valid resident ID. */
export function birthDateOf(id: string): string {
  const birthDate = birthDateDigits(id);
  if (!isLocalDate(birthDate)) throw new RangeError('This resident ID carries no real birth date');
  return birthDate;
}

/** Completed years of age on `date` (YYYY-MM-DD): a birthday counts from its own day. */
export function ageOn(id: string, date: string): number {
  const birthDate = birthDateOf(id);
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export interface GenerateResidentIdOptions {
  /** Six-digit GB/T 2260 address code; `440111` is Baiyun district, Guangzhou. */
  regionCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** 0–999; odd for men, even for women. */
  sequence: number;
}

/** A resident ID that passes every check, for fixtures and tests. It belongs to nobody in particular. */
export function generateResidentId({ regionCode, birthDate, sequence }: GenerateResidentIdOptions): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError('A region code is 6 digits');
  if (!isLocalDate(birthDate)) throw new RangeError('The birth date must be a real YYYY-MM-DD date');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError('The sequence is an integer from 0 to 999');
  }
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * A resident ID as shown to a reader who does not need it: the first three and last four characters,
 * the rest starred (`110***********1234`), so a founder can still tell their own number from another.
 */
export function maskResidentId(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}
