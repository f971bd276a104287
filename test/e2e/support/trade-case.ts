import type { Browser, Page } from 'playwright-core';
import { departmentOf } from '../../../shared/case/items';
import { CATALOGUE } from '../../../shared/catalogue';
import type { Answers } from '../../../shared/catalogue/answers';
import { checklist } from '../../../shared/catalogue/checklist';
import { inCatalogueOrder, itemLabel } from '../../../web/src/catalogue/names';
import { fieldLabel } from '../../../web/src/form/field-labels';
import { stepOf } from '../../../web/src/form/steps';
import { type Language, MESSAGES, type Messages } from '../../../web/src/i18n/messages';
import { fillApplication, signIn, type TradeStep } from './actors';
import { ConsoleWatch, screenshot } from './browser';
import { decide } from './officer';

export interface TradeCase {
  lang: Language;
  bundle: string;
  tradeName: string;
  industry: string;
  /** A licensed business item: registration is then decided by market regulation, never by rule. */
  scope: string;
  tradeSteps: TradeStep[];
  /** The answers the trade steps give, beyond the bundle's trade: they decide the checklist. */
  answers: Omit<Answers, 'trade'>;
  shots: string;
  /** One correction an officer asks for at one item before approving it. */
  correction?: {
    department: string;
    item: string;
    path: string;
    message: string;
    fix: (page: Page, t: Messages) => Promise<void>;
  };
}

/** The founder answers the correction: follows the field's link on the case page, changes it, resubmits. */
async function answerCorrection(
  founder: Page,
  t: Messages,
  correction: NonNullable<TradeCase['correction']>,
  shots: string,
) {
  await founder.getByRole('heading', { level: 2, name: t.casePage.corrections }).waitFor({ timeout: 15_000 });
  await screenshot(founder, `${shots}-04-correction-needed`);
  // The notice links the field asked about to the step that asks it.
  await founder
    .getByRole('region', { name: t.casePage.corrections })
    .getByRole('link', { name: fieldLabel(correction.path, t), exact: true })
    .click();
  await founder.getByRole('heading', { level: 2, name: t.steps[stepOf(correction.path)] }).waitFor();
  await correction.fix(founder, t);
  await founder
    .getByRole('navigation', { name: t.apply.steps })
    .getByRole('link', { name: t.steps.review })
    .click();
  await founder.getByRole('heading', { level: 2, name: t.apply.changedFields }).waitFor();
  await founder.getByRole('button', { name: t.apply.resubmit, exact: true }).click();
  await founder.getByText(t.apply.resubmittedNotice).waitFor();
}

/**
 * A founder opens a case of a trade bundle through the web app: picks the bundle, fills its trade
 * steps, uploads every material of the checklist and submits; then each department's officer decides
 * the case's items from their own inbox. Ends on the founder's completed case page.
 */
export async function openTradeCase(browser: Browser, url: string, spec: TradeCase) {
  const t = MESSAGES[spec.lang];
  const watch = new ConsoleWatch();
  const run = `${spec.bundle}-${Date.now()}`;
  const company = `广州${spec.tradeName}${spec.industry}有限公司`;
  const bundle = CATALOGUE.bundles.find(({ id }) => id === spec.bundle);
  if (!bundle) throw new Error(`No bundle ${spec.bundle}`);
  const expected = checklist(CATALOGUE, {
    bundle: spec.bundle,
    add: [],
    answers: { trade: bundle.trade, ...spec.answers },
  });

  const founder = await signIn(browser, watch, url, spec.lang, 'founder', `founder-${run}`);
  await founder
    .getByRole('navigation', { name: t.app.mainNav })
    .getByRole('link', { name: t.nav.apply })
    .click();
  await fillApplication(
    founder,
    t,
    {
      tradeName: spec.tradeName,
      bundle: spec.bundle,
      industry: spec.industry,
      scope: { description: spec.scope, licensed: true },
      tradeSteps: spec.tradeSteps,
      materials: expected.materials.map((material) => ({ id: material.id, name: material.name[spec.lang] })),
    },
    `${spec.shots}-01-form`,
  );
  await screenshot(founder, `${spec.shots}-02-review`);
  await founder.getByRole('button', { name: t.apply.submit, exact: true }).click();
  await founder.getByText(t.apply.submittedNotice).waitFor();
  await founder.getByRole('heading', { level: 1, name: company }).waitFor();
  await screenshot(founder, `${spec.shots}-03-submitted`);

  // Registration first: every other item builds on it.
  const items = inCatalogueOrder(expected.items);
  const departments = [...new Set(items.map(departmentOf))];
  for (const department of departments) {
    const officer = await signIn(
      browser,
      watch,
      url,
      spec.lang,
      `officer-${department}`,
      `${department}-${run}`,
    );
    for (const item of items.filter((candidate) => departmentOf(candidate) === department)) {
      const name = itemLabel(item, spec.lang);
      const shot = `${spec.shots}-05-${item}`;
      const { correction } = spec;
      if (correction?.item === item) {
        await decide(
          officer,
          t,
          company,
          {
            outcome: 'correction-requested',
            reasons: [{ path: correction.path, message: correction.message }],
          },
          `${shot}-correction`,
          name,
        );
        await answerCorrection(founder, t, correction, spec.shots);
      }
      await decide(officer, t, company, { outcome: 'approved' }, shot, name);
    }
    await officer.context().close();
  }

  // The founder sees the case completed, with what every item issued.
  const results = founder.getByRole('region', { name: t.casePage.results });
  await results.getByText(/SF\d{12}/).waitFor({ timeout: 30_000 });
  await founder
    .locator('.case-status')
    .getByText(t.status.case.completed ?? '', { exact: true })
    .waitFor({ timeout: 10_000 });
  const issued = (await results.textContent()) ?? '';
  for (const item of items) {
    const heading = item === 'seal' ? t.casePage.seals : itemLabel(item, spec.lang);
    if (!issued.includes(heading)) throw new Error(`The results do not show ${heading}:\n${issued}`);
  }
  await screenshot(founder, `${spec.shots}-06-completed`);
  return { founder, watch, items };
}
