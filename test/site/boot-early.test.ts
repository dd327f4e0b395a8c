/**
 * Python starts while the reader reads (src/client/page/boot-policy.ts): with the
 * default policy, a lesson's Python boots with no intent at all, and a Run after reading
 * finds it ready; with Save-Data, or the reader's choice to wait, nothing of Python is
 * fetched until the first intent; the choice is made on the home page and kept.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { example, finished, open } from './page-helpers';

const PAGE = '/lessons/executing-tasks/';

/** Once the page has been idle long enough for the early start to have been decided (boot-early.ts waits for an idle moment, at most 2 s). */
const settled = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 0), { timeout: 5000 })));

describe('starting Python while the reader reads', () => {
  it('boots with no intent by default, and the first Run finds it ready', async () => {
    const { page, close } = await open(inject('isolatedURL'), PAGE);
    await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 60_000 });
    const ex = page.locator('live-example[data-runnable="true"]').first();
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    // No "Starting Python…" on the way: the run found Python ready.
    expect(await finished(ex)).toBe('main is done');
    expect(await ex.locator('.live-example__boot').isHidden()).toBe(true);
    await close();
  });

  it('fetches nothing of Python before the first intent when the browser asks to save data', async () => {
    const { page, requests, close } = await open(inject('isolatedURL'), PAGE, { saveData: true });
    await settled(page);
    expect(requests.filter((url) => url.includes('/pyodide/'))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.python ?? null)).toBeNull();
    // The first intent starts it, as it always did.
    await example(page, 'The program ends before the work').hover();
    await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 60_000 });
    await close();
  });

  it("follows the reader's choice, made on the home page and kept", async () => {
    const { page, requests, close } = await open(inject('isolatedURL'), '/');
    const choice = page.locator('.python-start select');
    await choice.waitFor();
    expect(await choice.inputValue()).toBe('');
    await choice.selectOption('off');
    expect(await page.evaluate(() => localStorage.getItem('asyncio-live:boot-early'))).toBe('off');
    await page.goto(`${inject('isolatedURL')}${PAGE}`);
    await settled(page);
    expect(requests.filter((url) => url.includes('/pyodide/'))).toEqual([]);
    await page.goto(`${inject('isolatedURL')}/`);
    expect(await page.locator('.python-start select').inputValue()).toBe('off');
    await close();
  });
});
