import type { FormFields } from '../form/form-object';

/** The three items of one case and the departments that own them (docs/architecture.md, The case). */
export const ITEMS = ['registration', 'invoice', 'seal'] as const;
export type Item = (typeof ITEMS)[number];

export const DEPARTMENTS = ['market-regulation', 'tax', 'public-security'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_OF: Readonly<Record<Item, Department>> = {
  registration: 'market-regulation',
  invoice: 'tax',
  seal: 'public-security',
};

export const ITEM_OF: Readonly<Record<Department, Item>> = {
  'market-regulation': 'registration',
  tax: 'invoice',
  'public-security': 'seal',
};

export const ITEM_NAMES: Readonly<Record<Item, { en: string; zh: string }>> = {
  registration: { en: 'Enterprise registration', zh: '企业设立登记' },
  invoice: { en: 'Invoice application', zh: '发票申领' },
  seal: { en: 'Seal filing', zh: '刻章备案' },
};

export const DEPARTMENT_NAMES: Readonly<Record<Department, { en: string; zh: string }>> = {
  'market-regulation': { en: 'Market regulation', zh: '市场监管部门' },
  tax: { en: 'Tax', zh: '税务部门' },
  'public-security': { en: 'Public security', zh: '公安部门' },
};

export type FormSection = keyof FormFields;

/**
 * What each item's department reads to decide, declared once: the form sections shown on its task, whether
 * it sees people's full ID numbers and mobiles (else masked), and the items whose results it builds on.
 * Why each department reads what it reads: docs/form-rules.md, "Who reads what".
 */
export interface ItemReads {
  sections: readonly FormSection[];
  fullIdentity: boolean;
  dependsOn: readonly Item[];
}

export const ITEM_READS: Readonly<Record<Item, ItemReads>> = {
  registration: {
    sections: [
      'channel',
      'company',
      'legalRepresentative',
      'shareholders',
      'directors',
      'supervisoryArrangement',
      'supervisor',
      'manager',
      'contact',
      'materials',
    ],
    fullIdentity: true,
    dependsOn: [],
  },
  invoice: {
    sections: ['company', 'legalRepresentative', 'contact', 'invoice'],
    fullIdentity: false,
    dependsOn: ['registration'],
  },
  seal: {
    sections: ['company', 'legalRepresentative', 'contact', 'seals'],
    fullIdentity: false,
    dependsOn: ['registration'],
  },
};
