import { h } from 'preact';
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
  return h(
    'div',
    { class: 'step-fields' },
    props.forAgent
      ? h(
          Group,
          { legend: t.apply.onBehalfOf },
          h('p', { class: 'field-hint' }, t.apply.onBehalfOfHint),
          h(TextField, { path: 'headers.on-behalf-of' }),
        )
      : null,
    h(SelectField, {
      path: 'company.organizationForm',
      options: optionsOf(ORGANIZATION_FORMS, t.options.organizationForm),
    }),
    h(
      Group,
      { path: 'company.name', legend: t.groups['company.name'] },
      h('p', { class: 'field-hint' }, t.apply.nameParts),
      h(SelectField, {
        path: 'company.name.region',
        options: NAME_REGIONS.map((value) => ({ value, label: value })),
      }),
      h(TextField, { path: 'company.name.tradeName' }),
      h(TextField, { path: 'company.name.industry' }),
      h(SelectField, {
        path: 'company.name.organizationForm',
        options: (SUFFIXES_BY_FORM[type] ?? []).map((value) => ({ value, label: value })),
      }),
      h(RadioField, {
        path: 'company.name.placement',
        options: optionsOf(NAME_PLACEMENTS, t.options.placement),
      }),
      h(
        'div',
        { class: 'field name-preview', id: fullNameId, tabIndex: -1 },
        h('span', { class: 'name-preview-label', id: `${fullNameId}-label` }, t.apply.namePreview),
        h(FieldMessages, { id: fullNameId, messages: fullNameMessages }),
        h(
          'output',
          { 'aria-labelledby': `${fullNameId}-label`, 'aria-live': 'polite', class: 'name-preview-value' },
          (binding.get('company.name.full') as string) || '—',
        ),
      ),
    ),
    h(NumberField, { path: 'company.registeredCapitalCny' }),
    h(
      Group,
      {
        path: 'company.businessScope',
        legend: t.groups['company.businessScope'],
        actions: h(AddButton, {
          path: 'company.businessScope',
          label: t.apply.addScopeItem,
          make: () => ({ description: '', category: 'general' }),
        }),
      },
      scope.map((_, index) => {
        const path = `company.businessScope[${index}]`;
        const legend = t.groups['company.businessScope[]'](index + 1);
        return h(
          Group,
          {
            key: index,
            path,
            legend,
            actions: h(RemoveButton, { path: 'company.businessScope', index, itemLabel: legend }),
          },
          h(TextField, { path: `${path}.description`, wide: true }),
          h(SelectField, {
            path: `${path}.category`,
            options: optionsOf(SCOPE_CATEGORIES, t.options.scopeCategory),
          }),
        );
      }),
    ),
    h(
      Group,
      { path: 'company.address', legend: t.groups['company.address'] },
      h(TextField, { path: 'company.address.city', readOnly: true }),
      h(SelectField, {
        path: 'company.address.district',
        options: GUANGZHOU_DISTRICTS.map((candidate) => ({
          value: candidate.name,
          label: t.district(candidate.name, candidate.slug),
        })),
      }),
      h(SelectField, {
        path: 'company.address.street',
        placeholder: district ? t.apply.choose : t.apply.chooseDistrictFirst,
        options: streets.map((street) => ({ value: street, label: street })),
      }),
      h(TextField, { path: 'company.address.detail', wide: true }),
    ),
  );
}
