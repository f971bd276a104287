import { formatPath } from '../../../shared/errors';
import { fieldId } from './field-labels';
import { parsePath } from './path';

/** Focuses the input for a path, or the nearest group around it when the path has no input of its own. */
export function focusField(path: string): boolean {
  const segments = parsePath(path);
  for (let length = segments.length; length > 0; length--) {
    const element = document.getElementById(fieldId(formatPath(segments.slice(0, length))));
    if (element) {
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: 'center' });
      return true;
    }
  }
  return false;
}
