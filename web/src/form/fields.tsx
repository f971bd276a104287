import type { ComponentChildren } from 'preact';
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
  return (
    <div id={`${props.id}-messages`} class="field-messages">
      {props.messages.map((message) => (
        <p
          key={`${message.kind}:${message.text}`}
          class={message.kind === 'error' ? 'field-error' : 'field-request'}
        >
          <span class={message.kind === 'error' ? 'visually-hidden' : 'field-request-label'}>
            {`${message.kind === 'error' ? t.errors.errorPrefix : t.errors.officerSays}${t.app.colon}`}
          </span>
          {message.text}
        </p>
      ))}
    </div>
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
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      ) : null}
      <FieldMessages id={props.id} messages={props.messages} />
      {props.children}
    </div>
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
  return (
    <Shell id={id} label={label} hint={hint} messages={messages}>
      <input
        id={id}
        name={props.path}
        // preact's input types take one type at a time, not a union; all of these take text's attributes.
        type={(props.type ?? 'text') as 'text'}
        class={props.wide ? 'input-wide' : undefined}
        value={(binding.get(props.path) as string | undefined) ?? ''}
        autoComplete={props.autoComplete ?? 'off'}
        readOnly={props.readOnly}
        onInput={(event) => {
          const value = event.currentTarget.value;
          binding.set(props.path, props.optional && value.trim() === '' ? undefined : value);
        }}
        {...aria}
      />
    </Shell>
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
  return (
    <Shell id={id} label={label} hint={hint} messages={messages}>
      <input
        id={id}
        name={props.path}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          binding.set(props.path, parseWhole(event.currentTarget.value));
        }}
        {...aria}
      />
    </Shell>
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
  return (
    <Shell id={id} label={label} hint={hint} messages={messages}>
      <select
        id={id}
        name={props.path}
        value={value}
        onChange={(event: Event) => {
          const next = (event.currentTarget as HTMLSelectElement).value;
          if (props.onChange) props.onChange(next);
          else binding.set(props.path, next);
        }}
        {...aria}
      >
        {value === '' || props.placeholder ? (
          <option value="">{props.placeholder ?? t.apply.choose}</option>
        ) : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
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
  return (
    <fieldset id={id} class="field choices" tabIndex={-1} {...aria}>
      <legend>{label}</legend>
      {hint ? (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldMessages id={id} messages={messages} />
      {props.options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div key={option.value} class="choice">
            <input
              id={optionId}
              type={props.type}
              name={props.path}
              value={option.value}
              checked={props.isChecked(option.value)}
              onChange={(event) => props.onToggle(option.value, event.currentTarget.checked)}
            />
            <label for={optionId}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function RadioField(props: { path: string; options: Option[]; onChange?: (value: string) => void }) {
  const binding = useBinding();
  return (
    <ChoiceGroup
      path={props.path}
      type="radio"
      options={props.options}
      isChecked={(value) => binding.get(props.path) === value}
      onToggle={(value) => (props.onChange ? props.onChange(value) : binding.set(props.path, value))}
    />
  );
}

/** A yes-or-no question, kept as a boolean. */
export function YesNoField(props: { path: string }) {
  const { t } = useLanguage();
  const binding = useBinding();
  const value = binding.get(props.path);
  return (
    <ChoiceGroup
      path={props.path}
      type="radio"
      options={[
        { value: 'yes', label: t.app.yes },
        { value: 'no', label: t.app.no },
      ]}
      isChecked={(option) => value === (option === 'yes')}
      onToggle={(option) => binding.set(props.path, option === 'yes')}
    />
  );
}

/** A set of values, kept in the order of the options. */
export function CheckboxesField(props: { path: string; options: Option[] }) {
  const binding = useBinding();
  const chosen = (binding.get(props.path) as string[] | undefined) ?? [];
  return (
    <ChoiceGroup
      path={props.path}
      type="checkbox"
      options={props.options}
      isChecked={(value) => chosen.includes(value)}
      onToggle={(value, checked) =>
        binding.set(
          props.path,
          props.options
            .map((option) => option.value)
            .filter((candidate) => (candidate === value ? checked : chosen.includes(candidate))),
        )
      }
    />
  );
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
  return (
    <fieldset
      id={id}
      class="group"
      tabIndex={id ? -1 : undefined}
      aria-describedby={messages.length > 0 ? `${id}-messages` : undefined}
    >
      <legend>{props.legend}</legend>
      {id ? <FieldMessages id={id} messages={messages} /> : null}
      <div class="group-fields">{props.children}</div>
      {props.actions ? <div class="group-actions">{props.actions}</div> : null}
    </fieldset>
  );
}

/** Options from a translated enum, in the order the API defines the values. */
export function optionsOf(values: readonly string[], labels: Record<string, string>): Option[] {
  return values.map((value) => ({ value, label: labels[value] ?? value }));
}
