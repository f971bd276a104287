import { formBytes, MAX_FORM_BYTES } from '../data/item-limits';
import type { FieldError } from '../errors';
import type { ApplicationForm } from '../form';

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * Refuses a form larger than a case item can hold (shared/data/item-limits.ts), naming the section
 * that takes the most room, where the founder can trim it (a form path, as the other form errors give).
 */
export function formSizeError(form: ApplicationForm): FieldError | undefined {
  const bytes = formBytes(form);
  if (bytes <= MAX_FORM_BYTES) return undefined;
  const [section, sectionBytes] = Object.entries(form)
    .map(([name, value]) => [name, formBytes(value)] as const)
    .reduce((largest, candidate) => (candidate[1] > largest[1] ? candidate : largest));
  return {
    path: section,
    message:
      `The form takes ${kib(bytes)} KiB, more than the ${kib(MAX_FORM_BYTES)} KiB one application may hold; ` +
      `this part takes ${kib(sectionBytes)} KiB`,
    message_zh: `申请表共 ${kib(bytes)} KiB，超过单份申请 ${kib(MAX_FORM_BYTES)} KiB 的上限；此部分占 ${kib(sectionBytes)} KiB`,
  };
}
