/**
 * Share links, in Chromium: new ones (by example id) and ones made before ids (by
 * position); code from a link never runs by itself and never replaces the reader's own
 * edit; a broken link says why. (How each kind of broken link is read: the unit tests.)
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { editorText, example, finished, open, replaceCode, resetAndRun } from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const TITLE = 'Squaring a number, slowly';
const ID = 'squaring-a-number-slowly';
/** Its position on the page before examples had ids (src/fence/legacy-indexes.json). */
const LEGACY_INDEX = 6;

/** A share link's fragment for `code`, as the page makes them (deflate-raw, base64url). */
function fragment(target: string | number, code: string): string {
  return `#share-${target}=${deflateRawSync(Buffer.from(code)).toString('base64url')}`;
}

describe('share links', () => {
  const base = () => inject('isolatedURL');

  it('carry edited code to another reader, with a notice, and never run it by themselves', async () => {
    // Making a link needs no Python.
    const first = await open(base(), PAGE, { withoutPython: true });
    const ex = example(first.page, TITLE);
    await replaceCode(first.page, ex, 'print("from a friend")');
    await ex.getByRole('button', { name: 'Share' }).click();
    // The link is in the notice (and on the clipboard); the page's address stays as it was.
    const field = ex.locator('.live-example__notice-link');
    await field.waitFor();
    const link = new URL(await field.inputValue());
    expect(link.hash.startsWith(`#share-${ID}=`)).toBe(true);
    expect(first.page.url()).toBe(`${base()}${PAGE}`);
    await first.close();

    const second = await open(base(), link.pathname + link.hash);
    const shared = example(second.page, TITLE);
    await shared.locator('.live-example__notice', { hasText: 'This code came from a link' }).waitFor({ timeout: 30_000 });
    // The link's code is in the static view: no editor (3.4 MB) until the reader asks for one.
    await expect.poll(() => editorText(shared), { timeout: 30_000 }).toBe('print("from a friend")');
    expect(await shared.locator('.monaco-editor').count()).toBe(0);
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
    const original = await example(page, TITLE).evaluate(
      (e) => JSON.parse(e.querySelector('.live-example__data')!.textContent!).code as string,
    );
    await page.evaluate(
      ([key, original]) => localStorage.setItem(key, JSON.stringify({ v: 1, original, code: 'print("my own edit")' })),
      [`asyncio-live:edit:${PAGE}#${ID}`, original],
    );
    // On its own page only the fragment changes: the page loads again by itself.
    await Promise.all([page.waitForEvent('load'), page.goto(`${base()}${PAGE}${fragment(LEGACY_INDEX, 'print("an old link")')}`)]);
    const shared = example(page, TITLE);
    await shared.locator('.live-example__notice', { hasText: 'Your own edit of this example is kept' }).waitFor({ timeout: 30_000 });
    // Only that example took the link's code.
    expect(await page.locator('.live-example__notice:not([hidden])').count()).toBe(1);
    await shared.getByRole('button', { name: 'Run' }).click();
    expect(await finished(shared)).toBe('an old link');
    // Reset goes back to the reader's edit, which the link never replaced.
    expect(await resetAndRun(shared)).toBe('my own edit');
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).code, `asyncio-live:edit:${PAGE}#${ID}`)).toBe(
      'print("my own edit")',
    );
    await close();
  });

  it("Reset asks nothing and can be undone: by the notice's Undo, by Ctrl+Z beside it, and in the editor", async () => {
    const { page, close } = await open(base(), PAGE, { withoutPython: true });
    const ex = example(page, TITLE);
    await replaceCode(page, ex, 'print("mine")');
    const reset = ex.getByRole('button', { name: 'Reset' });
    const undo = ex.getByRole('button', { name: 'Undo' });
    await reset.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(ex)).toContain("print('Square', x)");
    await ex.locator('.live-example__notice', { hasText: 'Back to the lesson’s code.' }).waitFor();
    // Reset is gone (nothing is edited): the keyboard's focus is on Undo.
    expect(await undo.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(ex)).toBe('print("mine")');
    expect(await ex.locator('.live-example__notice').isVisible()).toBe(false);
    // Ctrl+Z on the example's buttons takes a Reset back too.
    await reset.click();
    await expect.poll(() => editorText(ex)).toContain("print('Square', x)");
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(ex)).toBe('print("mine")');
    // And in the editor, Monaco's own undo does.
    await reset.click();
    await expect.poll(() => editorText(ex)).toContain("print('Square', x)");
    await ex.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(ex)).toBe('print("mine")');
    // The code changed since the Reset: its Undo is no longer offered.
    await expect.poll(() => ex.locator('.live-example__notice').isVisible()).toBe(false);
    // What came back is kept, as any edit is.
    await page.reload();
    await expect.poll(() => editorText(example(page, TITLE)), { timeout: 30_000 }).toBe('print("mine")');
    await close();
  });

  it('the playground: a reader’s program kept, a template opened by its link after a run, and Reset bringing the program back', async () => {
    const { page, close } = await open(base(), '/playground/');
    const ex = page.locator('live-example#example-playground');
    await replaceCode(page, ex, 'print("my own program")');
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await finished(ex)).toBe('my own program');
    // After a run, the page's router would take the link: it loads the page again instead.
    await page.getByRole('link', { name: 'A server and its client' }).click();
    await ex.locator('.live-example__notice', { hasText: 'This code came from a link' }).waitFor({ timeout: 30_000 });
    // The code as shown, in the editor or not (the editor draws spaces as no-break ones).
    const code = async () => (await ex.locator('.live-example__code').innerText()).replace(/\u00a0/g, ' ');
    await expect.poll(code, { timeout: 30_000 }).toContain('asyncio.start_server(echo, "127.0.0.1", 0)');
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await finished(ex)).toBe("b'HELLO\\n'");
    await ex.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(code, { timeout: 30_000 }).toContain('print("my own program")');
    expect(await code()).not.toContain('start_server');
    await close();
  });

  it('a broken link says why, and the example keeps the lesson code', async () => {
    const { page, close } = await open(base(), `${PAGE}#share-${ID}=AAAA`, { withoutPython: true });
    const ex = example(page, TITLE);
    await ex
      .locator('.live-example__notice')
      .filter({ hasText: /could not be opened \(the link is damaged/ })
      .waitFor({ timeout: 30_000 });
    expect(await ex.locator('.live-example__code').innerText()).toContain("print('Square', x)");
    expect(await ex.locator('.live-example__edited').isVisible()).toBe(false);
    await close();
  });
});
