import { useState } from 'preact/hooks';
import { MATERIAL_TYPES, REQUIRED_MATERIALS } from '../../../shared/form/materials';
import { formatBytes } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { useBinding } from './binding';
import { fieldId } from './field-labels';
import { FieldMessages, Group } from './fields';
import { fileFacts } from './file-digest';
import type { Json } from './path';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The one set of materials: a file picker per kind of document; files are fingerprinted here. */
export function MaterialsStep() {
  const { t } = useLanguage();
  const binding = useBinding();
  const materials = (binding.get('materials') as Json[]) ?? [];
  const [hashing, setHashing] = useState(false);
  const add = async (type: string, files: FileList | null) => {
    if (!files || files.length === 0) return;
    setHashing(true);
    try {
      const added = await Promise.all(
        Array.from(files, async (file) => ({ type, ...(await fileFacts(file)) })),
      );
      binding.set('materials', [...((binding.get('materials') as Json[]) ?? []), ...added]);
    } finally {
      setHashing(false);
    }
  };
  const required = new Set<string>(REQUIRED_MATERIALS.map((material) => material.type));
  return (
    <div class="step-fields">
      <p class="field-hint">{t.apply.materialsIntro}</p>
      <Group path="materials" legend={t.groups.materials}>
        {hashing ? <p role="status">{t.apply.hashing}</p> : null}
        {MATERIAL_TYPES.map((type) => {
          const label = t.options.materialType[type];
          const inputId = `materials-${type}`;
          const chosen = materials.flatMap((material, index) =>
            material.type === type ? [{ material, index }] : [],
          );
          return (
            <div key={type} class="field material">
              <label for={inputId}>
                {label}
                {required.has(type) ? <span class="required">{t.apply.required}</span> : null}
              </label>
              <input
                id={inputId}
                type="file"
                multiple
                accept={ACCEPT}
                onChange={async (event) => {
                  const input = event.currentTarget;
                  await add(type, input.files);
                  input.value = '';
                }}
              />
              {chosen.length === 0 ? (
                <p class="field-hint">{t.apply.noFiles}</p>
              ) : (
                <ul class="file-list">
                  {chosen.map(({ material, index }) => (
                    <ChosenFile key={material.sha256 as string} material={material} index={index} />
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </Group>
    </div>
  );
}

function ChosenFile(props: { material: Json; index: number }) {
  const { t, lang } = useLanguage();
  const binding = useBinding();
  const path = `materials[${props.index}]`;
  const id = fieldId(path);
  const messages = binding
    .messages(path)
    .concat(
      ['fileName', 'sha256', 'sizeBytes', 'mediaType', 'type'].flatMap((key) =>
        binding.messages(`${path}.${key}`),
      ),
    );
  const name = props.material.fileName as string;
  return (
    <li id={id} tabIndex={-1} class={messages.length > 0 ? 'file file-invalid' : 'file'}>
      <span class="file-name">{name}</span>
      <span class="file-meta">{t.apply.fileSize(formatBytes(props.material.sizeBytes as number, lang))}</span>
      <button
        type="button"
        class="button-link"
        aria-label={`${t.apply.remove} ${name}`}
        onClick={() =>
          binding.set(
            'materials',
            ((binding.get('materials') as Json[]) ?? []).filter((_, index) => index !== props.index),
          )
        }
      >
        {t.apply.remove}
      </button>
      <FieldMessages id={id} messages={messages} />
    </li>
  );
}
