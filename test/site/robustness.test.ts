/**
 * Bad input, in Chromium: whatever a reader types or a link carries ends in a clear
 * message, a working page and a working next run. Also share links: new ones (by
 * example id) and ones made before ids (by position).
 */
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { example, finished, open, replaceCode, resetAndRun, responseTime, status } from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const TITLE = 'Squaring a number, slowly';
const ID = 'squaring-a-number-slowly';
/** Its position on the page before examples had ids (src/fence/legacy-indexes.json). */
const LEGACY_INDEX = 6;
const LESSON_OUTPUT = 'Square 1\nEnd square 1\n1';

/** Run `code` in the example; returns the output, the status line and the error box. */
async function runCode(page: Page, ex: Locator, code: string) {
  await replaceCode(page, ex, code);
  await ex.getByRole('button', { name: 'Run' }).click();
  const output = await finished(ex);
  return { output, status: await status(ex).innerText(), error: await ex.locator('.output__error').innerText() };
}

async function nextRunWorks(ex: Locator): Promise<void> {
  expect(await resetAndRun(ex)).toBe(LESSON_OUTPUT);
}

/** A share link's fragment for `code`, as the page makes them (deflate-raw, base64url). */
function fragment(target: string | number, code: string): string {
  return `#share-${target}=${deflateRawSync(Buffer.from(code)).toString('base64url')}`;
}

describe('bad input ends in a clear message, and the next run works', () => {
  // One page for every case, as one reader trying one thing after another: each case
  // also shows that what the one before did is gone.
  let opened: Awaited<ReturnType<typeof open>>;
  let ex: Locator;
  beforeAll(async () => {
    opened = await open(inject('isolatedURL'), PAGE);
    opened.page.on('dialog', (dialog) => opened.errors.push(`dialog: ${dialog.message()}`));
    ex = example(opened.page, TITLE);
  });
  afterAll(async () => {
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

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
    const ran = await runCode(opened.page, ex, code);
    expect(ran.output).toBe(output);
    if (error) expect(ran.error).toMatch(error);
    else expect(ran.status).toMatch(/^Done/);
    expect(await ex.locator('.output__text img').count()).toBe(0);
    await nextRunWorks(ex);
  });

  it('recursion far past the limit crashes Python, which is restarted', async () => {
    const ran = await runCode(opened.page, ex, 'import sys\nsys.setrecursionlimit(50_000)\ndef f(n): return f(n + 1)\nf(0)');
    expect(ran.error).toMatch(/FatalError: Python crashed .* and was restarted/);
    await nextRunWorks(ex);
  });

  it('exhausting memory ends in MemoryError, and a fresh worker runs the next program', async () => {
    const ran = await runCode(opened.page, ex, 'blocks = [bytearray(1_500_000_000) for _ in range(3)]');
    expect(ran.error).toMatch(/MemoryError/);
    await nextRunWorks(ex);
  });

  it('a 1 MB program runs, and the page still answers', async () => {
    const { page } = opened;
    // A saved edit is the quickest way to put a megabyte into an example.
    const big = `s = "${'a'.repeat(1_000_000)}"\nprint(len(s))`;
    const original = await ex.evaluate((e) => JSON.parse(e.querySelector('.live-example__data')!.textContent!).code as string);
    await page.evaluate(([key, original, code]) => localStorage.setItem(key, JSON.stringify({ v: 1, original, code })), [`asyncio-live:edit:${PAGE}#${ID}`, original, big]);
    await page.reload();
    await ex.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe('1000000');
    // A generous ceiling: a page frozen by the megabyte would not answer at all.
    expect(await responseTime(page)).toBeLessThan(5000);
    await nextRunWorks(ex);
  });
});

describe('share links', () => {
  const base = () => inject('isolatedURL');

  it('carry edited code to another reader, with a notice, and never run it by themselves', async () => {
    const first = await open(base(), PAGE);
    const ex = example(first.page, TITLE);
    await replaceCode(first.page, ex, 'print("from a friend")');
    await ex.getByRole('button', { name: 'Share' }).click();
    await first.page.waitForFunction((id) => location.hash.startsWith(`#share-${id}=`), ID);
    const link = new URL(first.page.url());
    await first.close();

    const second = await open(base(), link.pathname + link.hash);
    const shared = example(second.page, TITLE);
    await shared.locator('.live-example__notice', { hasText: 'This code came from a link' }).waitFor({ timeout: 30_000 });
    await shared.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    // Python is ready, and still nothing has run.
    await second.page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 30_000 });
    expect(await shared.locator('.live-example__output').isVisible()).toBe(false);
    await shared.getByRole('button', { name: 'Run' }).click();
    expect(await finished(shared)).toBe('from a friend');
    await second.close();
  });

  it("made before examples had ids (by position) still open the right example, and keep the reader's own edit", async () => {
    const { page, close } = await open(base(), PAGE);
    // The reader's own saved edit of that example, from an earlier visit.
    const original = await example(page, TITLE).evaluate((e) => JSON.parse(e.querySelector('.live-example__data')!.textContent!).code as string);
    await page.evaluate(([key, original]) => localStorage.setItem(key, JSON.stringify({ v: 1, original, code: 'print("my own edit")' })), [`asyncio-live:edit:${PAGE}#${ID}`, original]);
    await page.goto(`${base()}${PAGE}${fragment(LEGACY_INDEX, 'print("an old link")')}`);
    await page.reload();
    const shared = example(page, TITLE);
    await shared.locator('.live-example__notice', { hasText: 'Your own edit of this example is kept' }).waitFor({ timeout: 30_000 });
    // Only that example took the link's code.
    expect(await page.locator('.live-example__notice:not([hidden])').count()).toBe(1);
    await shared.getByRole('button', { name: 'Run' }).click();
    expect(await finished(shared)).toBe('an old link');
    // Reset goes back to the reader's edit, which the link never replaced.
    expect(await resetAndRun(shared)).toBe('my own edit');
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).code, `asyncio-live:edit:${PAGE}#${ID}`)).toBe('print("my own edit")');
    await close();
  });

  it.each([
    ['malformed', `#share-${ID}=%%%not-base64%%%`, /could not be opened \(it contains characters a share link never has\)/],
    ['damaged', `#share-${ID}=AAAA`, /could not be opened \(the link is damaged/],
    ['oversized', `#share-${ID}=${'A'.repeat(20_000)}`, /could not be opened \(the link is longer than any share link/],
  ])('%s links say so and show the lesson code', async (_name, hash, message) => {
    const { page, close } = await open(base(), PAGE + hash);
    const ex = example(page, TITLE);
    await ex.locator('.live-example__notice').filter({ hasText: message }).waitFor({ timeout: 30_000 });
    expect(await ex.locator('.live-example__code').innerText()).toContain("print('Square', x)");
    expect(await ex.locator('.live-example__edited').isVisible()).toBe(false);
    await close();
  });
});
