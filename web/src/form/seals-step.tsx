import { SEAL_KINDS } from '../../../shared/form/seals';
import { useLanguage } from '../i18n/language';
import { CheckboxesField, Group, optionsOf, TextField } from './fields';

/** The seals to make, and the licensed seal maker that makes them. */
export function SealsStep() {
  const { t } = useLanguage();
  return (
    <div class="step-fields">
      <CheckboxesField path="seals.set" options={optionsOf(SEAL_KINDS, t.options.sealKind)} />
      <Group path="seals.maker" legend={t.groups['seals.maker']}>
        <TextField path="seals.maker.name" wide />
        <TextField path="seals.maker.uscc" />
      </Group>
    </div>
  );
}
