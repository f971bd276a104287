import { type FieldError, toFieldErrors } from '../../../shared/errors';
import { applicationFormSchema } from '../../../shared/form';
import { submittedForm, uploadProblems } from '../uploads/material-entry';

const materialOf = (path: string) => /^materials\[\d+\]/.exec(path)?.[0];

/**
 * The server's own form schema, run in the browser for early hints, on the form as it would be sent.
 * The server remains the authority: submissions are never blocked on these hints, only on uploads that
 * are not clean (uploadProblems), whose own message then stands for the material instead of the schema's.
 */
export function checkForm(form: unknown): FieldError[] {
  const uploads = uploadProblems(form);
  const blocked = new Set(uploads.map((problem) => problem.path));
  const result = applicationFormSchema.safeParse(submittedForm(form));
  const schema = result.success ? [] : toFieldErrors(result.error);
  return [...uploads, ...schema.filter((error) => !blocked.has(materialOf(error.path) ?? ''))];
}
