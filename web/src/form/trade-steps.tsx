import { FOOD_CATEGORIES } from '../../../shared/form/trade-sections';
import { useLanguage } from '../i18n/language';
import { useBinding } from './binding';
import { emptyPractitioner } from './draft';
import { CheckboxesField, Group, NumberField, optionsOf, TextField, YesNoField } from './fields';
import { AddButton, RemoveButton } from './list-actions';

/**
 * The sections only some items read (shared/form/trade-sections.ts): each is a step of its own, asked
 * exactly when an item of the case reads it.
 */

/** A restaurant's premises: what the food business licence and the fire-safety inspection read. */
export function PremisesStep() {
  const { t } = useLanguage();
  return (
    <div class="step-fields">
      <Group path="premises" legend={t.groups.premises}>
        <NumberField path="premises.areaM2" />
        <CheckboxesField
          path="premises.foodCategories"
          options={optionsOf(FOOD_CATEGORIES, t.options.foodCategory)}
        />
        <Group path="premises.foodSafetyManager" legend={t.groups['premises.foodSafetyManager']}>
          <TextField path="premises.foodSafetyManager.name" />
          <TextField path="premises.foodSafetyManager.mobile" type="tel" />
        </Group>
        <YesNoField path="premises.fireSafetyCommitment" />
      </Group>
    </div>
  );
}

/** A clinic's practice: its medical subjects, beds and practitioners. */
export function ClinicStep() {
  const { t } = useLanguage();
  const binding = useBinding();
  const subjects = (binding.get('clinic.medicalSubjects') as unknown[] | undefined) ?? [];
  const practitioners = (binding.get('clinic.practitioners') as unknown[] | undefined) ?? [];
  return (
    <div class="step-fields">
      <Group
        path="clinic.medicalSubjects"
        legend={t.groups['clinic.medicalSubjects']}
        actions={
          <AddButton path="clinic.medicalSubjects" label={t.apply.addMedicalSubject} make={() => ''} />
        }
      >
        {subjects.map((_, index) => (
          <div key={index} class="list-entry">
            <TextField path={`clinic.medicalSubjects[${index}]`} />
            <RemoveButton
              path="clinic.medicalSubjects"
              index={index}
              itemLabel={t.groups['clinic.medicalSubjects[]'](index + 1)}
            />
          </div>
        ))}
      </Group>
      <NumberField path="clinic.beds" />
      <Group
        path="clinic.practitioners"
        legend={t.groups['clinic.practitioners']}
        actions={
          <AddButton path="clinic.practitioners" label={t.apply.addPractitioner} make={emptyPractitioner} />
        }
      >
        {practitioners.map((_, index) => {
          const legend = t.groups['clinic.practitioners[]'](index + 1);
          return (
            <Group
              key={index}
              path={`clinic.practitioners[${index}]`}
              legend={legend}
              actions={<RemoveButton path="clinic.practitioners" index={index} itemLabel={legend} />}
            >
              <TextField path={`clinic.practitioners[${index}].name`} />
              <TextField path={`clinic.practitioners[${index}].licenceNumber`} />
            </Group>
          );
        })}
      </Group>
    </div>
  );
}

/** The employer: what social insurance and housing fund registration read. */
export function EmploymentStep() {
  return (
    <div class="step-fields">
      <NumberField path="employment.employees" />
    </div>
  );
}
