import { materialPath } from '../api/endpoints';
import type { TaskDetail, TaskMaterial } from '../api/types';
import { StoredFile } from '../documents/stored-file';
import { materialLabel } from '../form/display-value';
import { useLanguage } from '../i18n/language';

/** The case's materials the task's item reads, each with the file it names (the form view carries them). */
export function taskMaterials(detail: TaskDetail): TaskMaterial[] {
  return (detail.application.form.materials ?? []).filter(
    (material): material is TaskMaterial =>
      material.fileName !== undefined && material.mediaType !== undefined,
  );
}

/** The materials the officer's item reads, each named by its kind and file, to preview or download. */
export function TaskMaterials(props: { detail: TaskDetail }) {
  const { t, lang } = useLanguage();
  const materials = taskMaterials(props.detail);
  const applicationId = props.detail.task.applicationId;
  return (
    <section class="panel" aria-labelledby="task-materials">
      <h2 id="task-materials">{t.task.materials}</h2>
      {materials.length === 0 ? (
        <p class="field-hint">{t.files.none}</p>
      ) : (
        <ul class="stored-files">
          {materials.map((material) => (
            <StoredFile
              key={material.uploadId}
              path={materialPath(applicationId, material.uploadId)}
              label={t.files.named(materialLabel(material.type, t, lang), material.fileName)}
              fileName={material.fileName}
              mediaType={material.mediaType}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
