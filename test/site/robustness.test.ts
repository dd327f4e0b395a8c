/**
 * Bad input, in Chromium: whatever a reader types or a link carries ends in a clear
 * message, a working page and a working next run. Also share links.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { example, finished, open, replaceCode, responseTime, status } from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const TITLE = 'Squaring a number, slowly';

/** Run `code` in the example; returns the output, the status line and the error box. */
async function runCode(page: Page, ex: Locator, code: string) {
  await replaceCode(page, ex, code);
  await ex.getByRole('button', { name: 'Run' }).click();
  const output = await finished(ex);
  return { output, status: await status(ex).innerText(), error: await ex.locator('.output__error').innerText() };
}

async function nextRunWorks(ex: Locator): Promise<void> {
  await ex.getByRole('button', { name: 'Reset' }).click();
  await ex.getByRole('button', { name: 'Run' }).click();
  expect(await finished(ex)).toBe('Square 1\nEnd square 1\n1');
}

describe('bad input ends in a clear message, and the next run works', () => {
  const base = () => inject('isolatedURL');

  it.each([
    ['an uncaught exception', 'print("before")\nraise ValueError("bad value")', /ValueError: bad value/, 'before'],
    ['sys.exit(3)', 'import sys\nsys.exit(3)', /SystemExit: the program exited with status 3/, ''],
    ['raise KeyboardInterrupt', 'raise KeyboardInterrupt', /KeyboardInterrupt/, ''],
    ['recursion past the limit', 'def f(n): return f(n + 1)\nf(0)', /RecursionError: maximum recursion depth exceeded/, ''],
    ['input()', 'name = input("Name? ")', /InputNotAvailable: input\(\) cannot read from the keyboard here/, 'Name? '],
    ['reaching for the page', 'from js import document', /ImportError: cannot import name 'document'/, ''],
    ['reaching for the network', 'import js\nprint(js.fetch, js.XMLHttpRequest)', null, 'None None'],
    ['printing HTML', 'print("<img src=x onerror=alert(1)>")', null, '<img src=x onerror=alert(1)>'],
  ])('%s', async (_name, code, error, output) => {
    const { page, close, errors } = await open(base(), PAGE);
    page.on('dialog', (dialog) => errors.push(`dialog: ${dialog.message()}`));
    const ex = example(page, TITLE);
    const ran = await runCode(page, ex, code);
    expect(ran.output).toBe(output);
    if (error) expect(ran.error).toMatch(error);
    else expect(ran.status).toMatch(/^Done/);
    expect(await ex.locator('.output__text img').count()).toBe(0);
    await nextRunWorks(ex);
    expect(errors).toEqual([]);
    await close();
  });

  it('recursion far past the limit crashes Python, which is restarted', async () => {
    const { page, close } = await open(base(), PAGE);
    const ex = example(page, TITLE);
    const ran = await runCode(page, ex, 'import sys\nsys.setrecursionlimit(50_000)\ndef f(n): return f(n + 1)\nf(0)');
    expect(ran.error).toMatch(/FatalError: Python crashed .* and was restarted/);
    await nextRunWorks(ex);
    await close();
  });

  it('exhausting memory ends in MemoryError, and a fresh worker runs the next program', async () => {
    const { page, close } = await open(base(), PAGE);
    const ex = example(page, TITLE);
    const ran = await runCode(page, ex, 'blocks = [bytearray(1_500_000_000) for _ in range(3)]');
    expect(ran.error).toMatch(/MemoryError/);
    await nextRunWorks(ex);
    await close();
  });

  it('a 1 MB program runs', async () => {
    const { page, close } = await open(base(), PAGE);
    // A saved edit is the quickest way to put a megabyte into an example.
    const big = `s = "${'a'.repeat(1_000_000)}"\nprint(len(s))`;
    await page.evaluate(
      ([key, original, code]) => localStorage.setItem(key, JSON.stringify({ v: 1, original, code })),
      [`asyncio-live:edit:${PAGE}#0`, await page.locator('live-example').first().evaluate((e) => JSON.parse(e.querySelector('.live-example__data')!.textContent!).code), big],
    );
    await page.reload();
    const ex = page.locator('live-example').first();
    await ex.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe('1000000');
    expect(await responseTime(page)).toBeLessThan(1000);
    await close();
  });
});

describe('share links', () => {
  const base = () => inject('isolatedURL');

  it('carry edited code to another reader, with a notice, and never run it by themselves', async () => {
    const first = await open(base(), PAGE);
    const ex = example(first.page, TITLE);
    await replaceCode(first.page, ex, 'print("from a friend")');
    await ex.getByRole('button', { name: 'Share' }).click();
    await first.page.waitForFunction(() => location.hash.startsWith('#share-'));
    const link = first.page.url();
    await first.close();

    const second = await open(base(), new URL(link).pathname + new URL(link).hash);
    const shared = example(second.page, TITLE);
    await shared.locator('.live-example__notice', { hasText: 'This code came from a link' }).waitFor({ timeout: 30_000 });
    await shared.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await second.page.waitForTimeout(1000);
    expect(await shared.locator('.live-example__output').isVisible()).toBe(false);
    await shared.getByRole('button', { name: 'Run' }).click();
    expect(await finished(shared)).toBe('from a friend');
    await second.close();
  });

  it.each([
    ['malformed', '#share-7=%%%not-base64%%%', /could not be opened \(it contains characters a share link never has\)/],
    ['damaged', '#share-7=AAAA', /could not be opened \(the link is damaged/],
    ['oversized', `#share-7=${'A'.repeat(20_000)}`, /could not be opened \(the link is longer than any share link/],
  ])('%s links say so and show the lesson code', async (_name, hash, message) => {
    const { page, close } = await open(base(), PAGE + hash);
    const ex = page.locator('live-example').nth(7);
    await ex.locator('.live-example__notice').filter({ hasText: message }).waitFor({ timeout: 30_000 });
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe('Square 1\nEnd square 1\n1');
    await close();
  });
});
