import type { ApplicationForm } from '../form';
import { catalogueItem, type Item } from './items';

/**
 * Instant approval (即办): when an item meets its department's standard conditions it is approved by
 * rule, without waiting for an officer (docs/architecture.md, The workflow). The conditions are configuration; the
 * environment variable INSTANT_APPROVAL=off sends every item to its department.
 */
export interface InstantApprovalRules {
  enabled: boolean;
  registration: {
    organizationForms: readonly ApplicationForm['company']['organizationForm'][];
    /** Business-scope wording that always needs an officer, even when filed as 一般项目. */
    restrictedScopeTerms: readonly string[];
  };
  invoice: { taxpayerTypes: readonly string[]; standardMonthlyQuotaCny: number };
  seal: { standardSet: readonly string[]; licensedMakers: readonly string[] };
}

export const DEFAULT_INSTANT_APPROVAL_RULES: InstantApprovalRules = {
  enabled: true,
  registration: {
    organizationForms: ['limited-liability', 'one-person-limited-liability'],
    restrictedScopeTerms: [
      '金融',
      '证券',
      '保险',
      '医疗',
      '药品',
      '危险化学品',
      '食品经营',
      '网络借贷',
      '教育培训',
    ],
  },
  invoice: { taxpayerTypes: ['small-scale'], standardMonthlyQuotaCny: 100_000 },
  seal: {
    standardSet: ['company', 'finance', 'invoice', 'legal-representative'],
    licensedMakers: ['91440111MA5EXAMP00', '91440101MA9UNION03'],
  },
};

export function instantApprovalRules(env: NodeJS.ProcessEnv = process.env): InstantApprovalRules {
  return { ...DEFAULT_INSTANT_APPROVAL_RULES, enabled: env.INSTANT_APPROVAL?.toLowerCase() !== 'off' };
}

/** Why an item cannot be approved instantly; empty when it can. */
export function instantApprovalBlockers(
  item: Item,
  form: ApplicationForm,
  rules: InstantApprovalRules,
): string[] {
  if (!rules.enabled) return ['instant approval is switched off'];
  const ruleSet = catalogueItem(item).instantApproval;
  if (ruleSet === null) return ['the catalogue gives this item no instant-approval rules'];
  switch (ruleSet) {
    case 'registration': {
      const blockers: string[] = [];
      if (!rules.registration.organizationForms.includes(form.company.organizationForm)) {
        blockers.push('non-standard company type');
      }
      if (form.shareholders.some((shareholder) => shareholder.kind !== 'natural-person')) {
        blockers.push('a legal-person shareholder');
      }
      const restricted = form.company.businessScope.filter(
        (scope) =>
          scope.category === 'licensed' ||
          rules.registration.restrictedScopeTerms.some((term) => scope.description.includes(term)),
      );
      if (restricted.length > 0) blockers.push('licensed or restricted business scope');
      return blockers;
    }
    case 'invoice': {
      const blockers: string[] = [];
      if (!rules.invoice.taxpayerTypes.includes(form.invoice.taxpayerType)) blockers.push('general taxpayer');
      if (form.invoice.monthlyQuotaCny > rules.invoice.standardMonthlyQuotaCny)
        blockers.push('above the standard quota');
      return blockers;
    }
    case 'seal': {
      const blockers: string[] = [];
      if (!rules.seal.licensedMakers.includes(form.seals.maker.uscc))
        blockers.push('seal maker not on the licensed list');
      if (form.seals.set.some((kind) => !rules.seal.standardSet.includes(kind)))
        blockers.push('non-standard seal set');
      return blockers;
    }
  }
}
