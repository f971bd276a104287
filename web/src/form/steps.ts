import { CATALOGUE } from '../../../shared/catalogue';
import { bundleOf, itemsOffered } from '../../../shared/catalogue/case-plan';
import { TRADE_SECTIONS } from '../../../shared/form/form-object';

/**
 * The one form in the order a founder fills it; each field path belongs to the step that asks for it.
 * The trade steps (premises, clinic, employment) are asked only when an item of the case reads them.
 */
export const STEPS = [
  'bundle',
  'company',
  'people',
  'invoice',
  'seals',
  ...TRADE_SECTIONS,
  'delivery',
  'materials',
  'review',
] as const;
export type StepId = (typeof STEPS)[number];

const STEP_OF_SECTION: Record<string, StepId> = {
  bundle: 'bundle',
  optionalItems: 'bundle',
  headers: 'company',
  company: 'company',
  legalRepresentative: 'people',
  shareholders: 'people',
  directors: 'people',
  supervisoryArrangement: 'people',
  supervisor: 'people',
  manager: 'people',
  contact: 'people',
  invoice: 'invoice',
  seals: 'seals',
  ...Object.fromEntries(TRADE_SECTIONS.map((section) => [section, section])),
  delivery: 'delivery',
  materials: 'materials',
};

export function stepOf(path: string): StepId {
  const section = /^[^.[]+/.exec(path)?.[0] ?? '';
  return STEP_OF_SECTION[section] ?? 'review';
}

export function isStep(value: string | undefined): value is StepId {
  return (STEPS as readonly string[]).includes(value ?? '');
}

type TradeSection = (typeof TRADE_SECTIONS)[number];

/**
 * The trade sections the items of this form read: its bundle's items and the optional items it adds
 * (those the bundle offers), as the server's catalogue rule counts them.
 */
export function sectionsRead(form: { bundle?: unknown; optionalItems?: unknown }): Set<TradeSection> {
  const bundle = bundleOf(CATALOGUE, typeof form.bundle === 'string' ? form.bundle : undefined);
  if (!bundle) return new Set();
  const added = Array.isArray(form.optionalItems)
    ? form.optionalItems.filter((id): id is string => bundle.optionalItems.includes(id))
    : [];
  const read = itemsOffered(CATALOGUE, bundle, added).flatMap((item) => item.formFields);
  return new Set(TRADE_SECTIONS.filter((section) => read.includes(section)));
}

/** The steps this form asks: every step but the trade sections none of its items read. */
export function stepsFor(form: unknown): StepId[] {
  const read = sectionsRead((form ?? {}) as { bundle?: unknown; optionalItems?: unknown });
  return STEPS.filter(
    (step) => !(TRADE_SECTIONS as readonly string[]).includes(step) || read.has(step as TradeSection),
  );
}
