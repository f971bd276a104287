import type { Language } from './messages';

/** Dates and times are shown on the Asia/Shanghai wall clock, where the SLA is counted. */
const TIME_ZONE = 'Asia/Shanghai';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const locale = (lang: Language) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

export function formatInstant(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A `YYYY-MM-DD` calendar date, with its weekday. */
export function formatDate(date: string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: 'UTC',
    dateStyle: 'full',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function formatShortDate(date: string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', month: 'numeric', day: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function formatYuan(amount: number, lang: Language): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'CNY',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatPercent(share: number, lang: Language): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatNumber(value: number, lang: Language, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: fractionDigits }).format(value);
}

export function formatBytes(bytes: number, lang: Language): string {
  const units = ['B', 'KiB', 'MiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, lang)} ${units[unit]}`;
}

/** Working time: a working day of the SLA calendar is 24 hours of the clock on a working day. */
export function splitWorkingTime(ms: number): { days: number; hours: number } {
  const clamped = Math.max(0, ms);
  return { days: Math.floor(clamped / DAY_MS), hours: Math.floor((clamped % DAY_MS) / HOUR_MS) };
}
