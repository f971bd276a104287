import { h } from 'preact';
import {
  CONTRIBUTION_METHODS,
  LEGAL_REPRESENTATIVE_POSITIONS,
  SUPERVISORY_ARRANGEMENTS,
} from '../../../shared/form/people';
import { formatYuan } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { useBinding } from './binding';
import { emptyShareholder } from './draft';
import { Group, NumberField, optionsOf, RadioField, SelectField, TextField } from './fields';
import { AddButton, RemoveButton } from './list-actions';
import type { Json } from './path';

const SHAREHOLDER_KINDS = ['natural-person', 'legal-person'] as const;

/** Legal representative, shareholders with their capital, directors, supervision, manager and contact. */
export function PeopleStep() {
  const { t } = useLanguage();
  const binding = useBinding();
  const shareholders = (binding.get('shareholders') as Json[]) ?? [];
  const directors = (binding.get('directors') as unknown[]) ?? [];
  const arrangement = binding.get('supervisoryArrangement');
  const hasManager = binding.get('manager') !== undefined;
  return h(
    'div',
    { class: 'step-fields' },
    h(
      Group,
      { path: 'legalRepresentative', legend: t.groups.legalRepresentative },
      h(TextField, { path: 'legalRepresentative.name' }),
      h(TextField, { path: 'legalRepresentative.idNumber' }),
      h(TextField, { path: 'legalRepresentative.mobile', type: 'tel' }),
      h(SelectField, {
        path: 'legalRepresentative.position',
        options: optionsOf(LEGAL_REPRESENTATIVE_POSITIONS, t.options.position),
      }),
    ),
    h(
      Group,
      {
        path: 'shareholders',
        legend: t.groups.shareholders,
        actions: h(AddButton, {
          path: 'shareholders',
          label: t.apply.addShareholder,
          make: emptyShareholder,
        }),
      },
      h(CapitalCheck, { shareholders }),
      shareholders.map((shareholder, index) =>
        h(Shareholder, { key: index, index, kind: shareholder.kind as string }),
      ),
    ),
    h(
      Group,
      {
        path: 'directors',
        legend: t.groups.directors,
        actions: h(AddButton, {
          path: 'directors',
          label: t.apply.addDirector,
          make: () => ({ name: '', idNumber: '' }),
        }),
      },
      directors.map((_, index) => {
        const legend = t.groups['directors[]'](index + 1);
        return h(
          Group,
          {
            key: index,
            path: `directors[${index}]`,
            legend,
            actions: h(RemoveButton, { path: 'directors', index, itemLabel: legend }),
          },
          h(TextField, { path: `directors[${index}].name` }),
          h(TextField, { path: `directors[${index}].idNumber` }),
        );
      }),
    ),
    h(SelectField, {
      path: 'supervisoryArrangement',
      options: optionsOf(SUPERVISORY_ARRANGEMENTS, t.options.supervisoryArrangement),
      onChange: (value) => {
        binding.set('supervisoryArrangement', value);
        binding.set('supervisor', value === 'supervisor' ? { name: '', idNumber: '' } : undefined);
      },
    }),
    arrangement === 'supervisor'
      ? h(
          Group,
          { path: 'supervisor', legend: t.groups.supervisor },
          h(TextField, { path: 'supervisor.name' }),
          h(TextField, { path: 'supervisor.idNumber' }),
        )
      : null,
    h(
      'div',
      { class: 'choice' },
      h('input', {
        id: 'has-manager',
        type: 'checkbox',
        checked: hasManager,
        onChange: (event) =>
          binding.set('manager', event.currentTarget.checked ? { name: '', idNumber: '' } : undefined),
      }),
      h('label', { for: 'has-manager' }, t.apply.hasManager),
    ),
    hasManager
      ? h(
          Group,
          { path: 'manager', legend: t.groups.manager },
          h(TextField, { path: 'manager.name' }),
          h(TextField, { path: 'manager.idNumber' }),
        )
      : null,
    h(
      Group,
      { path: 'contact', legend: t.groups.contact },
      h(TextField, { path: 'contact.name' }),
      h(TextField, { path: 'contact.mobile', type: 'tel' }),
      h(TextField, { path: 'contact.email', type: 'email', optional: true }),
    ),
  );
}

function Shareholder(props: { index: number; kind: string }) {
  const { t } = useLanguage();
  const binding = useBinding();
  const path = `shareholders[${props.index}]`;
  const legend = t.groups['shareholders[]'](props.index + 1);
  const switchKind = (kind: string) => {
    const current = binding.get(path) as Json;
    const { idNumber: _id, uscc: _uscc, ...shared } = current;
    binding.set(path, { ...shared, kind, ...(kind === 'natural-person' ? { idNumber: '' } : { uscc: '' }) });
  };
  return h(
    Group,
    {
      path,
      legend,
      actions: h(RemoveButton, { path: 'shareholders', index: props.index, itemLabel: legend }),
    },
    h(RadioField, {
      path: `${path}.kind`,
      options: optionsOf(SHAREHOLDER_KINDS, t.options.shareholderKind),
      onChange: switchKind,
    }),
    h(TextField, { path: `${path}.name` }),
    props.kind === 'legal-person'
      ? h(TextField, { path: `${path}.uscc` })
      : h(TextField, { path: `${path}.idNumber` }),
    h(NumberField, { path: `${path}.subscribedCapitalCny` }),
    h(TextField, { path: `${path}.contributionDeadline`, type: 'date' }),
    h(SelectField, {
      path: `${path}.contributionMethod`,
      options: optionsOf(CONTRIBUTION_METHODS, t.options.contributionMethod),
    }),
  );
}

/** Registered capital is what the shareholders subscribe: the sum is shown while it is being typed. */
function CapitalCheck(props: { shareholders: Json[] }) {
  const { t, lang } = useLanguage();
  const binding = useBinding();
  const registered = binding.get('company.registeredCapitalCny');
  const amounts = props.shareholders.map((shareholder) => shareholder.subscribedCapitalCny);
  if (typeof registered !== 'number' || !amounts.every((amount) => typeof amount === 'number')) return null;
  const subscribed = (amounts as number[]).reduce((sum, amount) => sum + amount, 0);
  const matches = subscribed === registered;
  return h(
    'p',
    { class: matches ? 'capital-check capital-ok' : 'capital-check capital-off', role: 'status' },
    `${t.apply.capitalTotal(formatYuan(subscribed, lang), formatYuan(registered, lang))} ${matches ? t.apply.capitalMatches : t.apply.capitalMismatch}`,
  );
}
