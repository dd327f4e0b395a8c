/**
 * The learner's path, in Chromium, as issue 27 found it wanting: where a run shows up,
 * what Run says while Python comes, and the exercises that ask for a prediction.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { example, finished, open } from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const TITLE = 'Squaring a number, slowly';

/** Wait until the page stops scrolling (a smooth scroll takes a few hundred ms). */
async function scrollSettled(page: Page): Promise<number> {
  let last = -1;
  for (;;) {
    const now = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(scrollY)))));
    if (now === last) return now;
    last = now;
  }
}

/** Scroll so the example's Run button sits in the middle of the window. */
async function runButtonMidScreen(page: Page, ex: Locator): Promise<void> {
  await ex.getByRole('button', { name: 'Run' }).evaluate((button) => {
    const box = button.getBoundingClientRect();
    scrollBy({ top: box.top - innerHeight / 2, behavior: 'instant' });
  });
  await scrollSettled(page);
}

/** Where the output's status line is, from the window's top, and the window's height. */
const outputPlace = (ex: Locator) =>
  ex.locator('.output__head').evaluate((head) => ({ top: head.getBoundingClientRect().top, height: innerHeight }));

describe('the run is where the reader looks', () => {
  const base = () => inject('isolatedURL');

  for (const touch of [false, true]) {
    it(`brings the output into view after Run, and keeps the focus on Run (${touch ? 'phone' : 'desktop'})`, async () => {
      const { page, errors, close } = await open(base(), PAGE, { touch, motion: 'no-preference' });
      const ex = example(page, TITLE);
      await runButtonMidScreen(page, ex);
      const run = ex.getByRole('button', { name: 'Run' });
      await run.focus();
      await page.keyboard.press('Enter');
      // Python's first boot says where it is, beside the button just pressed.
      await ex.locator('.live-example__boot').filter({ hasText: /Python|Starting/ }).waitFor({ timeout: 30_000 });
      await finished(ex);
      await scrollSettled(page);
      const { top, height } = await outputPlace(ex);
      expect(top).toBeGreaterThan(0);
      expect(top).toBeLessThan(height - 100);
      expect(await ex.locator('.live-example__boot').isVisible()).toBe(false);
      expect(await run.evaluate((button) => button === document.activeElement)).toBe(true);

      // In view already: a second Run does not move the page.
      const before = await scrollSettled(page);
      await run.click();
      await finished(ex);
      expect(await scrollSettled(page)).toBe(before);
      expect(errors).toEqual([]);
      await close();
    });
  }
});
