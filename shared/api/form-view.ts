import { type FormSection, itemReads } from '../case/items';
import type { ApplicationForm } from '../form';
import { FORM_SECTIONS } from '../form/form-object';
import { maskMobile } from '../ids/mobile';
import { maskResidentId } from '../ids/resident-id';
import type { FormView } from './responses';
import type { Viewer } from './viewer';

/** What of the form a viewer reads: which sections, and whether ID numbers and mobiles stay whole. */
export interface FormReads {
  sections: ReadonlySet<FormSection>;
  fullIdentity: boolean;
}

/** Ops run the platform: the company a case is for and its channel, never a person. */
const OPS_SECTIONS: readonly FormSection[] = ['channel', 'company'];

export function formReadsOf(viewer: Viewer): FormReads {
  if (viewer.role === 'party') return { sections: new Set(FORM_SECTIONS), fullIdentity: true };
  if (viewer.role === 'ops') return { sections: new Set(OPS_SECTIONS), fullIdentity: false };
  const reads = viewer.items.map(itemReads);
  return {
    sections: new Set(reads.flatMap((read) => read.sections)),
    fullIdentity: reads.some((read) => read.fullIdentity),
  };
}

/**
 * The form cut to what the reader reads. The contact's mobile stays whole: the contact (联络员) is whom the
 * departments call about the application.
 */
export function formView(form: ApplicationForm, reads: FormReads): FormView {
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
  };
  return Object.fromEntries(
    Object.entries(whole).filter(
      ([section, value]) => value !== undefined && reads.sections.has(section as FormSection),
    ),
  ) as FormView;
}
