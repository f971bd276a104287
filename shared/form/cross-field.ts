import type { core, z } from 'zod';
import { bilingual } from '../errors';

/** Stands for every index of an array in a path given to {@link whenValid}. */
export const EACH = Symbol('each array item');

type Path = readonly PropertyKey[];

/**
 * Marks findings about values that are well-formed but break a rule. Other rules may still read those
 * values, so one finding does not hide another.
 */
const FINDING = { finding: true } as const;

function overlaps(issuePath: Path, read: Path): boolean {
  const shared = Math.min(issuePath.length, read.length);
  for (let index = 0; index < shared; index++) {
    const wanted = read[index];
    if (wanted !== issuePath[index] && !(wanted === EACH && typeof issuePath[index] === 'number'))
      return false;
  }
  return true;
}

function blocksRule(issue: core.$ZodRawIssue, reads: readonly Path[]): boolean {
  if (issue.code === 'unrecognized_keys') return false;
  if (issue.code === 'custom' && issue.params?.finding === true) return false;
  const path = issue.path ?? [];
  if (path.length === 0) return true;
  return reads.some((read) => overlaps(path, read));
}

/**
 * Refinement options that run a rule whenever the values it reads parsed cleanly. Zod's default skips every
 * refinement of an object or array once any part of it fails; a founder would then learn about a capital
 * mismatch only after fixing an unrelated phone number, while corrections must list every problem at once
 * (一次性告知). With no `reads`, the rule runs whenever the value itself has the right type.
 */
export function whenValid(...reads: Path[]): { when: (payload: core.ParsePayload) => boolean } {
  return { when: (payload) => !payload.issues.some((issue) => blocksRule(issue, reads)) };
}

/** Raises a finding at `path`, relative to the value the rule is attached to. */
export function report(ctx: z.RefinementCtx, path: PropertyKey[], en: string, zh: string): void {
  ctx.addIssue({ code: 'custom', path, message: bilingual(en, zh), params: FINDING });
}

/**
 * An array rule: every repeat of a key after its first occurrence is reported at `[index, ...at]`.
 * Attach it with `whenValid([EACH, ...at])`.
 */
export function uniqueBy<T>(
  key: (item: T) => string,
  at: (item: T) => PropertyKey[],
  en: string,
  zh: string,
): (items: T[], ctx: z.RefinementCtx<T[]>) => void {
  return (items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value)) report(ctx, [index, ...at(item)], en, zh);
      seen.add(value);
    });
  };
}
