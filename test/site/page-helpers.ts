/** Helpers for the browser tests: one Chromium per test file, a fresh context per test. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../browser/chromium';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

export interface OpenOptions {
  javaScript?: boolean;
  touch?: boolean;
  /** Refuse every request to another host (and record it), as a closed network would. */
  blockOutside?: boolean;
  serviceWorkers?: 'allow' | 'block';
  /**
   * The reader's motion setting. Tests ask for less motion unless they are about it: a
   * smooth scroll still under way moves what a test measures.
   */
  motion?: 'reduce' | 'no-preference';
  /** The system's colour scheme (Chromium's default is light). */
  colorScheme?: 'light' | 'dark';
  /**
   * When Python starts (the reader's choice, src/client/page/boot-policy.ts): 'off' waits
   * for the first intent, as a reader who chose so; unset, the browser's hints decide
   * (in this Chromium: while the page is read).
   */
  pythonStart?: 'on' | 'off';
  /** The browser asks to save data (`navigator.connection.saveData`). */
  saveData?: boolean;
  /**
   * Refuse Python's files: for checks that need no run. The page still starts Python
   * at the reader's first intent, and a boot costs seconds of the machine's time.
   */
  withoutPython?: boolean;
}

/** A fresh browser context on `base + path`, recording requests, page errors and CSP refusals. */
export async function open(base: string, path: string, options: OpenOptions = {}) {
  const context: BrowserContext = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.touch ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    hasTouch: options.touch,
    isMobile: options.touch,
    reducedMotion: options.motion ?? 'reduce',
    colorScheme: options.colorScheme ?? 'light',
    // Blocked unless a test is about the service worker: at a reader's first intent it
    // caches Python and the editor (23 MB), work that every other test would pay for.
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const blocked: string[] = [];
  if (options.blockOutside) {
    const origin = new URL(base).origin;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
  }
  if (options.withoutPython) await context.route('**/pyodide/**', (route) => route.abort('blockedbyclient'));
  if (options.pythonStart) {
    await context.addInitScript((choice) => localStorage.setItem('asyncio-live:boot-early', choice), options.pythonStart);
  }
  if (options.saveData) {
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true, effectiveType: '4g' }) }),
    );
  }
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Every test also checks that the Content Security Policy refused nothing.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text().slice(0, 200));
  });
  await page.goto(base + path, { waitUntil: 'load' });
  const close = async () => {
    expect(violations, 'CSP violations').toEqual([]);
    await context.close();
  };
  return { page, context, requests, errors, blocked, close };
}

/** The page's Python workers: the runtime's worker starts from a blob: URL (runtime/page/browser.ts); the editor's does not. */
export const pythonWorkers = (page: Page) => page.workers().filter((worker) => worker.url().startsWith('blob:'));

export const example = (page: Page, title: string) => page.locator('live-example', { has: page.locator('figcaption', { hasText: title }) });
export const status = (ex: Locator) => ex.locator('.output__status');

/** Wait for the run shown in this example to end; returns its output text. */
export async function finished(ex: Locator): Promise<string> {
  await status(ex)
    .filter({ hasText: /^(Done|Stopped|Ended)/ })
    .waitFor({ timeout: 30_000 });
  return (await ex.locator('.output__text').innerText()).replace(/\n$/, '');
}

/**
 * The code the example shows: in its editor once open (Monaco draws spaces as no-break
 * spaces), else in its static view (a link's code or a saved edit shows there, highlighted,
 * until the reader clicks into it).
 */
export async function editorText(ex: Locator): Promise<string> {
  if ((await ex.locator('.monaco-editor').count()) > 0)
    return (await ex.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
  return (await ex.locator('.live-example__code > pre').innerText()).replace(/\n$/, '');
}

/**
 * Forget the status of the example's last run, so that `finished` waits for the next
 * one (tests that share a page run one example many times).
 */
export async function forgetRun(ex: Locator): Promise<void> {
  await ex.locator('.output__status').evaluateAll((statuses) => {
    for (const status of statuses) status.textContent = '';
  });
}

/** Press Run on an example that may have run before; returns the new run's output. */
export async function runAgain(ex: Locator): Promise<string> {
  await forgetRun(ex);
  await ex.getByRole('button', { name: 'Run' }).click();
  return finished(ex);
}

/** Press Reset, then Run: the lesson's own code runs again. */
export async function resetAndRun(ex: Locator): Promise<string> {
  await ex.getByRole('button', { name: 'Reset' }).click();
  return runAgain(ex);
}

/** Open the example's editor and replace its code, typing as a reader would (the last run's status is forgotten). */
export async function replaceCode(page: Page, ex: Locator, code: string): Promise<void> {
  await forgetRun(ex);
  await ex.locator('.live-example__code').click();
  const lines = ex.locator('.monaco-editor .view-lines');
  await lines.waitFor({ timeout: 30_000 });
  await lines.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // One line arrives at once, as typed text does; more lines are typed key by key (the
  // editor does not take several lines in one input event).
  if (code.includes('\n')) await page.keyboard.type(code);
  else await page.keyboard.insertText(code);
}

/** How long the page takes to answer a trivial script: a busy main thread answers late. */
export async function responseTime(page: Page): Promise<number> {
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  return Date.now() - started;
}

/**
 * Run `while True: pass` in the example, check the page still answers while Python
 * spins (a generous ceiling: a frozen page never answers), press Stop and wait for
 * the run to say so. How fast a stop is, bench:runtime measures; here, that it happens.
 */
export async function spinThenStop(page: Page, ex: Locator): Promise<void> {
  await replaceCode(page, ex, 'print("spinning")\nwhile True: pass');
  await ex.getByRole('button', { name: 'Run' }).click();
  await ex.locator('.output__text', { hasText: 'spinning' }).waitFor({ timeout: 30_000 });
  expect(await responseTime(page)).toBeLessThan(5000);
  await ex.getByRole('button', { name: 'Stop' }).click();
  await status(ex)
    .filter({ hasText: /^Stopped/ })
    .waitFor({ timeout: 15_000 });
}

/**
 * Records every text that elements matching `selector` show from now on, however briefly
 * (a download's counts change faster than a test can poll). Call the result to read them.
 */
export async function recordTexts(page: Page, selector: string): Promise<() => Promise<string[]>> {
  await page.evaluate((selector) => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      for (const element of document.querySelectorAll(selector)) seen.push(element.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, selector);
  return () => page.evaluate(() => (window as unknown as { seen: string[] }).seen);
}

/** Pages to pass through when a test must come back to the page it is on. */
const DETOURS = ['/lessons/synchronous-programming/', '/lessons/executing-tasks/'];

/**
 * Go to `path` by a link, as a reader does, and return once its page is in. Once Python
 * has booted, the link swaps the page in place and Python stays
 * (src/client/page/page-navigation.ts), where a new document (page.goto, a reload) boots
 * it again: so tests that share one booted page walk from page to page with this. The
 * link is one put in the page (a phone hides the sidebar). While Python boots, this
 * waits for it first (a link followed then loads a new document); before the reader's
 * first intent, the link loads a new document, as it does for a reader. On `path`
 * already, it goes by another page first: the test always finds the page as it comes.
 */
export async function follow(page: Page, path: string): Promise<void> {
  if (new URL(page.url()).pathname === path) await follow(page, DETOURS.find((detour) => detour !== path)!);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-python') !== 'booting', null, { timeout: 60_000 });
  await page.evaluate((path) => {
    const marked = window as unknown as { followed?: boolean };
    marked.followed = false;
    // The router's event once a swapped-in page is ready (a new document starts unmarked).
    document.addEventListener(
      'astro:page-load',
      () => {
        marked.followed = true;
      },
      { once: true },
    );
    const link = document.createElement('a');
    link.href = path;
    link.textContent = `To ${path}`;
    link.dataset.testLink = '';
    link.style.cssText = 'position: fixed; top: 0; left: 0; z-index: 2147483647; padding: 1rem; background: white';
    document.body.append(link);
  }, path);
  await page.locator('a[data-test-link]').click();
  await page.waitForURL(`**${path}`);
  await page.waitForFunction(
    () => (window as unknown as { followed?: boolean }).followed !== false && document.readyState === 'complete',
    null,
    { timeout: 30_000 },
  );
}

/** Forget every saved edit and solved mark (tests that share a page leave none behind). */
export async function forgetExampleRecords(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('asyncio-live:edit:') || key.startsWith('asyncio-live:solved:')) localStorage.removeItem(key);
    }
  });
}
