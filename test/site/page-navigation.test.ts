/**
 * Links once Python has booted, in Chromium: the next page is swapped into this one
 * (src/client/page/page-navigation.ts), so the page's worker and interpreter stay and the
 * next page's examples run without a boot. Before the boot, and to a page of another
 * build, a link loads a new document as it always did.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { finished, forgetExampleRecords, open, pythonWorkers, replaceCode } from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const NEXT = '/beyond/many-tasks/';
const NEXT_TITLE = 'Running many tasks';

const firstExample = (page: Page) => page.locator('live-example[data-runnable="true"]').first();
const python = (page: Page) => page.evaluate(() => document.documentElement.dataset.python);

/** Show intent on the page's first example and wait for Python. */
async function boot(page: Page): Promise<void> {
  await firstExample(page).hover();
  await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 60_000 });
}

/** Count the documents the page loads from now on. */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on('load', () => loads++);
  return () => loads;
}

describe('links before Python has booted', () => {
  const base = () => inject('isolatedURL');

  it('load a new document while Python has not booted (the router is not even downloaded)', async () => {
    // A reader who chose to start Python only when they press Run, and has not yet.
    const { page, requests, close } = await open(base(), PAGE, { withoutPython: true, pythonStart: 'off' });
    const loads = countLoads(page);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**${NEXT}`);
    await page.waitForLoadState('load');
    expect(loads()).toBe(1);
    expect(requests.filter((url) => url.includes('page-navigation'))).toEqual([]);
    await close();
  });
});

/**
 * One visit, Python booted once: each test goes on from the page the last one left, by
 * links, as a reader would (a new document would boot Python again).
 */
describe('links once Python has booted', () => {
  const base = () => inject('isolatedURL');
  let visit: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    visit = await open(base(), PAGE);
    // The reader's theme, from an earlier visit: the swapped pages must keep it.
    await visit.page.evaluate(() => localStorage.setItem('starlight-theme', 'dark'));
    await visit.page.reload();
    await boot(visit.page);
  });
  afterAll(async () => {
    expect(visit.errors).toEqual([]);
    await visit.close();
  });

  /** Back to the first page by the sidebar's link, swapped in. */
  const backToFirst = async (page: Page) => {
    if (new URL(page.url()).pathname === PAGE) return;
    await page.locator(`nav.sidebar a[href="${PAGE}"]`).click();
    await page.waitForURL(`**${PAGE}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Executing tasks');
  };

  it('swap the next page in: the same worker runs its examples at once; the theme, the sidebar, search and Back work', async () => {
    const { page } = visit;
    const loads = countLoads(page);
    expect(pythonWorkers(page)).toHaveLength(1);

    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**${NEXT}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(NEXT_TITLE);
    // Python is ready on arrival: nothing boots again.
    expect(await python(page)).toBe('ready');
    expect(pythonWorkers(page)).toHaveLength(1);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.title()).toContain(NEXT_TITLE);
    expect(await page.locator('nav.sidebar a[aria-current="page"]').textContent()).toContain(NEXT_TITLE);
    // The page reached is marked as visited in the sidebar.
    await page.locator('nav.sidebar a[aria-current="page"] .course-progress').waitFor();
    const ex = firstExample(page);
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).not.toBe('');
    expect(await ex.locator('.output__status').textContent()).toMatch(/^Done/);

    // Search: one dialog, opened by Ctrl+K, with results.
    await page.keyboard.press('Control+k');
    const dialog = page.locator('site-search dialog[open]');
    await dialog.waitFor();
    await page.keyboard.type('TaskGroup');
    const result = dialog.locator('a.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    const found = new URL((await result.getAttribute('href'))!, page.url()).pathname;
    await result.click();
    await page.waitForURL(`**${found}`);
    // The search closed with the page it was opened on.
    await expect.poll(() => page.locator('site-search dialog[open]').count()).toBe(0);
    expect(await page.locator('site-search').count()).toBe(1);

    await page.goBack();
    await page.waitForURL(`**${NEXT}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(NEXT_TITLE);
    await page.goBack();
    await page.waitForURL(`**${PAGE}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Executing tasks');
    expect(loads()).toBe(0);
    expect(pythonWorkers(page)).toHaveLength(1);
  });

  it('keep the editor whole across links and Back: its input hidden, its code in place, typing landing in it', async () => {
    const { page } = visit;
    await backToFirst(page);
    /** Open the first example's editor, type into it, and say where the editor stands. */
    const editHere = async (typed: string) => {
      const ex = firstExample(page);
      await ex.locator('.live-example__code').click();
      const lines = ex.locator('.monaco-editor .view-lines');
      await lines.waitFor({ timeout: 30_000 });
      await lines.click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type(typed);
      await expect.poll(async () => (await lines.innerText()).replace(/\u00a0/g, ' ')).toContain(typed);
      return ex.locator('.monaco-editor').evaluate((editor) => {
        const input = editor.querySelector<HTMLTextAreaElement>('textarea.inputarea, .native-edit-context, textarea')!;
        const box = input.getBoundingClientRect();
        const code = editor.querySelector('.view-lines')!.getBoundingClientRect();
        const frame = editor.getBoundingClientRect();
        return { inputSize: Math.max(box.width, box.height), codeLeft: code.left - frame.left, height: frame.height };
      });
    };
    const first = await editHere('# on the first page');
    const monacoStyles = await page.locator('head style[data-monaco]').count();
    expect(monacoStyles).toBeGreaterThan(0);
    for (const step of ['next', 'next', 'back'] as const) {
      const heading = await page.locator('h1').first().textContent();
      if (step === 'next') await page.locator('a[rel="next"]').click();
      else await page.goBack();
      // The page is in once its heading is: until then the old page's editor is still there.
      await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 30_000 }).not.toBe(heading);
      await expect.poll(() => python(page)).toBe('ready');
      const here = await editHere(`# after ${step}`);
      // Monaco's own stylesheet hides its input in a 1-pixel box and puts the code after the line numbers.
      expect(here.inputSize, `the editor's input after ${step}`).toBeLessThanOrEqual(first.inputSize);
      expect(here.codeLeft, `the code's left edge after ${step}`).toBeGreaterThan(0);
      expect(here.height, `the editor's height after ${step}`).toBeGreaterThan(0);
    }
    // Each of Monaco's stylesheets once: none lost, none doubled.
    expect(await page.locator('head style[data-monaco]').count()).toBe(monacoStyles);
  });

  it("stop the run of the page left behind, and read the new page's saved edits", async () => {
    const { page } = visit;
    await backToFirst(page);
    // The reader edited the next page's first example on an earlier visit.
    const next = await page.evaluate(async (path) => {
      const html = new DOMParser().parseFromString(await (await fetch(path)).text(), 'text/html');
      const example = html.querySelector<HTMLElement>('live-example[data-runnable="true"]')!;
      return {
        id: example.dataset.exampleId!,
        code: JSON.parse(example.querySelector('.live-example__data')!.textContent!).code as string,
      };
    }, NEXT);
    await page.evaluate(
      ([key, original]) => localStorage.setItem(key, JSON.stringify({ v: 1, original, code: 'print("my edit, from before")' })),
      [`asyncio-live:edit:${NEXT}#${next.id}`, next.code],
    );
    // A run that would spin until the page's time limit (60 s): it must not hold the
    // next page's runs behind it.
    const spinning = firstExample(page);
    await replaceCode(page, spinning, 'print("spinning")\nwhile True: pass');
    await spinning.getByRole('button', { name: 'Run' }).click();
    await spinning.locator('.output__text', { hasText: 'spinning' }).waitFor({ timeout: 30_000 });
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**${NEXT}`);

    // The edit was found under the new page's address as the page came in, before any intent.
    const ex = firstExample(page);
    await ex.locator('.live-example__edited').waitFor({ state: 'visible', timeout: 30_000 });
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe('my edit, from before');
  });

  it("keep the reader's Wrap on the pages swapped in: long lines still wrap", async () => {
    const { page } = visit;
    await backToFirst(page);
    await page.setViewportSize({ width: 390, height: 844 });
    onTestFinished(() => page.setViewportSize({ width: 1280, height: 900 }));
    const wrapped = () => page.evaluate(() => document.documentElement.classList.contains('wrap-code'));
    const wrap = firstExample(page).getByRole('button', { name: 'Wrap' });
    if (!(await wrapped())) {
      // On narrow screens Wrap sits behind More.
      if (!(await wrap.isVisible())) await firstExample(page).getByRole('button', { name: 'More' }).click();
      await wrap.click();
    }
    expect(await wrapped()).toBe(true);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**${NEXT}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(NEXT_TITLE);
    expect(await wrapped(), 'the swapped page wraps').toBe(true);
    // (Behind More, so out of the accessibility tree: found by its action.)
    expect(await firstExample(page).locator('button[data-action="wrap"]').getAttribute('aria-pressed')).toBe('true');
  });

  // Last: the new document it loads ends the visit's Python.
  it('load a page of another build as a new document', async () => {
    const { page, context } = visit;
    await backToFirst(page);
    // The saved edit an earlier test left for the next page would open its example, and
    // start Python, as that page loads: this test is about a page that has not.
    await forgetExampleRecords(page);
    await context.route(`**${NEXT}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/(name="asyncio-live-build" content=")[^"]*/, '$1another-build');
      await route.fulfill({ response, body: html });
    });
    expect(await python(page)).toBe('ready');
    const loads = countLoads(page);
    // From the keyboard: a pointer left over the new page would show intent and boot Python there.
    await page.mouse.move(0, 0);
    await page.locator('a[rel="next"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${NEXT}`);
    await page.waitForLoadState('load');
    expect(loads()).toBe(1);
    expect(await python(page)).toBeUndefined();
  });
});
