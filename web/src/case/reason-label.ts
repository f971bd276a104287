import type { TaskMaterial } from '../api/types';
import { materialLabel } from '../form/display-value';
import { fieldLabel } from '../form/field-labels';
import type { Language, Messages } from '../i18n/messages';

/** The files a case view names: the application's `{ type, uploadId }` and, where the API lists them, their names. */
export interface NamedMaterials {
  application: { materials?: readonly { type: string; uploadId: string }[] };
  materials?: readonly Pick<TaskMaterial, 'uploadId' | 'fileName'>[];
}

/**
 * What a correction reason points at, readable on its own: a material by its kind and file name
 * (`公司章程 (articles.pdf)`), any other field by its label.
 */
export function reasonLabel(path: string, named: NamedMaterials, t: Messages, lang: Language): string {
  const index = /^materials\[(\d+)\]/.exec(path)?.[1];
  const material = index === undefined ? undefined : named.application.materials?.[Number(index)];
  if (!material) return fieldLabel(path, t);
  const kind = materialLabel(material.type, t, lang);
  const fileName = named.materials?.find((file) => file.uploadId === material.uploadId)?.fileName;
  return fileName ? t.files.named(kind, fileName) : kind;
}
