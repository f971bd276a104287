import { type FieldError, toFieldErrors } from '../../../shared/errors';
import { applicationFormSchema } from '../../../shared/form';

/**
 * The server's own form schema, run in the browser for early hints. The server remains the authority:
 * submissions are never blocked on these.
 */
export function checkForm(form: unknown): FieldError[] {
  const result = applicationFormSchema.safeParse(form);
  return result.success ? [] : toFieldErrors(result.error);
}
