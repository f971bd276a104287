import { addYears } from '../calendar/local-date';
import type { OrganizationForm } from './company-name';
import { report } from './cross-field';
import type { FormRule } from './form-object';

const SHAREHOLDER_COUNTS: Record<OrganizationForm, { min: number; max: number; en: string; zh: string }> = {
  'limited-liability': {
    min: 2,
    max: 50,
    en: 'A limited liability company has 2 to 50 shareholders; with one shareholder, file it as a one-person company',
    zh: '有限责任公司股东应为2至50名；只有一名股东的，请选择一人有限责任公司',
  },
  'one-person-limited-liability': {
    min: 1,
    max: 1,
    en: 'A one-person limited liability company has exactly one shareholder',
    zh: '一人有限责任公司只能有一名股东',
  },
  'joint-stock': {
    min: 1,
    max: 200,
    en: 'A joint-stock company has 1 to 200 promoters',
    zh: '股份有限公司发起人应为1至200名',
  },
};

/** 公司法 (2023) 第四十二条 (1–50 shareholders) and 第九十二条 (1–200 promoters). */
const shareholderCount: FormRule = {
  reads: [['company', 'organizationForm'], ['shareholders']],
  check(form, ctx) {
    const count = SHAREHOLDER_COUNTS[form.company.organizationForm];
    const actual = form.shareholders.length;
    if (actual < count.min || actual > count.max) report(ctx, ['shareholders'], count.en, count.zh);
  },
};

/** 公司法 (2023) 第四十七条 (limited liability) and 第九十六条 (joint-stock): registered capital is what the shareholders subscribe. */
const capitalAddsUp: FormRule = {
  reads: [['company', 'registeredCapitalCny'], ['shareholders']],
  check(form, ctx) {
    const subscribed = form.shareholders.reduce(
      (sum, shareholder) => sum + shareholder.subscribedCapitalCny,
      0,
    );
    if (subscribed !== form.company.registeredCapitalCny) {
      report(
        ctx,
        ['company', 'registeredCapitalCny'],
        `Registered capital must equal the shareholders’ subscribed capital added up (${subscribed} yuan)`,
        `注册资本应等于全体股东认缴出资额之和（${subscribed}元）`,
      );
    }
  },
};

/**
 * 公司法 (2023) 第四十七条: a limited liability company's capital is paid within five years of its founding.
 * The company is founded after submission, so five years from submission is the safe bound. A date before
 * submission cannot be a promise to pay (platform rule).
 */
const contributionDeadlines: FormRule = {
  reads: [['company', 'organizationForm'], ['shareholders']],
  check(form, ctx, today) {
    const fiveYearBound = form.company.organizationForm === 'joint-stock' ? undefined : addYears(today, 5);
    form.shareholders.forEach((shareholder, index) => {
      const path = ['shareholders', index, 'contributionDeadline'];
      if (shareholder.contributionDeadline < today) {
        report(
          ctx,
          path,
          `The contribution deadline cannot be before the submission date (${today})`,
          `出资期限不能早于申请提交日（${today}）`,
        );
      } else if (fiveYearBound !== undefined && shareholder.contributionDeadline > fiveYearBound) {
        report(
          ctx,
          path,
          `Capital must be paid in within five years: on or before ${fiveYearBound}`,
          `认缴出资应自公司成立之日起五年内缴足：不晚于${fiveYearBound}`,
        );
      }
    });
  },
};

export const shareholdingRules: readonly FormRule[] = [
  shareholderCount,
  capitalAddsUp,
  contributionDeadlines,
];
