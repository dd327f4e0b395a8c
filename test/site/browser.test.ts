/**
 * The built site in Chromium, as a reader uses it: static code with JavaScript off,
 * Run, edit, Ctrl+Enter, Stop, floods, errors, Reset, saved edits, one worker per page,
 * and no request to any other host. Served with and without cross-origin isolation.
 *
 * Most checks share one page, in order, as one reader's visit: Python boots once for
 * them (a boot costs seconds; what each check shows does not depend on a fresh page).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { editorText, example, finished, forgetRun, open, replaceCode, resetAndRun, responseTime, status } from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const NOTEBOOK = 'The notebook version, with nest_asyncio';
const SQUARING = 'Squaring a number, slowly';
const SQUARING_OUTPUT = 'Square 1\nEnd square 1\n1';

describe('live examples in Chromium, in one reader\'s visit', () => {
  let opened: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    opened = await open(inject('isolatedURL'), PAGE);
  });
  afterAll(async () => {
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it("runs the notebook example of the source lesson, on Python restored from the build's snapshot", async () => {
    const { page, requests } = opened;
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const ex = example(page, NOTEBOOK);
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe(SQUARING_OUTPUT);
    await expect(status(ex).innerText()).resolves.toMatch(/^Done in \d+ ms · loop time 1\.\d+ s\.$/);
    expect(await page.evaluate(() => document.documentElement.dataset.pythonBoot)).toBe('snapshot');
    expect(requests.filter((url) => url.endsWith('.snapshot.gz'))).toHaveLength(1);
  });

  it('shares one worker between the examples of a page, and requests nothing from other hosts', async () => {
    const { page, requests } = opened;
    const first = example(page, SQUARING);
    const second = example(page, 'Three squares in one second');
    await forgetRun(first);
    // Two Run clicks at once: the second waits its turn.
    await first.getByRole('button', { name: 'Run' }).click();
    await second.getByRole('button', { name: 'Run' }).click();
    expect(await finished(first)).toBe(SQUARING_OUTPUT);
    expect(await finished(second)).toContain('[1, 4, 9] after 1.0');
    expect(page.workers().filter((worker) => worker.url().includes('worker'))).toHaveLength(1);
    const origin = new URL(inject('isolatedURL')).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  });

  it('opens the editor in the colours of the static code, character for character', async () => {
    const ex = example(opened.page, 'Breakfast, concurrently');
    // Every visible character with its colour, in reading order.
    const coloured = (root: string) =>
      ex.locator(root).evaluate((element) => {
        const leaves = [...element.querySelectorAll('span')].filter((span) => span.children.length === 0);
        return leaves.flatMap((span) => [...(span.textContent ?? '')].filter((c) => c.trim() && c !== '\u00a0').map((c) => `${c} ${getComputedStyle(span).color}`));
      });
    const before = await coloured('.live-example__code pre');
    await ex.locator('.live-example__code').click();
    await ex.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await expect.poll(() => coloured('.monaco-editor .view-lines'), { timeout: 10_000 }).toEqual(before);
  });

  it('marks the line of a SyntaxError in the editor, with its message', async () => {
    const ex = example(opened.page, SQUARING);
    await replaceCode(opened.page, ex, 'print("before")\nresult = await f()');
    await ex.getByRole('button', { name: 'Run' }).click();
    await finished(ex);
    await expect(ex.locator('.output__error').innerText()).resolves.toContain("SyntaxError: 'await' outside function");
    // The error marker sits on the line `result = await f()`.
    const marker = ex.locator('.monaco-editor .view-overlays > div', { has: opened.page.locator('.squiggly-error') });
    await marker.first().waitFor({ timeout: 10_000 });
    const markerTop = await marker.first().evaluate((line) => (line as HTMLElement).style.top);
    const codeLine = ex.locator('.monaco-editor .view-line', { hasText: 'result = await' });
    expect(await codeLine.evaluate((line) => (line as HTMLElement).style.top)).toBe(markerTop);
  });

  it('lets the keyboard leave the editor with Escape then Tab', async () => {
    const { page } = opened;
    const ex = example(page, SQUARING);
    await replaceCode(page, ex, 'x = 1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('# tab');
    // Tab alone indents (to the next tab stop): it does not leave the editor.
    await expect.poll(() => editorText(ex)).toMatch(/x = 1 {2,}# tab/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null)).toBe(true);
  });

  it('stops while True: pass through an interrupt (cross-origin isolated), and the next run works in the same worker', async () => {
    const { page } = opened;
    const ex = example(page, SQUARING);
    await replaceCode(page, ex, 'print("spinning")\nwhile True: pass');
    await ex.getByRole('button', { name: 'Run' }).click();
    await ex.locator('.output__text', { hasText: 'spinning' }).waitFor({ timeout: 30_000 });
    // The page answers while Python spins (a generous ceiling: a frozen page never answers).
    expect(await responseTime(page)).toBeLessThan(5000);
    await ex.getByRole('button', { name: 'Stop' }).click();
    // How fast a stop is, bench:runtime measures; here, that it happens.
    await status(ex).filter({ hasText: /^Stopped/ }).waitFor({ timeout: 15_000 });
    expect(await resetAndRun(ex)).toBe(SQUARING_OUTPUT);
    expect(page.workers().filter((worker) => worker.url().includes('worker'))).toHaveLength(1);
  });

  it('a 100,000-line print loop leaves the page responsive and ends in the truncation line', async () => {
    const { page } = opened;
    const ex = example(page, SQUARING);
    // Enter auto-indents the loop body in the editor.
    await replaceCode(page, ex, 'for i in range(100_000):\nprint(i)');
    await ex.getByRole('button', { name: 'Run' }).click();
    await ex.locator('.output__text', { hasText: '9999' }).waitFor({ timeout: 30_000 });
    expect(await responseTime(page)).toBeLessThan(5000);
    const text = await finished(ex);
    expect(text).toContain('[output truncated: the program printed more than 10,000 lines');
    await expect(ex.locator('.output__error').innerText()).resolves.toContain('OutputLimitExceeded');
  });

  it('keeps an edit across a reload, ignores corrupted or foreign saved edits, and Reset brings back the lesson', async () => {
    const { page } = opened;
    const ex = example(page, SQUARING);
    await replaceCode(page, ex, 'print("edited", 6 * 7)');
    // Ctrl+Enter runs this example, though another example's editor was opened since.
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finished(ex)).toBe('edited 42');
    await ex.locator('.live-example__edited').waitFor({ state: 'visible' });
    // Damaged or foreign entries for other examples: ignored, never an error.
    await page.evaluate((page) => {
      const key = (id: string) => `asyncio-live:edit:${page}#${id}`;
      localStorage.setItem(key('the-program-ends-before-the-work'), '{not json');
      localStorage.setItem(key('wait-for-the-work-through-its-future'), JSON.stringify({ v: 99, code: 'print("from the future")' }));
      localStorage.setItem(key('taking-turns'), JSON.stringify({ v: 1, original: 'an older lesson', code: 'print("stale")' }));
    }, PAGE);

    await page.reload();
    const again = example(page, SQUARING);
    await again.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await expect.poll(() => editorText(again)).toContain('print("edited", 6 * 7)');
    const first = page.locator('live-example').first();
    await first.getByRole('button', { name: 'Run' }).click();
    expect(await finished(first)).toBe('main is done');
    expect(await page.locator('live-example .live-example__edited:visible').count()).toBe(1);

    await again.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => editorText(again)).toContain("print('Square', x)");
    await forgetRun(again);
    await again.getByRole('button', { name: 'Run' }).click();
    expect(await finished(again)).toBe(SQUARING_OUTPUT);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('asyncio-live:edit:')))).toEqual([]);
  });
});

describe('live examples in Chromium, elsewhere', () => {
  it('with JavaScript off, shows the code and expected output, and no buttons', async () => {
    const { page, close } = await open(inject('isolatedURL'), PAGE, { javaScript: false });
    const ex = example(page, NOTEBOOK);
    await expect(ex.locator('.live-example__code').innerText()).resolves.toContain('nest_asyncio.apply()');
    await expect(ex.locator('.live-example__expected pre').innerText()).resolves.toBe(SQUARING_OUTPUT);
    expect(await page.locator('live-example button:visible').count()).toBe(0);
    await close();
  });

  it('stops while True: pass without isolation by replacing the worker, and the next run works', async () => {
    const { page, close } = await open(inject('plainURL'), PAGE);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const ex = example(page, SQUARING);
    await replaceCode(page, ex, 'print("spinning")\nwhile True: pass');
    await ex.getByRole('button', { name: 'Run' }).click();
    await ex.locator('.output__text', { hasText: 'spinning' }).waitFor({ timeout: 30_000 });
    expect(await responseTime(page)).toBeLessThan(5000);
    await ex.getByRole('button', { name: 'Stop' }).click();
    await status(ex).filter({ hasText: /^Stopped/ }).waitFor({ timeout: 15_000 });
    expect(await resetAndRun(ex)).toBe(SQUARING_OUTPUT);
    await close();
  });

  it('gives touch devices a plain editor, opened by a tap into the code, not by Run', async () => {
    const { page, close } = await open(inject('isolatedURL'), PAGE, { touch: true });
    const ex = example(page, SQUARING);
    // Run keeps the highlighted code: the plain editor has no colours.
    await ex.getByRole('button', { name: 'Run' }).tap();
    expect(await finished(ex)).toBe(SQUARING_OUTPUT);
    expect(await ex.locator('.live-example__code pre.shiki, .live-example__code pre').count()).toBeGreaterThan(0);
    expect(await ex.locator('textarea.live-example__textarea').count()).toBe(0);
    await ex.locator('.live-example__code').tap();
    await ex.locator('textarea.live-example__textarea').waitFor();
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    await close();
  });
});
