import { catalogueItem, type FormSection, itemReads } from '../case/items';
import type { CaseFile } from '../case/model';
import type { ApplicationForm } from '../form';
import { FORM_SECTIONS } from '../form/form-object';
import { MATERIAL_TYPES } from '../form/materials';
import { maskMobile } from '../ids/mobile';
import { maskResidentId } from '../ids/resident-id';
import type { FormView } from './responses';
import type { Viewer } from './viewer';

/** What of the form a viewer reads: which sections, and whether ID numbers and mobiles stay whole. */
export interface FormReads {
  sections: ReadonlySet<FormSection>;
  fullIdentity: boolean;
  /** The kinds of material shown: every kind, or those the reader's items ask for. */
  materialTypes: ReadonlySet<string> | 'all';
}

/**
 * The materials an officer's items need, as the catalogue declares them; an item that reads the
 * materials section (registration) also reads the general kinds every company files (MATERIAL_TYPES).
 */
export function materialTypesOf(items: readonly string[]): ReadonlySet<string> {
  const types = new Set<string>();
  for (const item of items) {
    const declared = catalogueItem(item);
    for (const material of declared?.materials ?? []) types.add(material.id);
    if (declared?.formFields.includes('materials')) for (const type of MATERIAL_TYPES) types.add(type);
  }
  return types;
}

/** Ops run the platform: the company a case is for and its channel, never a person. */
const OPS_SECTIONS: readonly FormSection[] = ['channel', 'company'];

export function formReadsOf(viewer: Viewer): FormReads {
  if (viewer.role === 'party')
    return { sections: new Set(FORM_SECTIONS), fullIdentity: true, materialTypes: 'all' };
  if (viewer.role === 'ops')
    return { sections: new Set(OPS_SECTIONS), fullIdentity: false, materialTypes: new Set() };
  const reads = viewer.items.map(itemReads);
  return {
    // Every officer whose item needs a material sees the materials section, cut to those materials.
    sections: new Set([...reads.flatMap((read) => read.sections), 'materials']),
    fullIdentity: reads.some((read) => read.fullIdentity),
    materialTypes: materialTypesOf(viewer.items),
  };
}

/**
 * The form cut to what the reader reads. The contact's mobile stays whole: the contact (联络员) is whom the
 * departments call about the application.
 */
export function formView(
  form: ApplicationForm,
  reads: FormReads,
  files: Readonly<Record<string, CaseFile>> = {},
): FormView {
  const identity = reads.fullIdentity ? (id: string) => id : maskResidentId;
  const mobile = reads.fullIdentity ? (number: string) => number : maskMobile;
  const whole: FormView = {
    ...form,
    legalRepresentative: {
      ...form.legalRepresentative,
      idNumber: identity(form.legalRepresentative.idNumber),
      mobile: mobile(form.legalRepresentative.mobile),
    },
    shareholders: form.shareholders.map((shareholder) =>
      shareholder.kind === 'natural-person'
        ? { ...shareholder, idNumber: identity(shareholder.idNumber) }
        : shareholder,
    ),
    directors: form.directors.map((director) => ({ ...director, idNumber: identity(director.idNumber) })),
    supervisor: form.supervisor && { ...form.supervisor, idNumber: identity(form.supervisor.idNumber) },
    manager: form.manager && { ...form.manager, idNumber: identity(form.manager.idNumber) },
    materials: form.materials
      .filter(({ type }) => reads.materialTypes === 'all' || reads.materialTypes.has(type))
      .map((material) => {
        const file = files[material.uploadId];
        return file
          ? {
              ...material,
              fileName: file.fileName,
              mediaType: file.mediaType,
              sizeBytes: file.sizeBytes,
              sha256: file.sha256,
            }
          : material;
      }),
  };
  // An officer none of whose items' materials the case filed has no materials to see.
  if (reads.materialTypes !== 'all' && whole.materials?.length === 0) whole.materials = undefined;
  return Object.fromEntries(
    Object.entries(whole).filter(
      ([section, value]) => value !== undefined && reads.sections.has(section as FormSection),
    ),
  ) as FormView;
}
