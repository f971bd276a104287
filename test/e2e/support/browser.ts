import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts');

/** Debian's Chromium; without the background-networking flags it opens connections this network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** An API answer the test provokes on purpose; Chromium logs every 4xx response as a console error. */
export interface ExpectedApiFailure {
  status: number;
  path: RegExp;
}

/**
 * Records every console error and uncaught page error of the pages in a context. A failed API response
 * counts unless the test said it expects that status from that route.
 */
export class ConsoleWatch {
  readonly problems: string[] = [];
  private readonly expected: ExpectedApiFailure[] = [];

  watch(context: BrowserContext): void {
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
  }

  expect(failure: ExpectedApiFailure): void {
    this.expected.push(failure);
  }

  private watchPage(page: Page): void {
    page.on('pageerror', (error) => this.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const status = Number(/status of (\d{3})/.exec(text)?.[1]);
      const url = message.location().url;
      const allowed = this.expected.some(
        (failure) => failure.status === status && failure.path.test(new URL(url, 'http://x').pathname),
      );
      if (!allowed) this.problems.push(`console error: ${text} (${url})`);
    });
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
