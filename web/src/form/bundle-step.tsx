import { CATALOGUE } from '../../../shared/catalogue';
import { bundleOf } from '../../../shared/catalogue/case-plan';
import { itemLabel } from '../catalogue/names';
import { useLanguage } from '../i18n/language';
import { useBinding } from './binding';
import { CheckboxesField, RadioField } from './fields';

/** What the founder is opening: a bundle of the catalogue, and the optional items it offers. */
export function BundleStep() {
  const { t, lang } = useLanguage();
  const binding = useBinding();
  const bundle = bundleOf(CATALOGUE, binding.get('bundle') as string | undefined);
  const list = (items: readonly string[]) =>
    items.map((item) => itemLabel(item, lang)).join(lang === 'zh' ? '、' : ', ');
  return (
    <div class="step-fields">
      <p class="field-hint">{t.apply.bundleIntro}</p>
      <RadioField
        path="bundle"
        options={CATALOGUE.bundles.map((entry) => ({
          value: entry.id,
          label: `${entry.name[lang]} · ${t.apply.committedDays(entry.slaWorkingDays)}`,
        }))}
        onChange={(value) => {
          const chosen = bundleOf(CATALOGUE, value);
          const added = (binding.get('optionalItems') as string[] | undefined) ?? [];
          binding.set('bundle', value);
          binding.set(
            'optionalItems',
            added.filter((item) => chosen?.optionalItems.includes(item)),
          );
        }}
      />
      {bundle ? <p class="field-hint">{t.apply.bundleItems(list(bundle.items))}</p> : null}
      {bundle && bundle.optionalItems.length > 0 ? (
        <CheckboxesField
          path="optionalItems"
          options={bundle.optionalItems.map((item) => ({ value: item, label: itemLabel(item, lang) }))}
        />
      ) : null}
    </div>
  );
}
