/**
 * The built site in Chromium, as a reader uses it: static code with JavaScript off,
 * Run, edit, Ctrl+Enter, Stop, floods, errors, Reset, saved edits, one worker per page,
 * and no request to any other host. Served with and without cross-origin isolation.
 */
import { describe, expect, inject, it } from 'vitest';
import { editorText, example, finished, open, replaceCode, responseTime, status } from './page-helpers';

const NOTEBOOK = 'The notebook version, with nest_asyncio';

describe('live examples in Chromium', () => {
  const base = () => inject('isolatedURL');

  it('with JavaScript off, shows the code and expected output, and no buttons', async () => {
    const { page, close } = await open(base(), '/lessons/executing-tasks/', { javaScript: false });
    const ex = example(page, NOTEBOOK);
    await expect(ex.locator('.live-example__code').innerText()).resolves.toContain('nest_asyncio.apply()');
    await expect(ex.locator('.live-example__expected pre').innerText()).resolves.toBe('Square 1\nEnd square 1\n1');
    expect(await page.locator('live-example button:visible').count()).toBe(0);
    await close();
  });

  it('runs the notebook example of the source lesson, on Python restored from the build\'s snapshot', async () => {
    const { page, close, errors, requests } = await open(base(), '/lessons/executing-tasks/');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const ex = example(page, NOTEBOOK);
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe('Square 1\nEnd square 1\n1');
    await expect(status(ex).innerText()).resolves.toMatch(/^Done in \d+ ms · loop time 1\.\d+ s\.$/);
    expect(await page.evaluate(() => document.documentElement.dataset.pythonBoot)).toBe('snapshot');
    expect(requests.filter((url) => url.endsWith('.snapshot.gz'))).toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('edits the code in the editor, runs it with Ctrl+Enter, keeps the edit across a reload, and resets', async () => {
    const { page, close } = await open(base(), '/lessons/executing-tasks/');
    const ex = example(page, 'Squaring a number, slowly');
    await replaceCode(page, ex, 'print("edited", 6 * 7)');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finished(ex)).toBe('edited 42');
    await ex.locator('.live-example__edited').waitFor({ state: 'visible' });

    await page.reload();
    const again = example(page, 'Squaring a number, slowly');
    await again.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await expect.poll(() => editorText(again)).toContain('print("edited", 6 * 7)');
    await again.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => editorText(again)).toContain("print('Square', x)");
    await again.getByRole('button', { name: 'Run' }).click();
    expect(await finished(again)).toBe('Square 1\nEnd square 1\n1');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('asyncio-live:edit:')))).toEqual([]);
    await close();
  });

  it('opens the editor in the colours of the static code, character for character', async () => {
    const { page, close } = await open(base(), '/lessons/executing-tasks/');
    const ex = example(page, 'Three squares in one second');
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
    await close();
  });

  it('marks the line of a SyntaxError in the editor', async () => {
    const { page, close } = await open(base(), '/lessons/writing-asynchronous-code/');
    const ex = example(page, 'await outside a coroutine');
    await ex.getByRole('button', { name: 'Run' }).click();
    await finished(ex);
    await expect(ex.locator('.output__error').innerText()).resolves.toContain("SyntaxError: 'await' outside function");
    // The error marker sits on the line `result = await my_function("argument")`.
    const marker = ex.locator('.monaco-editor .view-overlays > div', { has: page.locator('.squiggly-error') });
    await marker.first().waitFor({ timeout: 10_000 });
    const markerTop = await marker.first().evaluate((line) => (line as HTMLElement).style.top);
    const codeLine = ex.locator('.monaco-editor .view-line', { hasText: 'result = await' });
    expect(await codeLine.evaluate((line) => (line as HTMLElement).style.top)).toBe(markerTop);
    await close();
  });

  for (const [name, url] of [
    ['with cross-origin isolation (interrupt)', () => inject('isolatedURL')],
    ['without isolation (worker replaced)', () => inject('plainURL')],
  ] as const) {
    it(`stops while True: pass within a second, ${name}, and the next run works`, async () => {
      const { page, close } = await open(url(), '/lessons/executing-tasks/');
      const ex = example(page, 'Squaring a number, slowly');
      await replaceCode(page, ex, 'print("spinning")\nwhile True: pass');
      await ex.getByRole('button', { name: 'Run' }).click();
      await ex.locator('.output__text', { hasText: 'spinning' }).waitFor({ timeout: 30_000 });
      expect(await responseTime(page)).toBeLessThan(1000);
      const stopped = Date.now();
      await ex.getByRole('button', { name: 'Stop' }).click();
      await status(ex).filter({ hasText: /^Stopped/ }).waitFor({ timeout: 1000 });
      expect(Date.now() - stopped).toBeLessThan(1000);
      await ex.getByRole('button', { name: 'Reset' }).click();
      await ex.getByRole('button', { name: 'Run' }).click();
      expect(await finished(ex)).toBe('Square 1\nEnd square 1\n1');
      await close();
    });
  }

  it('a 100,000-line print loop leaves the page responsive and ends in the truncation line', async () => {
    const { page, close } = await open(base(), '/lessons/synchronous-programming/');
    const ex = example(page, 'Breakfast, one step at a time');
    // Enter auto-indents the loop body in the editor.
    await replaceCode(page, ex, 'for i in range(100_000):\nprint(i)');
    await ex.getByRole('button', { name: 'Run' }).click();
    await ex.locator('.output__text', { hasText: '9999' }).waitFor({ timeout: 30_000 });
    expect(await responseTime(page)).toBeLessThan(1000);
    const text = await finished(ex);
    expect(text).toContain('[output truncated: the program printed more than 10,000 lines');
    await expect(ex.locator('.output__error').innerText()).resolves.toContain('OutputLimitExceeded');
    await close();
  });

  it('shares one worker between the examples of a page, and requests nothing from other hosts', async () => {
    const { page, close, requests } = await open(base(), '/lessons/executing-tasks/');
    const first = example(page, 'Squaring a number, slowly');
    const second = example(page, 'Three squares in one second');
    // Two Run clicks at once: the second waits its turn.
    await first.getByRole('button', { name: 'Run' }).click();
    await second.getByRole('button', { name: 'Run' }).click();
    expect(await finished(first)).toBe('Square 1\nEnd square 1\n1');
    expect(await finished(second)).toContain('[1, 4, 9] after 1.0');
    expect(page.workers().filter((worker) => worker.url().includes('worker'))).toHaveLength(1);
    const origin = new URL(base()).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    await close();
  });

  it('ignores corrupted or foreign saved edits', async () => {
    const { page, close, errors } = await open(base(), '/lessons/executing-tasks/');
    const key = (index: number) => `asyncio-live:edit:/lessons/executing-tasks/#${index}`;
    await page.evaluate(
      ([a, b, c]) => {
        localStorage.setItem(a, '{not json');
        localStorage.setItem(b, JSON.stringify({ v: 99, code: 'print("from the future")' }));
        localStorage.setItem(c, JSON.stringify({ v: 1, original: 'an older lesson', code: 'print("stale")' }));
      },
      [key(0), key(1), key(2)],
    );
    await page.reload();
    const ex = page.locator('live-example').nth(0);
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe('main is done');
    await expect(page.locator('live-example .live-example__edited:visible').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('lets the keyboard leave the editor with Escape then Tab', async () => {
    const { page, close } = await open(base(), '/lessons/executing-tasks/');
    const ex = example(page, 'Squaring a number, slowly');
    await replaceCode(page, ex, 'x = 1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('# tab');
    // Tab alone indents (to the next tab stop): it does not leave the editor.
    await expect.poll(() => editorText(ex)).toMatch(/x = 1 {2,}# tab/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null);
    expect(focused).toBe(true);
    await close();
  });

  it('gives touch devices a plain editor, opened by a tap into the code, not by Run', async () => {
    const { page, close } = await open(base(), '/lessons/executing-tasks/', { touch: true });
    const ex = example(page, 'Squaring a number, slowly');
    // Run keeps the highlighted code: the plain editor has no colours.
    await ex.getByRole('button', { name: 'Run' }).tap();
    expect(await finished(ex)).toBe('Square 1\nEnd square 1\n1');
    expect(await ex.locator('.live-example__code pre.shiki, .live-example__code pre').count()).toBeGreaterThan(0);
    expect(await ex.locator('textarea.live-example__textarea').count()).toBe(0);
    await ex.locator('.live-example__code').tap();
    await ex.locator('textarea.live-example__textarea').waitFor();
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    await close();
  });
});
