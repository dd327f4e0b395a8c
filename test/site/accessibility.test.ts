/**
 * axe-core on every page, in both themes, with nothing left out: the pages as they load
 * (Python refused: no run is needed to check them) at 1280 px, and at 390 px for what
 * the width changes (what scrolls, target sizes, what the header shows); one lesson after
 * a run, with its timeline, table and editor open; and the pages whose examples fail on
 * purpose after running them all, at both widths. WCAG 2.2 A and AA rules; no violation
 * is allowed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { open } from './page-helpers';
import { lessonSlugs } from './visit-lessons';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The rules whose findings a narrower page changes (what scrolls, what shows, how big a target is). */
const NARROW_RULES = [
  'scrollable-region-focusable',
  'target-size',
  'label-content-name-mismatch',
  'nested-interactive',
  'region',
  'link-name',
  'button-name',
];

/** axe's violations in the page as it is now, one line each: rule, then the first elements. */
async function violations(page: Page, rules: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async (rules) => {
    const axe = (
      window as unknown as {
        axe: { run(context: object, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const { violations } = await axe.run(document, { runOnly: rules, resultTypes: ['violations'] });
    return violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  }, rules);
  return found;
}

/** Resolves once the page has gone three frames without a change to its DOM (at most 300 frames). */
async function layoutSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let quiet = 0;
        let frames = 0;
        const changes = new MutationObserver(() => {
          quiet = 0;
        });
        changes.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const frame = () => {
          quiet++;
          frames++;
          if (quiet >= 3 || frames >= 300) {
            changes.disconnect();
            resolve();
          } else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

/**
 * Both themes of the loaded page (Starlight's CSS follows the root's data-theme): every
 * rule in the light one, and in the dark one what a theme changes, colour contrast.
 */
async function inBothThemes(page: Page): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const [theme, rules] of [
    ['light', RULES],
    ['dark', ['color-contrast']],
  ] as const) {
    await page.evaluate((theme) => (document.documentElement.dataset.theme = theme), theme);
    // An open editor takes the theme a frame or two later, redrawing its lines: wait, or axe
    // meets lines Monaco just replaced, detached, without colours (`:root > span > .mtk5`).
    await layoutSettled(page);
    found[theme] = await violations(page, [...rules]);
  }
  return found;
}

describe('accessibility (axe-core)', () => {
  // One browser page visits them all; each page is a test of its own, with its own time
  // (the whole walk, as one test, came close to a test's ceiling on a loaded machine).
  let visit: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    visit = await open(inject('plainURL'), '/', { withoutPython: true });
  });
  afterAll(() => visit.close());

  it.each(['/', ...lessonSlugs.map((slug) => `/${slug}/`)])(
    'finds nothing on %s as it loads, light or dark, at 1280 and 390 px; at 1280 px no example scrolls sideways',
    async (path) => {
      await visit.page.setViewportSize({ width: 1280, height: 900 });
      await visit.page.goto(inject('plainURL') + path, { waitUntil: 'load' });
      expect(await inBothThemes(visit.page)).toEqual({ light: [], dark: [] });
      // Every line of every example fits the column at a desktop's width.
      const overflowing = await visit.page.$$eval('live-example .live-example__code pre', (pres) =>
        pres.filter((pre) => pre.scrollWidth > pre.clientWidth).map((pre) => pre.closest('live-example')!.getAttribute('data-example-id')),
      );
      expect(overflowing, `${path}: examples wider than the column`).toEqual([]);
      // A phone's width: the diagrams scroll sideways, the header hides words.
      await visit.page.setViewportSize({ width: 390, height: 844 });
      expect(await violations(visit.page, NARROW_RULES)).toEqual([]);
    },
  );

  // One booted page for every check after a run: it goes from page to page by links (the
  // router keeps Python), as a reader does.
  it('finds nothing after a run (timeline, table, editor open), on the page a link swaps in, and after every example of the pages that fail on purpose has run, light or dark, at 1280 and 390 px', async () => {
    const { page, close } = await open(inject('isolatedURL'), '/lessons/executing-tasks/');
    const ex = page.locator('live-example', { has: page.locator('figcaption', { hasText: 'Three squares in one second' }) });
    await ex.getByRole('button', { name: 'Run' }).click();
    await ex.locator('.output__status').filter({ hasText: /^Done/ }).waitFor({ timeout: 30_000 });
    await ex.locator('.timeline__svg').waitFor();
    await ex.locator('.timeline summary').first().click();
    await ex.locator('.live-example__code').click();
    await ex.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    expect(await inBothThemes(page)).toEqual({ light: [], dark: [] });

    // The next page, reached by a link once Python has booted: swapped into this one
    // (src/client/page/page-navigation.ts), with the router's announcement of its title.
    await page.locator('a[rel="next"]').click();
    await page.locator('.astro-route-announcer', { hasText: 'Running many tasks' }).waitFor({ state: 'attached' });
    expect(await inBothThemes(page)).toEqual({ light: [], dark: [] });

    // The pages whose examples print to stderr or end in errors on purpose, reached by the sidebar.
    for (const path of ['/beyond/debugging/', '/beyond/finding-a-hang/', '/beyond/mixing-sync-and-async/']) {
      await page.setViewportSize({ width: 1280, height: 900 });
      const heading = await page.locator('h1').first().textContent();
      await page.locator(`nav.sidebar a[href="${path}"]`).click();
      await page.waitForURL(`**${path}`);
      await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 30_000 }).not.toBe(heading);
      const examples = await page.locator('live-example[data-runnable="true"]:not([data-exercise])').all();
      expect(examples.length, path).toBeGreaterThanOrEqual(3);
      for (const ex of examples) {
        const guess = ex.locator('.live-example__guess');
        if (await guess.count()) await guess.fill('a guess');
        await ex.getByRole('button', { name: 'Run', exact: true }).click();
        await ex
          .locator('.output__status')
          .filter({ hasText: /^(Done|Ended|Stopped)/ })
          .waitFor({ timeout: 30_000 });
      }
      await layoutSettled(page);
      expect(await inBothThemes(page), `${path} at 1280 px`).toEqual({ light: [], dark: [] });
      await page.setViewportSize({ width: 390, height: 844 });
      // The editors the runs opened lay themselves out again at the new width, a frame or two later.
      await layoutSettled(page);
      expect(await inBothThemes(page), `${path} at 390 px`).toEqual({ light: [], dark: [] });
    }
    await close();
  }, 180_000);
});
