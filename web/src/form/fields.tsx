import { type ComponentChildren, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLanguage } from '../i18n/language';
import { type FieldMessage, useBinding } from './binding';
import { fieldHint, fieldId, shortLabel } from './field-labels';

/**
 * Inputs bound to a field path of the form. Each has a label, its hint and messages linked with
 * aria-describedby, and aria-invalid while a problem is shown; the id is the path's, so an error summary
 * can take the user straight to it.
 */

export interface Option {
  value: string;
  label: string;
}

function describedBy(id: string, hint: string | undefined, messages: FieldMessage[]): string | undefined {
  const ids = [hint ? `${id}-hint` : '', messages.length > 0 ? `${id}-messages` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages(props: { id: string; messages: FieldMessage[] }) {
  const { t } = useLanguage();
  if (props.messages.length === 0) return null;
  return h(
    'div',
    { id: `${props.id}-messages`, class: 'field-messages' },
    props.messages.map((message) =>
      h(
        'p',
        {
          key: `${message.kind}:${message.text}`,
          class: message.kind === 'error' ? 'field-error' : 'field-request',
        },
        h(
          'span',
          { class: message.kind === 'error' ? 'visually-hidden' : 'field-request-label' },
          `${message.kind === 'error' ? t.errors.errorPrefix : t.errors.officerSays}${t.app.colon}`,
        ),
        message.text,
      ),
    ),
  );
}

function useField(path: string) {
  const { t } = useLanguage();
  const binding = useBinding();
  const id = fieldId(path);
  const hint = fieldHint(path, t);
  const messages = binding.messages(path);
  return {
    t,
    binding,
    id,
    hint,
    messages,
    label: shortLabel(path, t),
    aria: {
      'aria-describedby': describedBy(id, hint, messages),
      'aria-invalid': messages.some((message) => message.kind === 'error') ? ('true' as const) : undefined,
    },
  };
}

function Shell(props: {
  id: string;
  label: string;
  hint?: string;
  messages: FieldMessage[];
  children?: ComponentChildren;
}) {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: props.id }, props.label),
    props.hint ? h('p', { id: `${props.id}-hint`, class: 'field-hint' }, props.hint) : null,
    h(FieldMessages, { id: props.id, messages: props.messages }),
    props.children,
  );
}

export function TextField(props: {
  path: string;
  type?: 'text' | 'tel' | 'email' | 'date';
  autoComplete?: string;
  /** An empty optional field is left out of the form instead of sent empty. */
  optional?: boolean;
  readOnly?: boolean;
  wide?: boolean;
}) {
  const { binding, id, hint, messages, label, aria } = useField(props.path);
  return h(
    Shell,
    { id, label, hint, messages },
    h('input', {
      id,
      name: props.path,
      type: props.type ?? 'text',
      class: props.wide ? 'input-wide' : undefined,
      value: (binding.get(props.path) as string | undefined) ?? '',
      autoComplete: props.autoComplete ?? 'off',
      readOnly: props.readOnly,
      onInput: (event) => {
        const value = event.currentTarget.value;
        binding.set(props.path, props.optional && value.trim() === '' ? undefined : value);
      },
      ...aria,
    }),
  );
}

/** Whole numbers typed as text: digit grouping is accepted, anything else is kept for the check to name. */
function parseWhole(text: string): number | string | undefined {
  const compact = text.replace(/[\s,，]/g, '');
  if (compact === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : text;
}

export function NumberField(props: { path: string }) {
  const { binding, id, hint, messages, label, aria } = useField(props.path);
  const value = binding.get(props.path) as number | string | undefined;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    if (parseWhole(text) !== value) setText(value === undefined ? '' : String(value));
  }, [value]);
  return h(
    Shell,
    { id, label, hint, messages },
    h('input', {
      id,
      name: props.path,
      type: 'text',
      inputMode: 'numeric',
      autoComplete: 'off',
      value: text,
      onInput: (event) => {
        setText(event.currentTarget.value);
        binding.set(props.path, parseWhole(event.currentTarget.value));
      },
      ...aria,
    }),
  );
}

export function SelectField(props: {
  path: string;
  options: Option[];
  placeholder?: string;
  onChange?: (value: string) => void;
}) {
  const { binding, id, hint, messages, label, aria, t } = useField(props.path);
  const value = (binding.get(props.path) as string | undefined) ?? '';
  return h(
    Shell,
    { id, label, hint, messages },
    h(
      'select',
      {
        id,
        name: props.path,
        value,
        onChange: (event: Event) => {
          const next = (event.currentTarget as HTMLSelectElement).value;
          if (props.onChange) props.onChange(next);
          else binding.set(props.path, next);
        },
        ...aria,
      },
      value === '' || props.placeholder
        ? h('option', { value: '' }, props.placeholder ?? t.apply.choose)
        : null,
      props.options.map((option) => h('option', { key: option.value, value: option.value }, option.label)),
    ),
  );
}

function ChoiceGroup(props: {
  path: string;
  type: 'radio' | 'checkbox';
  options: Option[];
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const { id, hint, messages, label, aria } = useField(props.path);
  return h(
    'fieldset',
    { id, class: 'field choices', tabIndex: -1, ...aria },
    h('legend', null, label),
    hint ? h('p', { id: `${id}-hint`, class: 'field-hint' }, hint) : null,
    h(FieldMessages, { id, messages }),
    props.options.map((option) => {
      const optionId = `${id}-${option.value}`;
      return h(
        'div',
        { key: option.value, class: 'choice' },
        h('input', {
          id: optionId,
          type: props.type,
          name: props.path,
          value: option.value,
          checked: props.isChecked(option.value),
          onChange: (event) => props.onToggle(option.value, event.currentTarget.checked),
        }),
        h('label', { for: optionId }, option.label),
      );
    }),
  );
}

export function RadioField(props: { path: string; options: Option[]; onChange?: (value: string) => void }) {
  const binding = useBinding();
  return h(ChoiceGroup, {
    path: props.path,
    type: 'radio',
    options: props.options,
    isChecked: (value) => binding.get(props.path) === value,
    onToggle: (value) => (props.onChange ? props.onChange(value) : binding.set(props.path, value)),
  });
}

/** A set of values, kept in the order of the options. */
export function CheckboxesField(props: { path: string; options: Option[] }) {
  const binding = useBinding();
  const chosen = (binding.get(props.path) as string[] | undefined) ?? [];
  return h(ChoiceGroup, {
    path: props.path,
    type: 'checkbox',
    options: props.options,
    isChecked: (value) => chosen.includes(value),
    onToggle: (value, checked) =>
      binding.set(
        props.path,
        props.options
          .map((option) => option.value)
          .filter((candidate) => (candidate === value ? checked : chosen.includes(candidate))),
      ),
  });
}

/**
 * A named group of fields (a person, a shareholder, an address). Problems with the group as a whole, such
 * as "the capital does not add up", show under its legend.
 */
export function Group(props: {
  path?: string;
  legend: string;
  actions?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const binding = useBinding();
  const id = props.path === undefined ? undefined : fieldId(props.path);
  const messages = props.path === undefined ? [] : binding.messages(props.path);
  return h(
    'fieldset',
    {
      id,
      class: 'group',
      tabIndex: id ? -1 : undefined,
      'aria-describedby': messages.length > 0 ? `${id}-messages` : undefined,
    },
    h('legend', null, props.legend),
    id ? h(FieldMessages, { id, messages }) : null,
    h('div', { class: 'group-fields' }, props.children),
    props.actions ? h('div', { class: 'group-actions' }, props.actions) : null,
  );
}

/** Options from a translated enum, in the order the API defines the values. */
export function optionsOf(values: readonly string[], labels: Record<string, string>): Option[] {
  return values.map((value) => ({ value, label: labels[value] ?? value }));
}
