import { useState } from 'preact/hooks';
import { CATALOGUE } from '../../../shared/catalogue';
import { casePlan } from '../../../shared/catalogue/case-plan';
import { type Checklist, materialsToFile } from '../../../shared/catalogue/checklist';
import { answersOf } from '../../../shared/catalogue/form-answers';
import { MATERIAL_TYPES } from '../../../shared/form/materials';
import { itemLabel } from '../catalogue/names';
import { formatBytes } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import type { MaterialEntry } from '../uploads/material-entry';
import { useBinding } from './binding';
import { materialLabel } from './display-value';
import { fieldId } from './field-labels';
import { FieldMessages, Group } from './fields';
import type { Json } from './path';
import { UploadProgress } from './upload-progress';
import { useMaterialUploads } from './use-material-uploads';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** What this form's items ask the founder to file, given the answers so far (shared/catalogue/checklist.ts). */
function checklistOf(form: Json): Checklist['materials'] {
  try {
    const plan = casePlan(CATALOGUE, form as Parameters<typeof casePlan>[1]);
    return materialsToFile(plan.items, answersOf(form as Parameters<typeof answersOf>[0], plan.bundle));
  } catch {
    // No bundle the catalogue offers: the bundle step says so; there is no checklist to show yet.
    return [];
  }
}

/**
 * The one set of materials as a checklist that follows the answers: one file picker per material the
 * items ask for, naming the items that use it, and any other document under a type of its own.
 * A picked file is uploaded and checked at once; each shows how far it has come.
 */
export function MaterialsStep() {
  const { t, lang } = useLanguage();
  const binding = useBinding();
  const materials = (binding.get('materials') as Json[]) ?? [];
  const checklist = checklistOf(binding.get('') as Json);
  const [hashing, setHashing] = useState(false);
  const uploads = useMaterialUploads();
  const add = async (type: string, files: FileList | null) => {
    if (!files || files.length === 0) return;
    setHashing(true);
    try {
      for (const file of Array.from(files)) await uploads.add(type, file);
    } finally {
      setHashing(false);
    }
  };
  const filed = (matches: (type: string) => boolean) =>
    materials.flatMap((material, index) => (matches(material.type as string) ? [{ material, index }] : []));
  const listed = new Set(checklist.map((material) => material.id));
  const items = (ids: readonly string[]) =>
    ids.map((item) => itemLabel(item, lang)).join(lang === 'zh' ? '、' : ', ');
  return (
    <div class="step-fields">
      <p class="field-hint">{t.apply.materialsIntro}</p>
      <p class="field-hint">{t.apply.checklistIntro}</p>
      <Group path="materials" legend={t.groups.materials}>
        {hashing ? <p role="status">{t.apply.hashing}</p> : null}
        {checklist.map((material) => {
          const inputId = `materials-${material.id}`;
          return (
            <div key={material.id} class="field material">
              <label for={inputId}>
                {material.name[lang]}
                <span class="required">{t.apply.required}</span>
              </label>
              <p id={`${inputId}-hint`} class="field-hint">
                {t.apply.askedBy(items(material.items))}
              </p>
              <input
                id={inputId}
                type="file"
                multiple
                accept={ACCEPT}
                aria-describedby={`${inputId}-hint`}
                onChange={async (event) => {
                  const input = event.currentTarget;
                  await add(material.id, input.files);
                  input.value = '';
                }}
              />
              <ChosenFiles chosen={filed((type) => type === material.id)} />
            </div>
          );
        })}
        <OtherMaterials
          types={[...MATERIAL_TYPES.filter((type) => !listed.has(type)), ...listed]}
          chosen={filed((type) => !listed.has(type))}
          add={add}
        />
      </Group>
    </div>
  );
}

/** Any further document, under a type chosen from the form's kinds and the checklist's materials. */
function OtherMaterials(props: {
  types: string[];
  chosen: { material: Json; index: number }[];
  add: (type: string, files: FileList | null) => Promise<void>;
}) {
  const { t, lang } = useLanguage();
  const [type, setType] = useState<string>('other');
  return (
    <fieldset class="group material-other">
      <legend>{t.apply.otherMaterials}</legend>
      <div class="field">
        <label for="materials-other-type">{t.apply.otherMaterialType}</label>
        <select
          id="materials-other-type"
          value={type}
          onChange={(event: Event) => setType((event.currentTarget as HTMLSelectElement).value)}
        >
          {props.types.map((value) => (
            <option key={value} value={value}>
              {materialLabel(value, t, lang)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="materials-other-file">{t.apply.otherMaterialFile}</label>
        <input
          id="materials-other-file"
          type="file"
          multiple
          accept={ACCEPT}
          onChange={async (event) => {
            const input = event.currentTarget;
            await props.add(type, input.files);
            input.value = '';
          }}
        />
      </div>
      <ChosenFiles chosen={props.chosen} showType />
    </fieldset>
  );
}

function ChosenFiles(props: { chosen: { material: Json; index: number }[]; showType?: boolean }) {
  const { t } = useLanguage();
  if (props.chosen.length === 0) return <p class="field-hint">{t.apply.noFiles}</p>;
  return (
    <ul class="file-list">
      {props.chosen.map(({ material, index }) => {
        const entry = material as unknown as MaterialEntry;
        return (
          <ChosenFile
            key={entry.upload?.key ?? entry.uploadId ?? index}
            entry={entry}
            index={index}
            showType={props.showType}
          />
        );
      })}
    </ul>
  );
}

function ChosenFile(props: { entry: MaterialEntry; index: number; showType?: boolean }) {
  const { t, lang } = useLanguage();
  const binding = useBinding();
  const uploads = useMaterialUploads();
  const path = `materials[${props.index}]`;
  const id = fieldId(path);
  const messages = binding
    .messages(path)
    .concat(['type', 'uploadId'].flatMap((key) => binding.messages(`${path}.${key}`)));
  const { upload } = props.entry;
  const name = upload?.fileName ?? t.uploads.filed;
  const replaceId = `${id}-replace`;
  return (
    <li id={id} tabIndex={-1} class={messages.length > 0 ? 'file file-invalid' : 'file'}>
      <span class="file-name">{name}</span>
      {props.showType ? <span class="file-meta">{materialLabel(props.entry.type, t, lang)}</span> : null}
      {upload ? <span class="file-meta">{t.apply.fileSize(formatBytes(upload.sizeBytes, lang))}</span> : null}
      {upload ? <UploadProgress upload={upload} /> : null}
      <span class="file-actions">
        <label for={replaceId}>{t.uploads.replace(name)}</label>
        <input
          id={replaceId}
          type="file"
          class="file-replace"
          accept={ACCEPT}
          onChange={async (event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) await uploads.replace(props.index, file);
            input.value = '';
          }}
        />
        <button
          type="button"
          class="button-link"
          aria-label={`${t.apply.remove} ${name}`}
          onClick={() => uploads.remove(props.index)}
        >
          {t.apply.remove}
        </button>
      </span>
      <FieldMessages id={id} messages={messages} />
    </li>
  );
}
