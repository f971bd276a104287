/**
 * Field paths as the API names them in errors and correction requests, `shareholders[1].idNumber`, and the
 * plain JSON the form keeps while it is being filled in.
 */
export type Segment = string | number;
export type Json = Record<string, unknown>;

export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] === undefined ? (match[1] as string) : Number(match[2]));
  }
  return segments;
}

/** `shareholders[1].idNumber` → `shareholders[].idNumber`: the key of labels and hints. */
export function patternOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

export function getIn(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of parsePath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<Segment, unknown>)[segment];
  }
  return current;
}

/** A copy of `value` with `path` set; `undefined` removes the key, since the API rejects unknown or empty keys. */
export function setIn<T>(value: T, path: string | Segment[], next: unknown): T {
  const [head, ...rest] = typeof path === 'string' ? parsePath(path) : path;
  if (head === undefined) return next as T;
  const container = (value ?? (typeof head === 'number' ? [] : {})) as Record<Segment, unknown>;
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<Segment, unknown>;
  const child = rest.length === 0 ? next : setIn(container[head], rest, next);
  if (child === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = child;
  return copy as T;
}

/** Every path of a JSON value whose value is not an object; an array of plain values is one leaf. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) return prefix ? [prefix] : [];
    return value.flatMap((item, index) => leafPaths(item, `${prefix}[${index}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      leafPaths(inner, prefix ? `${prefix}.${key}` : key),
    );
  }
  return prefix ? [prefix] : [];
}

/** The leaf paths whose values differ between two versions of the form. */
export function changedLeaves(before: unknown, after: unknown): string[] {
  const paths = new Set([...leafPaths(before), ...leafPaths(after)]);
  return [...paths].filter(
    (path) => JSON.stringify(getIn(before, path)) !== JSON.stringify(getIn(after, path)),
  );
}

/** Is `path` the same as `ancestor` or inside it? */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}
