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
  return (
    <div class="step-fields">
      <Group path="legalRepresentative" legend={t.groups.legalRepresentative}>
        <TextField path="legalRepresentative.name" />
        <TextField path="legalRepresentative.idNumber" />
        <TextField path="legalRepresentative.mobile" type="tel" />
        <SelectField
          path="legalRepresentative.position"
          options={optionsOf(LEGAL_REPRESENTATIVE_POSITIONS, t.options.position)}
        />
      </Group>
      <Group
        path="shareholders"
        legend={t.groups.shareholders}
        actions={<AddButton path="shareholders" label={t.apply.addShareholder} make={emptyShareholder} />}
      >
        <CapitalCheck shareholders={shareholders} />
        {shareholders.map((shareholder, index) => (
          <Shareholder key={index} index={index} kind={shareholder.kind as string} />
        ))}
      </Group>
      <Group
        path="directors"
        legend={t.groups.directors}
        actions={
          <AddButton path="directors" label={t.apply.addDirector} make={() => ({ name: '', idNumber: '' })} />
        }
      >
        {directors.map((_, index) => {
          const legend = t.groups['directors[]'](index + 1);
          return (
            <Group
              key={index}
              path={`directors[${index}]`}
              legend={legend}
              actions={<RemoveButton path="directors" index={index} itemLabel={legend} />}
            >
              <TextField path={`directors[${index}].name`} />
              <TextField path={`directors[${index}].idNumber`} />
            </Group>
          );
        })}
      </Group>
      <SelectField
        path="supervisoryArrangement"
        options={optionsOf(SUPERVISORY_ARRANGEMENTS, t.options.supervisoryArrangement)}
        onChange={(value) => {
          binding.set('supervisoryArrangement', value);
          binding.set('supervisor', value === 'supervisor' ? { name: '', idNumber: '' } : undefined);
        }}
      />
      {arrangement === 'supervisor' ? (
        <Group path="supervisor" legend={t.groups.supervisor}>
          <TextField path="supervisor.name" />
          <TextField path="supervisor.idNumber" />
        </Group>
      ) : null}
      <div class="choice">
        <input
          id="has-manager"
          type="checkbox"
          checked={hasManager}
          onChange={(event) =>
            binding.set('manager', event.currentTarget.checked ? { name: '', idNumber: '' } : undefined)
          }
        />
        <label for="has-manager">{t.apply.hasManager}</label>
      </div>
      {hasManager ? (
        <Group path="manager" legend={t.groups.manager}>
          <TextField path="manager.name" />
          <TextField path="manager.idNumber" />
        </Group>
      ) : null}
      <Group path="contact" legend={t.groups.contact}>
        <TextField path="contact.name" />
        <TextField path="contact.mobile" type="tel" />
        <TextField path="contact.email" type="email" optional />
      </Group>
    </div>
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
  return (
    <Group
      path={path}
      legend={legend}
      actions={<RemoveButton path="shareholders" index={props.index} itemLabel={legend} />}
    >
      <RadioField
        path={`${path}.kind`}
        options={optionsOf(SHAREHOLDER_KINDS, t.options.shareholderKind)}
        onChange={switchKind}
      />
      <TextField path={`${path}.name`} />
      {props.kind === 'legal-person' ? (
        <TextField path={`${path}.uscc`} />
      ) : (
        <TextField path={`${path}.idNumber`} />
      )}
      <NumberField path={`${path}.subscribedCapitalCny`} />
      <TextField path={`${path}.contributionDeadline`} type="date" />
      <SelectField
        path={`${path}.contributionMethod`}
        options={optionsOf(CONTRIBUTION_METHODS, t.options.contributionMethod)}
      />
    </Group>
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
  const total = t.apply.capitalTotal(formatYuan(subscribed, lang), formatYuan(registered, lang));
  return (
    <p class={matches ? 'capital-check capital-ok' : 'capital-check capital-off'} role="status">
      {`${total} ${matches ? t.apply.capitalMatches : t.apply.capitalMismatch}`}
    </p>
  );
}
