import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateUscc } from '../../shared/ids/uscc';
import { MESSAGES } from '../../web/src/i18n/messages';
import { fillApplication, signIn, uploaded } from './support/actors';
import { ConsoleWatch, launchBrowser, screenshot } from './support/browser';
import { pdfBytes, pngBytes, sha256, writeTemporaryFiles } from './support/files';
import { decide } from './support/officer';
import { buildWebApp, type Platform, startPlatform } from './support/platform';

const t = MESSAGES.zh;

/** Clicks a button that downloads, and reads what arrived: its blob URL and bytes. */
async function download(page: Page, button: string) {
  const [arrived] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await arrived.path();
  return { url: arrived.url(), name: arrived.suggestedFilename(), bytes: await readFile(path) };
}

describe('materials and results as documents, in the browser', () => {
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

  it('a founder uploads a PDF and a PNG, an officer previews them, the founder downloads the e-licence, anyone verifies the company', async () => {
    // Prepare: real files, as a founder has them on disk
    const watch = new ConsoleWatch();
    const run = `documents-${Date.now()}`;
    const company = '广州文书科技有限公司';
    const articles = await pdfBytes('Articles of association');
    const address = pngBytes();
    const files = await writeTemporaryFiles({ 'articles.pdf': articles, 'address.png': address });

    // Act: the founder fills the form; each file is uploaded as it is picked
    const founder = await signIn(browser, watch, platform.url, 'zh', 'founder', `founder-${run}`);
    await founder
      .getByRole('navigation', { name: t.app.mainNav })
      .getByRole('link', { name: t.nav.apply })
      .click();
    await fillApplication(founder, t, {
      tradeName: '文书',
      materials: [
        {
          id: 'articles-of-association',
          name: t.options.materialType['articles-of-association'],
          file: files['articles.pdf'],
        },
        { id: 'address-proof', name: t.options.materialType['address-proof'], file: files['address.png'] },
      ],
    });

    // Assess: each upload's bar reached 100% and its check came back clean
    await founder.getByRole('link', { name: t.apply.editStep(t.steps.materials) }).click();
    for (const name of ['articles.pdf', 'address.png']) {
      const row = await uploaded(founder, t, name);
      const bar = row.getByRole('progressbar', { name: t.uploads.progress(name), exact: true });
      expect(await bar.evaluate((element) => (element as HTMLProgressElement).value)).toBe(100);
      await row.getByText(t.uploads.percent(100), { exact: true }).waitFor();
    }
    await screenshot(founder, 'documents-01-uploaded');

    // Act: the founder submits
    await founder
      .getByRole('navigation', { name: t.apply.steps })
      .getByRole('link', { name: t.steps.review })
      .click();
    await founder.getByRole('button', { name: t.apply.submit, exact: true }).click();
    await founder.getByText(t.apply.submittedNotice).waitFor();

    // Act: market regulation opens the task and previews both files
    const market = await signIn(
      browser,
      watch,
      platform.url,
      'zh',
      'officer-market-regulation',
      `market-${run}`,
    );
    await market.getByRole('link', { name: company, exact: true }).click({ timeout: 30_000 });
    const materials = market.getByRole('region', { name: t.task.materials });
    await materials
      .getByText(t.files.named(t.options.materialType['articles-of-association'], 'articles.pdf'), {
        exact: true,
      })
      .waitFor();
    await market.getByRole('button', { name: `${t.files.preview} articles.pdf`, exact: true }).click();
    const frame = market.locator('iframe[title="articles.pdf"]');
    await frame.waitFor();
    const frameSource = (await frame.getAttribute('src')) ?? '';
    await market.getByRole('button', { name: `${t.files.preview} address.png`, exact: true }).click();
    const image = market.getByRole('img', { name: 'address.png', exact: true });
    await image.waitFor();
    await screenshot(market, 'documents-02-officer-preview');

    // Assess: the PDF's frame shows the blob the download saves, and that blob holds the founder's bytes;
    // the image decoded (the CSP lets blob: images show)
    expect(frameSource).toMatch(/^blob:/);
    const saved = await download(market, `${t.files.download} articles.pdf`);
    expect(saved.url).toBe(frameSource);
    expect(saved.name).toBe('articles.pdf');
    expect(sha256(saved.bytes)).toBe(sha256(articles));
    expect(await image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(16);

    // Act: the three departments approve
    await market
      .getByRole('navigation', { name: t.app.mainNav })
      .getByRole('link', { name: t.nav.inbox })
      .click();
    await decide(market, t, company, { outcome: 'approved' }, 'documents-03-market');
    for (const department of ['tax', 'public-security']) {
      const officer = await signIn(
        browser,
        watch,
        platform.url,
        'zh',
        `officer-${department}`,
        `${department}-${run}`,
      );
      await decide(officer, t, company, { outcome: 'approved' }, `documents-04-${department}`);
    }

    // Assess: the founder downloads the e-licence from the completed case
    const documents = founder.getByRole('region', { name: t.documents.title });
    const licence = documents.getByRole('listitem').filter({ hasText: t.documents.kind['e-licence'] ?? '' });
    await licence.waitFor({ timeout: 60_000 });
    await screenshot(founder, 'documents-05-case-documents');
    const [arrived] = await Promise.all([
      founder.waitForEvent('download'),
      licence.getByRole('button', { name: new RegExp(`^${t.files.download} `) }).click(),
    ]);
    const licenceBytes = await readFile(await arrived.path());
    expect(licenceBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await licence.getByRole('button', { name: new RegExp(`^${t.files.preview} `) }).click();
    await licence.locator('iframe').waitFor();

    // Assess: anyone, signed out, verifies the company by its USCC
    const results = founder.getByRole('region', { name: t.casePage.results });
    const uscc = ((await results.getByRole('definition').first().textContent()) ?? '').trim();
    expect(uscc).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
    const context = await browser.newContext({ locale: 'zh-CN' });
    watch.watch(context);
    const visitor = await context.newPage();
    await visitor.goto(`${platform.url}/verify/${uscc}`);
    await visitor.getByRole('heading', { level: 1, name: t.verify.title }).waitFor();
    await visitor.getByText(company, { exact: true }).waitFor();
    await visitor.getByText(uscc, { exact: true }).waitFor();
    await visitor.getByText(t.verify.statusName.registered ?? '', { exact: true }).waitFor();
    expect(new URL(visitor.url()).pathname).toBe(`/verify/${uscc}`);
    await screenshot(visitor, 'documents-06-verify');
    watch.expect({ status: 404, path: /^\/api\/verify\// });
    await visitor.goto(`${platform.url}/verify/${generateUscc()}`);
    await visitor.getByText(t.verify.notFound, { exact: true }).waitFor();

    expect(watch.problems).toEqual([]);
  });
});
