import { basename } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../../shared/api/demo-accounts';
import { CATALOGUE } from '../../../shared/catalogue';
import { type Language, MESSAGES, type Messages } from '../../../web/src/i18n/messages';
import { type ConsoleWatch, screenshot } from './browser';
import { pdfBytes } from './files';

/** A demo account of the sign-in page (shared/api/demo-accounts.ts): founder, agent, officer-<department>, ops. */
export type RoleId = string;

function accountLabel(role: RoleId, lang: Language): string {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.id === role);
  if (!account) throw new Error(`No demo account ${role}`);
  return account.label[lang];
}

/** One person at one browser: their own context, so their session and draft are their own. */
export async function signIn(
  browser: Browser,
  watch: ConsoleWatch,
  url: string,
  lang: Language,
  role: RoleId,
  userId: string,
  shot?: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  watch.watch(context);
  const page = await context.newPage();
  await page.goto(url);
  const t = MESSAGES[lang];
  if (lang === 'en') await page.getByRole('button', { name: MESSAGES.zh.app.switchLanguageLabel }).click();
  await page.getByRole('heading', { level: 1, name: t.signIn.title }).waitFor();
  await page.getByLabel(t.signIn.userId, { exact: true }).fill(userId);
  if (shot) await screenshot(page, shot);
  await page
    .getByRole('group', { name: t.signIn.role, exact: true })
    .getByRole('button', { name: accountLabel(role, lang), exact: true })
    .click();
  await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
  return page;
}

/** A field inside a named group, found the way a person finds it: by the group's name and the field's label. */
export function field(scope: Page | Locator, group: string, label: string): Locator {
  return scope.getByRole('group', { name: group, exact: true }).getByLabel(label, { exact: true });
}

/** A step of the form only some items read, filled in by the test that opens such a case. */
export interface TradeStep {
  step: keyof Messages['steps'];
  fill: (page: Page, t: Messages) => Promise<void>;
}

export interface Founding {
  tradeName: string;
  /** The bundle picked on the first step; company-opening when absent. */
  bundle?: string;
  industry?: string;
  scope?: { description: string; licensed: boolean };
  tradeSteps?: TradeStep[];
  /**
   * The checklist's materials, one file each (a PDF made for it, or the file at `file`); the two
   * registration asks for when absent.
   */
  materials?: { id: string; name: string; file?: string }[];
  /** Wrong on purpose in the test of field errors. */
  secondShareholderId?: string;
  contactMobile?: string;
}

export const PEOPLE = {
  zhang: { name: '张三', idNumber: '440111198604182179' },
  li: { name: '李四', idNumber: '440106199011034289' },
};

/** Two years from today: inside the five years a limited liability company has to pay its capital. */
function contributionDeadline(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 2);
  return date.toISOString().slice(0, 10);
}

export async function next(page: Page, t: Messages, step: keyof Messages['steps'], shot?: string) {
  if (shot) await screenshot(page, shot);
  await page.getByRole('button', { name: t.apply.next, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: t.steps[step], exact: true }).waitFor();
}

/** Waits until a picked file's upload has ended, and fails at once, saying why, unless it was checked clean. */
export async function uploaded(page: Page, t: Messages, fileName: string): Promise<Locator> {
  const row = page.getByRole('listitem').filter({ hasText: fileName });
  const status = row.getByRole('status');
  const ends = (['clean', 'rejected', 'infected', 'refused', 'failed'] as const).map((phase) =>
    t.uploads.phase[phase].replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  await status.filter({ hasText: new RegExp(`^(${ends.join('|')})`) }).waitFor({ timeout: 60_000 });
  const text = await status.textContent();
  if (text !== t.uploads.phase.clean) throw new Error(`${fileName} was not checked clean: ${text}`);
  return row;
}

/** Fills the one form step by step, as a founder does, ending on the review page; `shots` names screenshots of each step. */
export async function fillApplication(
  page: Page,
  t: Messages,
  founding: Founding,
  shots?: string,
): Promise<void> {
  const shot = (step: string) => (shots ? `${shots}-${step}` : undefined);
  const g = t.groups;
  const f = t.fields;
  const lang: Language = t === MESSAGES.en ? 'en' : 'zh';
  await page.getByRole('heading', { level: 2, name: t.steps.bundle, exact: true }).waitFor();
  const bundle = CATALOGUE.bundles.find(({ id }) => id === (founding.bundle ?? 'company-opening'));
  if (!bundle) throw new Error(`No bundle ${founding.bundle}`);
  await page
    .getByLabel(`${bundle.name[lang]} · ${t.apply.committedDays(bundle.slaWorkingDays)}`, { exact: true })
    .check();
  await next(page, t, 'company', shot('0-bundle'));
  await field(page, g['company.name'], f['company.name.tradeName']).fill(founding.tradeName);
  await field(page, g['company.name'], f['company.name.industry']).fill(founding.industry ?? '科技');
  await page.getByLabel(f['company.registeredCapitalCny'], { exact: true }).fill('1000000');
  const scope = page.getByRole('group', { name: g['company.businessScope[]'](1), exact: true });
  await scope
    .getByLabel(f['company.businessScope[].description'], { exact: true })
    .fill(founding.scope?.description ?? '软件开发');
  if (founding.scope?.licensed)
    await scope.getByLabel(f['company.businessScope[].category'], { exact: true }).selectOption('licensed');
  await field(page, g['company.address'], f['company.address.district']).selectOption('白云区');
  await field(page, g['company.address'], f['company.address.street']).selectOption('京溪街道');
  await field(page, g['company.address'], f['company.address.detail']).fill('示例路18号A栋301房');

  await next(page, t, 'people', shot('1-company'));
  const deadline = contributionDeadline();
  const representative = page.getByRole('group', { name: g.legalRepresentative, exact: true });
  await representative.getByLabel(f['legalRepresentative.name'], { exact: true }).fill(PEOPLE.zhang.name);
  await representative
    .getByLabel(f['legalRepresentative.idNumber'], { exact: true })
    .fill(PEOPLE.zhang.idNumber);
  await representative.getByLabel(f['legalRepresentative.mobile'], { exact: true }).fill('13800138000');
  await page.getByRole('button', { name: `+ ${t.apply.addShareholder}` }).click();
  const shareholders = [
    { ...PEOPLE.zhang, capital: 600_000 },
    { ...PEOPLE.li, idNumber: founding.secondShareholderId ?? PEOPLE.li.idNumber, capital: 400_000 },
  ];
  for (const [index, shareholder] of shareholders.entries()) {
    const group = page.getByRole('group', { name: g['shareholders[]'](index + 1), exact: true });
    await group.getByLabel(f['shareholders[].name'], { exact: true }).fill(shareholder.name);
    await group.getByLabel(f['shareholders[].idNumber'], { exact: true }).fill(shareholder.idNumber);
    await group
      .getByLabel(f['shareholders[].subscribedCapitalCny'], { exact: true })
      .fill(String(shareholder.capital));
    await group.getByLabel(f['shareholders[].contributionDeadline'], { exact: true }).fill(deadline);
  }
  await field(page, g['directors[]'](1), f['directors[].name']).fill(PEOPLE.zhang.name);
  await field(page, g['directors[]'](1), f['directors[].idNumber']).fill(PEOPLE.zhang.idNumber);
  await field(page, g.supervisor, f['supervisor.name']).fill(PEOPLE.li.name);
  await field(page, g.supervisor, f['supervisor.idNumber']).fill(PEOPLE.li.idNumber);
  await field(page, g.contact, f['contact.name']).fill(PEOPLE.zhang.name);
  await field(page, g.contact, f['contact.mobile']).fill(founding.contactMobile ?? '13900139000');

  await next(page, t, 'invoice', shot('2-people'));
  await next(page, t, 'seals', shot('3-invoice'));
  await field(page, g['seals.maker'], f['seals.maker.name']).fill('广州示例刻章有限公司');
  await field(page, g['seals.maker'], f['seals.maker.uscc']).fill('91440111MA5EXAMP00');

  let previous = '4-seals';
  for (const [index, trade] of (founding.tradeSteps ?? []).entries()) {
    await next(page, t, trade.step, shot(previous));
    await trade.fill(page, t);
    previous = `4${String.fromCharCode(97 + index)}-${trade.step}`;
  }
  await next(page, t, 'delivery', shot(previous));
  await page.getByLabel(f['delivery.recipient'], { exact: true }).fill(PEOPLE.zhang.name);
  await page.getByLabel(f['delivery.mobile'], { exact: true }).fill('13800138000');
  await field(page, g['delivery.address'], f['delivery.address.district']).fill('白云区');
  await field(page, g['delivery.address'], f['delivery.address.detail']).fill('示例路18号A栋301房');

  await next(page, t, 'materials', shot('5-delivery'));
  const materials = founding.materials ?? [
    { id: 'articles-of-association', name: t.options.materialType['articles-of-association'] },
    { id: 'address-proof', name: t.options.materialType['address-proof'] },
  ];
  for (const material of materials) {
    const file = material.file ?? {
      name: `${material.id}.pdf`,
      mimeType: 'application/pdf',
      buffer: await pdfBytes(material.id),
    };
    await page.getByLabel(`${material.name}${t.apply.required}`.trim()).setInputFiles(file);
    await uploaded(page, t, typeof file === 'string' ? basename(file) : file.name);
  }

  await next(page, t, 'review', shot('6-materials'));
}
