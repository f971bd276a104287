import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldError } from '../../shared/errors';
import { bundleLabel, itemLabel } from '../../web/src/catalogue/names';
import { fieldLabel } from '../../web/src/form/field-labels';
import { LANGUAGES, type Language, MESSAGES } from '../../web/src/i18n/messages';
import { field, fillApplication, next, PEOPLE, signIn } from './support/actors';
import { application, caseAwaitingCorrection } from './support/api';
import { ConsoleWatch, launchBrowser, screenshot } from './support/browser';
import { decide } from './support/officer';
import { buildWebApp, type Platform, startPlatform } from './support/platform';
import { openTradeCase } from './support/trade-case';

/** The text a screen reader reads as the field's description: its hint and its messages. */
function description(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** Everything the app's origin keeps in the browser's two storages, by key. */
function browserStorage(page: Page): Promise<Record<'local' | 'session', Record<string, string>>> {
  return page.evaluate(() => {
    const entries = (storage: Storage) =>
      Object.fromEntries(
        Array.from({ length: storage.length }, (_, index) => {
          const key = storage.key(index) ?? '';
          return [key, storage.getItem(key) ?? ''];
        }),
      );
    return { local: entries(localStorage), session: entries(sessionStorage) };
  });
}

describe('the web app against npm start', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    await buildWebApp();
    [platform, browser] = await Promise.all([startPlatform(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  for (const lang of LANGUAGES) {
    it(`a founder files, an officer asks for a correction, the founder fixes it, three departments approve (${lang})`, async () => {
      // Prepare
      const t = MESSAGES[lang];
      const watch = new ConsoleWatch();
      const run = `${lang}-${Date.now()}`;
      const company = `广州${lang === 'zh' ? '云启' : '星河'}科技有限公司`;
      const founder = await signIn(
        browser,
        watch,
        platform.url,
        lang,
        'founder',
        `founder-${run}`,
        `${lang}-00-sign-in`,
      );
      await screenshot(founder, `${lang}-01-my-cases-empty`);

      // Act: the founder files the one form
      await founder
        .getByRole('navigation', { name: t.app.mainNav })
        .getByRole('link', { name: t.nav.apply })
        .click();
      await fillApplication(founder, t, { tradeName: lang === 'zh' ? '云启' : '星河' }, `${lang}-02-form`);
      await founder
        .getByRole('region', { name: t.steps.company })
        .getByText(company, { exact: true })
        .waitFor();
      await screenshot(founder, `${lang}-02-form-7-review`);
      await founder.getByRole('button', { name: t.apply.submit, exact: true }).click();
      await founder.getByText(t.apply.submittedNotice).waitFor();
      await founder.getByRole('heading', { level: 1, name: company }).waitFor();
      await screenshot(founder, `${lang}-03-case-submitted`);

      // Act: market regulation asks for the room number
      const market = await signIn(
        browser,
        watch,
        platform.url,
        lang,
        'officer-market-regulation',
        `market-${run}`,
      );
      await screenshot(market, `${lang}-04-market-inbox`);
      await decide(
        market,
        t,
        company,
        {
          outcome: 'correction-requested',
          reasons: [{ path: 'company.address.detail', message: '请写明房号 / give the room' }],
        },
        `${lang}-05-market-correction`,
      );

      // Act: the founder sees exactly that field to fix, fixes it and resubmits
      await founder
        .getByRole('heading', { level: 2, name: t.casePage.corrections })
        .waitFor({ timeout: 15_000 });
      await screenshot(founder, `${lang}-06-case-correction-needed`);
      await founder.getByRole('link', { name: t.casePage.correctNow }).click();
      const detail = founder
        .getByRole('group', { name: t.groups['company.address'], exact: true })
        .getByLabel(t.fields['company.address.detail'], { exact: true });
      expect(await description(detail)).toContain('请写明房号 / give the room');
      await screenshot(founder, `${lang}-07-correction-form`);
      await detail.fill('示例路18号A栋302房');
      await founder
        .getByRole('navigation', { name: t.apply.steps })
        .getByRole('link', { name: t.steps.review })
        .click();
      await founder.getByRole('heading', { level: 2, name: t.apply.changedFields }).waitFor();
      await founder
        .getByRole('region', { name: t.apply.changedFields })
        .getByText(fieldLabel('company.address.detail', t))
        .waitFor();
      await screenshot(founder, `${lang}-08-correction-review`);
      await founder.getByRole('button', { name: t.apply.resubmit, exact: true }).click();
      await founder.getByText(t.apply.resubmittedNotice).waitFor();

      // Act: the three departments approve
      await decide(market, t, company, { outcome: 'approved' }, `${lang}-09-market-approval`);
      const tax = await signIn(browser, watch, platform.url, lang, 'officer-tax', `tax-${run}`);
      const taxColleague = await signIn(browser, watch, platform.url, lang, 'officer-tax', `tax-2-${run}`);
      const taskPath = await tax
        .getByRole('link', { name: company, exact: true })
        .getAttribute('href', { timeout: 30_000 });
      await taxColleague.goto(`${platform.url}${taskPath}`);
      await taxColleague.getByRole('heading', { level: 2, name: t.task.decision }).waitFor();
      // Tax reads the USCC it builds on, and nobody's full ID number or the representative's mobile.
      await taxColleague.getByRole('heading', { level: 2, name: t.task.upstream }).waitFor();
      const taxPage = (await taxColleague.locator('body').textContent()) ?? '';
      for (const secret of [PEOPLE.zhang.idNumber, PEOPLE.li.idNumber, '13800138000']) {
        expect(taxPage).not.toContain(secret);
      }
      expect(taxPage).toContain('440***********2179');
      await decide(tax, t, company, { outcome: 'approved' }, `${lang}-10-tax-approval`);
      // The colleague had the same task open: their decision comes second and is told so.
      watch.expect({ status: 409, path: /^\/api\/tasks\/[^/]+\/decision$/ });
      await taxColleague.getByLabel(t.status.outcome.approved ?? '', { exact: true }).check();
      await taxColleague.getByRole('button', { name: t.task.submit, exact: true }).click();
      await taxColleague.getByRole('alert').filter({ hasText: t.task.alreadyDecided }).waitFor();
      await screenshot(taxColleague, `${lang}-10-tax-already-decided`);
      const police = await signIn(
        browser,
        watch,
        platform.url,
        lang,
        'officer-public-security',
        `police-${run}`,
      );
      await decide(police, t, company, { outcome: 'approved' }, `${lang}-11-seal-approval`);

      // Assess: the founder sees the results
      const results = founder.getByRole('region', { name: t.casePage.results });
      await results.getByText(/SF\d{12}/).waitFor({ timeout: 20_000 });
      const text = await results.textContent();
      for (const label of [t.casePage.uscc, t.casePage.licenceNumber, t.casePage.quota, t.casePage.seals]) {
        expect(text).toContain(label);
      }
      // The first fact of the results is the unified social credit code (GB 32100: 18 characters).
      expect(await results.getByRole('definition').first().textContent()).toMatch(
        /^[0-9A-HJ-NPQRTUWXY]{18}$/,
      );
      await screenshot(founder, `${lang}-12-case-completed`);
      await founder
        .getByRole('navigation', { name: t.app.mainNav })
        .getByRole('link', { name: t.nav.myCases })
        .click();
      await founder.getByRole('link', { name: company }).waitFor();
      await screenshot(founder, `${lang}-13-my-cases`);
      await founder.setViewportSize({ width: 390, height: 844 });
      await founder.getByRole('link', { name: company }).click();
      await founder.getByRole('region', { name: t.casePage.results }).waitFor();
      await screenshot(founder, `${lang}-14-case-on-a-phone`);

      const ops = await signIn(browser, watch, platform.url, lang, 'ops', `ops-${run}`);
      await ops.getByRole('heading', { level: 2, name: t.ops.kpis }).waitFor();
      // The KPIs per bundle and per item count the case just completed.
      await ops
        .getByRole('region', { name: t.ops.byBundle })
        .getByRole('rowheader', { name: bundleLabel('company-opening', lang) })
        .waitFor();
      await ops
        .getByRole('region', { name: t.ops.byItem })
        .getByRole('rowheader', { name: itemLabel('registration', lang) })
        .waitFor();
      await screenshot(ops, `${lang}-15-ops`);

      expect(watch.problems).toEqual([]);
    });
  }

  it('a founder opens a restaurant: premises, the checklist, a food-licence correction, five departments, one inspection trip (zh)', async () => {
    const zh = MESSAGES.zh;
    const { founder, watch } = await openTradeCase(browser, platform.url, {
      lang: 'zh',
      bundle: 'restaurant',
      tradeName: '云味',
      industry: '餐饮',
      scope: '餐饮服务',
      shots: 'zh-20-restaurant',
      tradeSteps: [
        {
          step: 'premises',
          fill: async (page, t) => {
            await field(page, t.groups.premises, t.fields['premises.areaM2']).fill('180');
            const categories = page.getByRole('group', { name: t.fields['premises.foodCategories'] });
            await categories.getByLabel(t.options.foodCategory['hot-food'] ?? '', { exact: true }).check();
            await categories.getByLabel(t.options.foodCategory['cold-food'] ?? '', { exact: true }).check();
            const manager = t.groups['premises.foodSafetyManager'];
            await field(page, manager, t.fields['premises.foodSafetyManager.name']).fill('王五');
            await field(page, manager, t.fields['premises.foodSafetyManager.mobile']).fill('13700137000');
            await page
              .getByRole('group', { name: t.fields['premises.fireSafetyCommitment'] })
              .getByLabel(t.app.yes, { exact: true })
              .check();
          },
        },
      ],
      answers: { premisesAreaM2: 180, fireSafetyCommitment: true },
      correction: {
        department: 'market-regulation',
        item: 'food-business-licence',
        path: 'premises.areaM2',
        message: '请按租赁合同填写使用面积 / the area in the lease',
        fix: async (page, t) => {
          await field(page, t.groups.premises, t.fields['premises.areaM2']).fill('175');
        },
      },
    });

    // Assess: one visit for both on-site items, counted as one trip
    const inspection = founder.getByRole('region', { name: zh.casePage.inspection });
    const visit = (await inspection.textContent()) ?? '';
    for (const text of [zh.casePage.trips(1), '食品经营许可', '公众聚集场所投入使用、营业前消防安全检查']) {
      expect(visit).toContain(text);
    }
    const results = (await founder.getByRole('region', { name: zh.casePage.results }).textContent()) ?? '';
    for (const label of [zh.casePage.resultFields.licenceNumber, zh.casePage.resultFields.opinionNumber]) {
      expect(results).toContain(label);
    }
    expect(watch.problems).toEqual([]);
  });

  it('a founder opens a clinic: practitioners, the checklist, four departments, no trip (en)', async () => {
    const en = MESSAGES.en;
    const { founder, watch } = await openTradeCase(browser, platform.url, {
      lang: 'en',
      bundle: 'clinic',
      tradeName: '康宁',
      industry: '医疗',
      scope: '诊所服务',
      shots: 'en-30-clinic',
      tradeSteps: [
        {
          step: 'clinic',
          fill: async (page, t) => {
            const subjects = page.getByRole('group', {
              name: t.groups['clinic.medicalSubjects'],
              exact: true,
            });
            await subjects
              .getByLabel(t.groups['clinic.medicalSubjects[]'](1), { exact: true })
              .fill('全科医疗科');
            await page.getByRole('button', { name: `+ ${t.apply.addMedicalSubject}` }).click();
            await subjects.getByLabel(t.groups['clinic.medicalSubjects[]'](2), { exact: true }).fill('内科');
            await page.getByLabel(t.fields['clinic.beds'], { exact: true }).fill('0');
            const practitioner = t.groups['clinic.practitioners[]'](1);
            await field(page, practitioner, t.fields['clinic.practitioners[].name']).fill('赵六');
            await field(page, practitioner, t.fields['clinic.practitioners[].licenceNumber']).fill(
              '110440100012345',
            );
          },
        },
      ],
      answers: {},
    });

    // Assess: nothing is checked on site, so nobody travels
    expect(await founder.getByRole('region', { name: en.casePage.inspection }).count()).toBe(0);
    await founder.getByText(en.casePage.trips(0), { exact: true }).waitFor();
    const results = (await founder.getByRole('region', { name: en.casePage.results }).textContent()) ?? '';
    expect(results).toContain(en.casePage.resultFields.filingNumber);
    expect(watch.problems).toEqual([]);
  });

  it('shows each field problem of a rejected submission beside its field, in the current language', async () => {
    // Prepare
    const watch = new ConsoleWatch();
    watch.expect({ status: 400, path: /^\/api\/applications$/ });
    const zh = MESSAGES.zh;
    const founder = await signIn(browser, watch, platform.url, 'zh', 'founder', `mistakes-${Date.now()}`);
    await founder
      .getByRole('navigation', { name: zh.app.mainNav })
      .getByRole('link', { name: zh.nav.apply })
      .click();
    await fillApplication(founder, zh, {
      tradeName: '错漏9',
      secondShareholderId: '440106199011034280',
      contactMobile: '12345',
    });

    // Act
    const answer = founder.waitForResponse(
      (response) => response.url().endsWith('/api/applications') && response.request().method() === 'POST',
    );
    await founder.getByRole('button', { name: zh.apply.submit, exact: true }).click();
    const response = await answer;
    const { error } = (await response.json()) as { error: { fields: FieldError[] } };

    // Assess: every problem the API named is listed and linked to its field…
    expect(response.status()).toBe(400);
    expect(error.fields.map((problem) => problem.path).sort()).toEqual([
      'company.name.tradeName',
      'contact.mobile',
      'shareholders[1].idNumber',
    ]);
    const summary = founder
      .getByRole('alert')
      .filter({ hasText: zh.errors.summaryTitle(error.fields.length) });
    await summary.waitFor();
    await screenshot(founder, 'errors-01-review-summary');

    const inputs: Record<string, (lang: Language) => Locator> = {
      'company.name.tradeName': (lang) =>
        founder
          .getByRole('group', { name: MESSAGES[lang].groups['company.name'], exact: true })
          .getByLabel(MESSAGES[lang].fields['company.name.tradeName'], { exact: true }),
      'contact.mobile': (lang) =>
        founder
          .getByRole('group', { name: MESSAGES[lang].groups.contact, exact: true })
          .getByLabel(MESSAGES[lang].fields['contact.mobile'], { exact: true }),
      'shareholders[1].idNumber': (lang) =>
        founder
          .getByRole('group', { name: MESSAGES[lang].groups['shareholders[]'](2), exact: true })
          .getByLabel(MESSAGES[lang].fields['shareholders[].idNumber'], { exact: true }),
    };
    // …and the link takes the founder to that field, which carries the message in Chinese…
    for (const problem of error.fields) {
      await founder
        .getByRole('navigation', { name: zh.apply.steps })
        .getByRole('link', { name: zh.steps.review })
        .click();
      await founder.getByRole('link', { name: fieldLabel(problem.path, zh), exact: true }).click();
      const input = inputs[problem.path]?.('zh') as Locator;
      await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await description(input)).toContain(problem.message_zh);
    }
    await screenshot(founder, 'errors-02-field-zh');

    // …and in English, one click away.
    await founder.getByRole('button', { name: zh.app.switchLanguageLabel }).click();
    for (const problem of error.fields) {
      await founder
        .getByRole('navigation', { name: MESSAGES.en.apply.steps })
        .getByRole('link', { name: MESSAGES.en.steps.review })
        .click();
      await founder.getByRole('link', { name: fieldLabel(problem.path, MESSAGES.en), exact: true }).click();
      const input = inputs[problem.path]?.('en') as Locator;
      expect(await description(input)).toContain(problem.message);
    }
    await screenshot(founder, 'errors-03-field-en');
    expect(watch.problems).toEqual([]);
  });

  it('leaves no form data behind on a shared computer: a correction page stores nothing until a field changes, sign-out removes every draft', async () => {
    // Prepare: a case whose founder is asked for the room number
    const zh = MESSAGES.zh;
    const watch = new ConsoleWatch();
    const founderId = `shared-computer-${Date.now()}`;
    const form = application('隐私');
    const caseId = await caseAwaitingCorrection(platform.url, founderId, form);
    const founder = await signIn(browser, watch, platform.url, 'zh', 'founder', founderId);
    const detail = field(founder, zh.groups['company.address'], zh.fields['company.address.detail']);
    const draftKey = `draft:${founderId}:correction:${caseId}`;
    const beforeOpening = await browserStorage(founder);

    // Act: the founder opens the correction page and reads it…
    await founder.goto(`${platform.url}/cases/${encodeURIComponent(caseId)}/correct/company`);
    await expect.poll(() => detail.inputValue()).toBe(form.company.address.detail);
    const whileReading = await browserStorage(founder);
    // …changes a field…
    await detail.fill('示例路18号A栋302房');
    await expect.poll(async () => Object.keys((await browserStorage(founder)).session)).toContain(draftKey);
    const afterChange = await browserStorage(founder);
    // …starts a new application as well, and signs out.
    await founder
      .getByRole('navigation', { name: zh.app.mainNav })
      .getByRole('link', { name: zh.nav.apply })
      .click();
    await next(founder, zh, 'company');
    await field(founder, zh.groups['company.name'], zh.fields['company.name.tradeName']).fill('隐私二');
    await founder.getByRole('button', { name: zh.app.signOut, exact: true }).click();
    await founder.getByRole('heading', { level: 1, name: zh.signIn.title }).waitFor();
    const afterSignOut = await browserStorage(founder);

    // Assess: reading the case's form copied none of it into the browser…
    expect(whileReading).toEqual(beforeOpening);
    expect(JSON.stringify(whileReading)).not.toContain(form.legalRepresentative.idNumber);
    // …a change is kept for this tab only…
    expect(afterChange.session[draftKey]).toContain('示例路18号A栋302房');
    expect(JSON.stringify(afterChange.local)).not.toContain('示例路18号A栋302房');
    // …and after sign-out no draft and no personal data remain in either storage.
    expect([...Object.keys(afterSignOut.local), ...Object.keys(afterSignOut.session)]).not.toContainEqual(
      expect.stringMatching(/^draft:/),
    );
    const left = JSON.stringify(afterSignOut);
    for (const personal of [
      form.legalRepresentative.idNumber,
      form.legalRepresentative.mobile,
      '示例路18号A栋302房',
      '隐私二',
    ]) {
      expect(left).not.toContain(personal);
    }
    expect(watch.problems).toEqual([]);
  });
});
