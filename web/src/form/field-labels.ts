import { formatPath } from '../../../shared/errors';
import type { Messages } from '../i18n/messages';
import { parsePath, patternOf } from './path';

/** Human names for field paths, used beside inputs, in error summaries, correction requests and the officer's picker. */

type Groups = Messages['groups'];

function groupLabel(path: string, t: Messages): string | undefined {
  const label = (t.groups as Record<string, Groups[keyof Groups]>)[patternOf(path)];
  if (typeof label === 'string') return label;
  if (label === undefined) return undefined;
  const index = /\[(\d+)\]$/.exec(path)?.[1];
  return label(Number(index ?? 0) + 1);
}

/** The label of the field itself, as shown beside its input: `公民身份号码`. */
export function shortLabel(path: string, t: Messages): string {
  return (t.fields as Record<string, string | undefined>)[patternOf(path)] ?? groupLabel(path, t) ?? path;
}

/** The nearest enclosing group that has a name, e.g. `shareholders[1]` for `shareholders[1].idNumber`. */
function enclosingGroup(path: string, t: Messages): string | undefined {
  const segments = parsePath(path);
  for (let length = segments.length - 1; length > 0; length--) {
    const prefix = formatPath(segments.slice(0, length));
    if (groupLabel(prefix, t) !== undefined) return prefix;
  }
  return undefined;
}

/** The label with its group, readable on its own: `股东 2 · 公民身份号码`. */
export function fieldLabel(path: string, t: Messages): string {
  const group = enclosingGroup(path, t);
  const own = shortLabel(path, t);
  return group === undefined ? own : `${groupLabel(group, t)} · ${own}`;
}

export function fieldHint(path: string, t: Messages): string | undefined {
  return t.hints[patternOf(path)];
}

/** The DOM id of the input (or group) for a field path; error summaries link to it. */
export function fieldId(path: string): string {
  return `f-${path}`;
}
