/** The one form in the order a founder fills it; each field path belongs to the step that asks for it. */
export const STEPS = ['company', 'people', 'invoice', 'seals', 'delivery', 'materials', 'review'] as const;
export type StepId = (typeof STEPS)[number];

const STEP_OF_SECTION: Record<string, StepId> = {
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
