import { formatPath } from '../../../shared/errors';
import { fieldLabel } from '../form/field-labels';
import { leafPaths, parsePath } from '../form/path';
import { type StepId, stepOf } from '../form/steps';
import type { Messages } from '../i18n/messages';

export interface PathOption {
  path: string;
  label: string;
  step: StepId;
}

/**
 * What an officer can point a reason at: every field of this application, and every group of fields
 * (a shareholder, the address, the list of materials), in the order the form asks for them.
 */
export function reasonPaths(form: unknown, t: Messages): PathOption[] {
  const seen = new Set<string>();
  const paths: string[] = [];
  for (const leaf of leafPaths(form)) {
    const segments = parsePath(leaf);
    for (let length = 1; length <= segments.length; length++) {
      const path = formatPath(segments.slice(0, length));
      const named = length === segments.length || fieldLabel(path, t) !== path;
      if (named && !seen.has(path)) {
        seen.add(path);
        paths.push(path);
      }
    }
  }
  return paths
    .filter((path) => path !== 'channel')
    .map((path) => ({ path, label: fieldLabel(path, t), step: stepOf(path) }));
}
