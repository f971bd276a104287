import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkForm } from '../../../web/src/form/check';
import { withDerivedFields } from '../../../web/src/form/draft';
import { shortLabel } from '../../../web/src/form/field-labels';
import type { Json } from '../../../web/src/form/path';
import { stepOf, stepsFor } from '../../../web/src/form/steps';
import { LANGUAGES, MESSAGES } from '../../../web/src/i18n/messages';

const fixture = (name: string): Record<string, any> =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../fixtures/applications/${name}.json`), 'utf8'));

describe('the trade steps of the web form', () => {
  it('asks a step exactly when an item of the case reads its section', () => {
    const trade = (form: Json) =>
      stepsFor(form).filter((step) => ['premises', 'clinic', 'employment'].includes(step));
    expect(trade({ bundle: 'company-opening' })).toEqual([]);
    expect(trade({ bundle: 'restaurant' })).toEqual(['premises']);
    expect(trade({ bundle: 'clinic' })).toEqual(['clinic']);
    expect(trade({ bundle: 'clinic', optionalItems: ['social-insurance'] })).toEqual([
      'clinic',
      'employment',
    ]);
    // An item the bundle does not offer adds no step: the server refuses it.
    expect(trade({ bundle: 'restaurant', optionalItems: ['clinic-practice'] })).toEqual(['premises']);
    expect(trade({ bundle: 'no-such-bundle' })).toEqual([]);
  });

  it('adds a section when its step is asked and removes it when no item reads it any more', () => {
    const restaurant = withDerivedFields(fixture('valid-baiyun-llc') as Json);
    expect(restaurant).not.toHaveProperty('premises');
    const chosen = withDerivedFields({ ...(restaurant as object), bundle: 'restaurant' });
    expect(chosen).toHaveProperty('premises.foodSafetyManager', { name: '', mobile: '' });
    const switched = withDerivedFields({ ...(chosen as object), bundle: 'clinic' });
    expect(switched).not.toHaveProperty('premises');
    expect(switched).toHaveProperty('clinic.practitioners', [{ name: '', licenceNumber: '' }]);
  });

  it('puts each problem of a trade field on a labelled field of a step the form asks', () => {
    const restaurant = fixture('valid-restaurant');
    restaurant.premises.areaM2 = -1;
    restaurant.premises.foodSafetyManager.mobile = '12345';
    delete restaurant.premises.fireSafetyCommitment;
    const clinic = fixture('valid-clinic');
    clinic.clinic.beds = 1.5;
    clinic.clinic.medicalSubjects[1] = '';
    clinic.clinic.practitioners[1].licenceNumber = 'not a number!';

    for (const [form, expected] of [
      [restaurant, ['premises.areaM2', 'premises.fireSafetyCommitment', 'premises.foodSafetyManager.mobile']],
      [clinic, ['clinic.beds', 'clinic.medicalSubjects[1]', 'clinic.practitioners[1].licenceNumber']],
    ] as const) {
      const errors = checkForm(form);
      expect(errors.map((error) => error.path).sort()).toEqual([...expected].sort());
      for (const error of errors) {
        expect(stepsFor(form)).toContain(stepOf(error.path));
        // The input at the path has a label of its own (its id is the path's: fieldId).
        for (const lang of LANGUAGES) expect(shortLabel(error.path, MESSAGES[lang])).not.toBe(error.path);
      }
    }
  });
});
