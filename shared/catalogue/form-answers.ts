import type { FormFields } from '../form/form-object';
import type { Answers } from './answers';
import type { Bundle } from './bundle';

/** The answers determinants read, as the application form gives them. */
export function answersOf(form: Pick<FormFields, 'premises' | 'employment'>, bundle: Bundle): Answers {
  return {
    trade: bundle.trade,
    premisesAreaM2: form.premises?.areaM2,
    fireSafetyCommitment: form.premises?.fireSafetyCommitment,
    employees: form.employment?.employees,
  };
}
