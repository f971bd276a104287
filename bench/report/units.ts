/** How figures print: dollars, milliseconds, KiB, and a value with its unit. */

export const usd = (value: number) => `$${value < 0.01 ? value.toPrecision(3) : value.toFixed(4)}`;
export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
/** One decimal, none when whole: means of counts. */
export const fixed = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export function format(value: number, unit: string): string {
  switch (unit) {
    case 'USD':
      return usd(value);
    case 'ms':
      return `${ms(value)} ms`;
    case 'bytes':
      return value >= 10_240 ? kib(value) : `${Math.round(value)} B`;
    case 's':
      return `${value.toFixed(1)} s`;
    default:
      return `${value >= 100 ? value.toFixed(0) : value.toFixed(2)} ${unit}`;
  }
}
