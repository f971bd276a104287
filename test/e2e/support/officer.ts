import type { Page } from 'playwright-core';
import type { Messages } from '../../../web/src/i18n/messages';
import { screenshot } from './browser';

export interface Decision {
  outcome: 'approved' | 'correction-requested' | 'rejected';
  reasons?: { path: string; message: string }[];
}

/**
 * An officer opens the company's task from the inbox, decides, and goes back to the inbox. `item` names
 * the item's row when the department decides more than one item of the case.
 */
export async function decide(
  page: Page,
  t: Messages,
  company: string,
  decision: Decision,
  shot: string,
  item?: string,
) {
  const rows = item ? page.getByRole('row').filter({ hasText: item }) : page;
  await rows.getByRole('link', { name: company, exact: true }).click({ timeout: 30_000 });
  await page.getByRole('heading', { level: 2, name: t.task.decision }).waitFor();
  await page.getByLabel(t.status.outcome[decision.outcome] ?? decision.outcome, { exact: true }).check();
  for (const [index, reason] of (decision.reasons ?? []).entries()) {
    if (index > 0) await page.getByRole('button', { name: `+ ${t.task.addReason}` }).click();
    const group = page.getByRole('group', { name: t.task.reasonN(index + 1), exact: true });
    await group.getByLabel(t.task.reasonField, { exact: true }).selectOption(reason.path);
    await group.getByLabel(t.task.reasonMessage, { exact: true }).fill(reason.message);
  }
  await screenshot(page, `${shot}-deciding`);
  await page.getByRole('button', { name: t.task.submit, exact: true }).click();
  await page.getByText(t.task.decided(t.status.outcome[decision.outcome] ?? decision.outcome)).waitFor();
  await page.getByRole('link', { name: t.task.backToInbox }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}
