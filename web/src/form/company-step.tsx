import { SCOPE_CATEGORIES } from '../../../shared/form/business-scope';
import {
  NAME_PLACEMENTS,
  NAME_REGIONS,
  ORGANIZATION_FORMS,
  SUFFIXES_BY_FORM,
} from '../../../shared/form/company-name';
import { GUANGZHOU_DISTRICTS } from '../../../shared/form/guangzhou';
import { useLanguage } from '../i18n/language';
import { useBinding } from './binding';
import { fieldId } from './field-labels';
import { FieldMessages, Group, NumberField, optionsOf, RadioField, SelectField, TextField } from './fields';
import { AddButton, RemoveButton } from './list-actions';

/** The company: type, name by its parts, capital, business scope and registered address in Guangzhou. */
export function CompanyStep(props: { forAgent: boolean }) {
  const { t } = useLanguage();
  const binding = useBinding();
  const type = binding.get('company.organizationForm') as keyof typeof SUFFIXES_BY_FORM;
  const district = binding.get('company.address.district') as string;
  const streets = GUANGZHOU_DISTRICTS.find((candidate) => candidate.name === district)?.streets ?? [];
  const scope = (binding.get('company.businessScope') as unknown[]) ?? [];
  const fullNameId = fieldId('company.name.full');
  const fullNameMessages = binding.messages('company.name.full');
  return (
    <div class="step-fields">
      {props.forAgent ? (
        <Group legend={t.apply.onBehalfOf}>
          <p class="field-hint">{t.apply.onBehalfOfHint}</p>
          <TextField path="headers.on-behalf-of" />
        </Group>
      ) : null}
      <SelectField
        path="company.organizationForm"
        options={optionsOf(ORGANIZATION_FORMS, t.options.organizationForm)}
      />
      <Group path="company.name" legend={t.groups['company.name']}>
        <p class="field-hint">{t.apply.nameParts}</p>
        <SelectField
          path="company.name.region"
          options={NAME_REGIONS.map((value) => ({ value, label: value }))}
        />
        <TextField path="company.name.tradeName" />
        <TextField path="company.name.industry" />
        <SelectField
          path="company.name.organizationForm"
          options={(SUFFIXES_BY_FORM[type] ?? []).map((value) => ({ value, label: value }))}
        />
        <RadioField path="company.name.placement" options={optionsOf(NAME_PLACEMENTS, t.options.placement)} />
        <div class="field name-preview" id={fullNameId} tabIndex={-1}>
          <span class="name-preview-label" id={`${fullNameId}-label`}>
            {t.apply.namePreview}
          </span>
          <FieldMessages id={fullNameId} messages={fullNameMessages} />
          <output aria-labelledby={`${fullNameId}-label`} aria-live="polite" class="name-preview-value">
            {(binding.get('company.name.full') as string) || '—'}
          </output>
        </div>
      </Group>
      <NumberField path="company.registeredCapitalCny" />
      <Group
        path="company.businessScope"
        legend={t.groups['company.businessScope']}
        actions={
          <AddButton
            path="company.businessScope"
            label={t.apply.addScopeItem}
            make={() => ({ description: '', category: 'general' })}
          />
        }
      >
        {scope.map((_, index) => {
          const path = `company.businessScope[${index}]`;
          const legend = t.groups['company.businessScope[]'](index + 1);
          return (
            <Group
              key={index}
              path={path}
              legend={legend}
              actions={<RemoveButton path="company.businessScope" index={index} itemLabel={legend} />}
            >
              <TextField path={`${path}.description`} wide />
              <SelectField
                path={`${path}.category`}
                options={optionsOf(SCOPE_CATEGORIES, t.options.scopeCategory)}
              />
            </Group>
          );
        })}
      </Group>
      <Group path="company.address" legend={t.groups['company.address']}>
        <TextField path="company.address.city" readOnly />
        <SelectField
          path="company.address.district"
          options={GUANGZHOU_DISTRICTS.map((candidate) => ({
            value: candidate.name,
            label: t.district(candidate.name, candidate.slug),
          }))}
        />
        <SelectField
          path="company.address.street"
          placeholder={district ? t.apply.choose : t.apply.chooseDistrictFirst}
          options={streets.map((street) => ({ value: street, label: street }))}
        />
        <TextField path="company.address.detail" wide />
      </Group>
    </div>
  );
}
