import { useLanguage } from '../i18n/language';
import { useBinding } from './binding';

/** Buttons that add an item to a list field or remove one from it, named for what they act on. */

export function AddButton(props: { path: string; label: string; make: () => unknown }) {
  const binding = useBinding();
  return (
    <button
      type="button"
      class="button-secondary"
      onClick={() =>
        binding.set(props.path, [...((binding.get(props.path) as unknown[]) ?? []), props.make()])
      }
    >
      {`+ ${props.label}`}
    </button>
  );
}

export function RemoveButton(props: { path: string; index: number; itemLabel: string }) {
  const { t } = useLanguage();
  const binding = useBinding();
  const items = (binding.get(props.path) as unknown[]) ?? [];
  if (items.length <= 1) return null;
  return (
    <button
      type="button"
      class="button-link"
      aria-label={`${t.apply.remove} ${props.itemLabel}`}
      onClick={() =>
        binding.set(
          props.path,
          items.filter((_, index) => index !== props.index),
        )
      }
    >
      {t.apply.remove}
    </button>
  );
}
