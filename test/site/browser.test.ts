/**
 * Live examples in Chromium where a reader's visit differs: with JavaScript off, on a
 * host that sends no isolation headers (Stop ends the worker, input() cannot wait), on
 * an isolated page waiting for input(), and on a touch device.
 * (One reader's visit to one page is reader-visit.test.ts.)
 *
 * Tests that use the same kind of page share one: with JavaScript off; without Python;
 * an isolated desktop page, whose Python boots once (its first test needs it cold); a
 * touch device's. Tests that share a Python go from page to page by links, which keep
 * it (src/client/page/page-navigation.ts), and leave no saved edit or solved mark
 * behind. A slow editor download, and a plain host, have pages of their own.
 */
import { deflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  editorText,
  example,
  finished,
  follow,
  forgetExampleRecords,
  open,
  recordTexts,
  replaceCode,
  resetAndRun,
  spinThenStop,
} from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const NOTEBOOK = 'The notebook version, with nest_asyncio';
const SQUARING = 'Squaring a number, slowly';
const SQUARING_OUTPUT = 'Square 1\nEnd square 1\n1';
// One line: typed into the editor at once (its auto-indent would change typed lines).
const ASKS = 'import asyncio; name = input("Your name? "); asyncio.run(asyncio.sleep(1)); print(f"Hello, {name}!")';

type Visit = Awaited<ReturnType<typeof open>>;

describe('live examples in Chromium, elsewhere', () => {
  describe('with JavaScript off, and without Python', () => {
    // Neither page runs Python: they go from page to page by address.
    let noScript: Visit;
    let withoutPython: Visit;
    beforeAll(async () => {
      [noScript, withoutPython] = await Promise.all([
        open(inject('isolatedURL'), PAGE, { javaScript: false }),
        open(inject('isolatedURL'), '/beyond/eager-tasks/', { withoutPython: true }),
      ]);
    });
    afterAll(async () => {
      await noScript?.close();
      await withoutPython?.close();
    });

    it("with JavaScript off, shows the code and expected output, says running needs JavaScript, and takes the system's theme", async () => {
      const page = noScript.page;
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      for (const colorScheme of ['light', 'dark'] as const) {
        // The page as it loads with the system's theme (the page opened light).
        if (colorScheme !== 'light') {
          await page.emulateMedia({ colorScheme });
          await page.reload({ waitUntil: 'load' });
        }
        const ex = example(page, NOTEBOOK);
        await expect(ex.locator('.live-example__code').innerText()).resolves.toContain('nest_asyncio.apply()');
        await expect(ex.locator('.live-example__expected pre').innerText()).resolves.toBe(SQUARING_OUTPUT);
        expect(await page.locator('live-example button:visible').count()).toBe(0);
        expect(await ex.locator('.live-example__noscript').innerText()).toBe(
          'Running and editing this example needs JavaScript. Its code, and what it prints, read without it.',
        );
        // Starlight's light page is white, its dark one near black; the code follows too.
        expect(await background()).toBe(colorScheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(23, 24, 28)');
        const code = await ex.locator('.live-example__code pre').evaluate((pre) => getComputedStyle(pre).backgroundColor);
        expect(code).toBe(colorScheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(36, 41, 46)');
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });

    it('a surprise hides its output until the reader reveals it, then compares their prediction; with JavaScript off it still opens', async () => {
      const EAGER = 'eager_start=True, new in 3.14';
      for (const javaScript of [true, false]) {
        // With JavaScript, the page open() loaded; without, the same page by address.
        const { page } = javaScript ? withoutPython : noScript;
        if (!javaScript) await page.goto(`${inject('isolatedURL')}/beyond/eager-tasks/`, { waitUntil: 'load' });
        const ex = example(page, EAGER);
        const output = ex.locator('.live-example__reveal pre');
        expect(await output.isVisible()).toBe(false);
        await ex.getByRole('textbox', { name: 'Predict first: what will it print?' }).fill('lazy starts\neager starts');
        await ex.getByText('Show what it prints').click();
        expect(await output.isVisible()).toBe(true);
        const verdict = ex.locator('.live-example__verdict');
        if (javaScript)
          expect(await verdict.innerText()).toBe('Your prediction differs from line 1 on: the program prints "eager starts" there.');
        else expect(await verdict.isVisible()).toBe(false);
      }
    });

    it('the exercises page lists every exercise, with a link to it, and marks the ones this reader solved', async () => {
      const page = withoutPython.page;
      await page.goto(`${inject('isolatedURL')}/reference/exercises/`, { waitUntil: 'load' });
      const items = page.locator('.exercise-list li');
      const total = await items.count();
      expect(total).toBeGreaterThanOrEqual(30);
      expect(await page.locator('.exercise-list__summary').innerText()).toMatch(new RegExp(`^${total} exercises in all\\. Solve one`));
      const first = items.first();
      const [pagePath, id] = [await first.getAttribute('data-page'), await first.getAttribute('data-id')];
      expect(await first.locator('a').getAttribute('href')).toBe(`${pagePath}#example-${id}`);
      await page.evaluate(([p, i]) => localStorage.setItem(`asyncio-live:solved:${p}#${i}`, JSON.stringify({ at: 1 })), [pagePath!, id!]);
      await page.reload();
      expect(await page.locator('.exercise-list__summary').innerText()).toBe(`You have solved 1 of ${total} exercises (in this browser).`);
      expect(await first.locator('.exercise-list__solved').isVisible()).toBe(true);
      expect(await items.nth(1).locator('.exercise-list__solved').isVisible()).toBe(false);
      // The sidebar marks the pages this reader opened, with what they solved there.
      await page.goto(`${inject('isolatedURL')}${pagePath}`);
      await page.goto(`${inject('isolatedURL')}/reference/exercises/`);
      const sidebarLink = page.locator(`nav.sidebar a[href="${pagePath}"]`);
      expect(await sidebarLink.locator('.course-progress [aria-hidden="true"]').innerText()).toBe('✓ 1');
      expect(await sidebarLink.locator('.sr-only').textContent()).toBe(' (read, 1 exercise solved)');
      // A page read, with nothing solved: another mark than a solved one.
      const here = page.locator('nav.sidebar a[href="/reference/exercises/"]');
      expect(await here.locator('.course-progress [aria-hidden="true"]').innerText()).toBe('○');
      expect(await here.locator('.sr-only').textContent()).toBe(' (read)');
      // Reset all my edits: every saved edit goes, after the reader says yes.
      await page.evaluate(() =>
        localStorage.setItem('asyncio-live:edit:/lessons/executing-tasks/#three-squares', '{"v":1,"original":"a","code":"b"}'),
      );
      await page.reload();
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Reset all my edits (1)' }).click();
      expect(await page.locator('.exercise-list__reset-said').innerText()).toBe('Forgot 1 edit.');
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('asyncio-live:edit:')))).toEqual([]);
      // The link lands on the exercise itself.
      await first.locator('a').click();
      await page.waitForURL(`**${pagePath}#example-${id}`);
      expect(await page.locator(`#example-${id}`).isVisible()).toBe(true);
    });

    // Last on its page: it lets the page read the clipboard.
    it('an example’s permalink and a share link land on the example and mark it; a link to a missing one says so; a fragment copies', async () => {
      const { page, context } = withoutPython;
      await page.goto(`${inject('isolatedURL')}/network/a-polite-crawler/#example-keep-the-pace`, { waitUntil: 'load' });
      const target = page.locator('#example-keep-the-pace');
      expect(await target.evaluate((element) => element.matches(':target'))).toBe(true);
      expect(await target.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(200);
      expect(await target.locator('.live-example__permalink').getAttribute('href')).toBe('#example-keep-the-pace');
      await page.goto(`${inject('isolatedURL')}/network/a-polite-crawler/#example-no-such-example`);
      await page.reload();
      expect(await page.locator('.share-notice').innerText()).toMatch(/points to an example that is not on this page/);
      const code = deflateRawSync(Buffer.from('print("shared")\n')).toString('base64url');
      // Opened on its own page (only the fragment changes), a share link loads as from elsewhere.
      await Promise.all([
        page.waitForEvent('load'),
        page.goto(`${inject('isolatedURL')}/network/a-polite-crawler/#share-keep-the-pace=${code}`),
      ]);
      await target.locator('.live-example__notice:not([hidden])').waitFor();
      expect(await target.evaluate((element) => element.classList.contains('is-linked-to'))).toBe(true);
      expect(await target.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(200);
      // A fragment (it does not run) can still be copied.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(`${inject('isolatedURL')}/beyond/testing/`);
      const fragment = page.locator('live-example[data-runnable="false"]').first();
      await fragment.getByRole('button', { name: 'Copy', exact: true }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^import asyncio\nimport pytest\n/);
    });
  });

  describe('on one isolated desktop page, from page to page by links', () => {
    let visit: Visit;
    let page: Page;
    beforeAll(async () => {
      // A reader whose Python starts at their first Run: the run waits for the download, and shows it.
      visit = await open(inject('isolatedURL'), PAGE, { pythonStart: 'off' });
      page = visit.page;
    });
    afterEach(() => forgetExampleRecords(page));
    afterAll(() => visit?.close());

    // The first test on the page: Python has not booted, nor started to download.
    it('shows how much of Python has downloaded while the first run waits for it', async () => {
      // Every count the pane showed, however fast the download went.
      const shown = await recordTexts(page, '.output__downloaded:not([hidden])');
      const ex = example(page, SQUARING);
      await ex.getByRole('button', { name: 'Run' }).click();
      expect(await finished(ex)).toBe(SQUARING_OUTPUT);
      const seen = await shown();
      expect(seen.length).toBeGreaterThan(0);
      const counts = seen.map((text) => text.match(/^(\d+\.\d) of (\d+\.\d) MB$/)).filter((match) => match !== null);
      expect(counts.length).toBeGreaterThan(0);
      const [, loaded, total] = counts.at(-1)!;
      expect(Number(loaded)).toBeGreaterThan(0);
      expect(Number(loaded)).toBeLessThanOrEqual(Number(total));
      expect(await ex.locator('.output__download').isVisible()).toBe(false);
    });

    it('numbers the lines the reader sees, from 1, in the code, the editor and the traceback, whose line puts the caret there', async () => {
      // This example has five hidden lines of setup above its code.
      await follow(page, '/network/downloading-many-pages/');
      const ex = page.locator('live-example[data-example-id="fetch-one-page"]');
      expect(await ex.locator('.live-example__keys').innerText()).toBe('Ctrl+Enter');
      const numbered = await ex
        .locator('.live-example__code .line')
        .first()
        .evaluate((line) => getComputedStyle(line, '::before').content);
      expect(numbered).toMatch(/counter\(example-line\)/);
      await replaceCode(page, ex, 'import asyncio\nprint("one")\nprint(undefined_name)');
      await ex.getByRole('button', { name: 'Run' }).click();
      expect(await finished(ex)).toBe('one');
      // (Monaco reuses its line elements: their order in the DOM is not the lines' order.)
      const numbers = await ex.locator('.monaco-editor .line-numbers').allInnerTexts();
      expect(numbers.sort((a, b) => Number(a) - Number(b))).toEqual(['1', '2', '3']);
      expect(await ex.locator('.live-example__editor-error').innerText()).toBe('Line 3: NameError here (see the output below).');
      await ex.locator('.output__error summary').click();
      expect(await ex.locator('.output__error pre').innerText()).toContain('File "main.py", line 3, in <module>');
      await ex.getByRole('button', { name: 'line 3' }).click();
      await page.keyboard.type('x = 1;');
      // (The editor draws the last key a frame later: wait for it.)
      await expect.poll(async () => (await editorText(ex)).split('\n')[2]).toBe('x = 1;print(undefined_name)');
    });

    it('input() waits for the reader in an isolated page: a field under the prompt, the answer echoed; Stop ends a wait', async () => {
      await follow(page, PAGE);
      const ex = example(page, SQUARING);
      await replaceCode(page, ex, ASKS);
      await ex.getByRole('button', { name: 'Run' }).click();
      const field = ex.getByRole('textbox', { name: 'Your input' });
      await field.waitFor({ timeout: 30_000 });
      // The reader's place is the field: they type, and Enter answers.
      await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.type('Ada');
      await page.keyboard.press('Enter');
      expect(await finished(ex)).toBe('Your name? Ada\nHello, Ada!');
      await ex.getByRole('button', { name: 'Run' }).click();
      await field.waitFor();
      await ex.getByRole('button', { name: 'Stop' }).click();
      await ex
        .locator('.output__status')
        .filter({ hasText: /^Stopped/ })
        .waitFor({ timeout: 15_000 });
      expect(await field.isVisible()).toBe(false);
    });
  });

  // Pages of their own: the editor's files must come slowly, not from an earlier test's cache.
  it('shows how much of the editor has downloaded while it opens, over the code, moving nothing', async () => {
    const { page, context, close } = await open(inject('isolatedURL'), PAGE, { withoutPython: true });
    // A reader's connection, not a local one: 3.4 MB at 4 MB/s take most of a second.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 4e6, uploadThroughput: 1e6 });
    const counted = await recordTexts(page, '.live-example__editor-download:not([hidden]) .live-example__editor-bytes');
    const ex = example(page, SQUARING);
    // Its box has no height (it lies over the code); what shows is the pill inside.
    const box = ex.locator('.live-example__editor-download > div');
    // Where each lies on the page (not in the viewport, which the click may scroll).
    const place = (locator: typeof box) =>
      locator.evaluate((element) => {
        const { left, top, width, height } = element.getBoundingClientRect();
        return { left, top: top + scrollY, width, height };
      });
    const code = ex.locator('.live-example__code');
    const before = await place(code);
    await code.click();
    await box.waitFor({ state: 'visible' });
    expect(await box.getByRole('status').innerText()).toBe('Loading the editor…');
    // The pill lies over the code's lower corner: the code did not move.
    const shown = await place(box);
    expect(await place(code)).toEqual(before);
    expect(shown.top + shown.height).toBeLessThanOrEqual(before.top + before.height);
    expect(shown.top).toBeGreaterThan(before.top);
    await ex.locator('.monaco-editor').waitFor();
    await box.waitFor({ state: 'hidden' });
    const counts = (await counted())
      .map((text) => text.match(/^(\d+\.\d) of (\d+\.\d) MB$/))
      .filter((match) => match !== null)
      .map(([, loaded, total]) => [Number(loaded), Number(total)]);
    // Counted as it came, not in one jump, against the build's total.
    expect(new Set(counts.map(([loaded]) => loaded)).size).toBeGreaterThan(2);
    const [loaded, total] = counts.at(-1)!;
    expect(total).toBeGreaterThan(3);
    expect(loaded).toBeLessThanOrEqual(total);
    expect(loaded).toBeGreaterThan(total * 0.9);
    await close();
  });

  it('a reader who moves on while the editor loads keeps the caret where they put it (the editor opens without taking it)', async () => {
    const { page, context, close } = await open(inject('isolatedURL'), '/beyond/many-tasks/', { withoutPython: true });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 4e6, uploadThroughput: 1e6 });
    // The example's script is held until the reader has moved on (on a loaded machine it
    // came after they did, and its button's action took the focus back).
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await context.route('**/example-session.*.js', async (route) => {
      await held;
      await route.continue();
    });
    const write = example(page, 'Fetch them all at once');
    await write.locator('.exercise__solution summary').click();
    await write.getByRole('button', { name: 'Put this solution in the editor' }).click();
    // The editor is still on its way: the reader types their prediction for the next exercise.
    const prediction = example(page, 'Who finishes first?').getByRole('textbox', { name: /Your prediction/ });
    await prediction.click();
    await page.keyboard.type('first');
    release();
    await write.locator('.monaco-editor').waitFor();
    await page.keyboard.type(' line');
    expect(await prediction.inputValue()).toBe('first line');
    expect(await prediction.evaluate((box) => box === document.activeElement)).toBe(true);
    await close();
  });

  // The only test on a host without isolation.
  it('stops while True: pass without isolation by replacing the worker, and the next run works', async () => {
    const { page, close } = await open(inject('plainURL'), PAGE);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const ex = example(page, SQUARING);
    await spinThenStop(page, ex);
    expect(await resetAndRun(ex)).toBe(SQUARING_OUTPUT);
    // Without isolation the worker cannot wait for typing: input() says why.
    await replaceCode(page, ex, 'input("Your name? ")');
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe('Your name? ');
    expect(await ex.locator('.output__error p').innerText()).toMatch(/cross-origin isolated/);
    await close();
  });

  describe('on one touch device’s page, from page to page by links', () => {
    let visit: Visit;
    let page: Page;
    beforeAll(async () => {
      visit = await open(inject('isolatedURL'), PAGE, { touch: true });
      page = visit.page;
    });
    afterEach(() => forgetExampleRecords(page));
    afterAll(() => visit?.close());

    // The first test on the page: the touch editor has not loaded yet.
    it('on a touch device, the first tap into the code puts the caret where the finger went', async () => {
      const ex = example(page, SQUARING);
      // Line 5 is `    await asyncio.sleep(1)`: tap just after its last character.
      const line = ex.locator('.live-example__code .line').nth(4);
      await line.scrollIntoViewIfNeeded();
      const box = (await line.locator('span').last().boundingBox())!;
      await page.touchscreen.tap(box.x + box.width - 1, box.y + box.height / 2);
      const content = ex.locator('.cm-content');
      await content.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
      await page.keyboard.insertText('  # here');
      await expect.poll(() => content.innerText()).toContain('    await asyncio.sleep(1)  # here\n');
    });

    it('a solution put into an editor scrolled sideways shows from its left edge', async () => {
      await follow(page, PAGE);
      const ex = example(page, 'The draft that was never saved');
      await ex.locator('.live-example__code .line').first().tap();
      const content = ex.locator('.cm-content');
      await content.waitFor();
      await page.keyboard.press('End');
      await page.keyboard.insertText(`  # ${'a long note, far to the right '.repeat(4)}`);
      await expect
        .poll(() => ex.locator('.cm-scroller').evaluate((scroller) => scroller.scrollLeft), { timeout: 30_000 })
        .toBeGreaterThan(100);
      await ex.locator('.exercise__solution summary').tap();
      await ex.getByRole('button', { name: 'Put this solution in the editor' }).tap();
      await expect.poll(() => ex.locator('.cm-scroller').evaluate((scroller) => scroller.scrollLeft), { timeout: 30_000 }).toBe(0);
    });

    it('gives touch devices a real editor (CodeMirror: coloured, numbered, undo), opened by a tap into the code, not by Run; the run bar fits one row', async () => {
      await follow(page, PAGE);
      const ex = example(page, SQUARING);
      // No keyboard shortcut offered where there is no keyboard.
      expect(await ex.locator('.live-example__keys').isVisible()).toBe(false);
      // Run keeps the highlighted code: the editor opens only on a tap into it.
      await ex.getByRole('button', { name: 'Run' }).tap();
      expect(await finished(ex)).toBe(SQUARING_OUTPUT);
      expect(await ex.locator('.live-example__code pre.shiki, .live-example__code pre').count()).toBeGreaterThan(0);
      expect(await ex.locator('.cm-editor').count()).toBe(0);
      // Targets for fingers: 44 px where controls sit close together, 24 px checkboxes.
      const sizes = await ex.evaluate((root) =>
        [...root.querySelectorAll<HTMLElement>('button, select, input[type="checkbox"]')]
          .filter((control) => control.offsetParent !== null)
          .map((control) => {
            const { width, height } = control.getBoundingClientRect();
            const checkbox = control instanceof HTMLInputElement;
            return {
              control: checkbox ? 'checkbox' : (control.dataset.action ?? control.textContent ?? ''),
              least: checkbox ? 24 : 44,
              side: Math.min(width, height),
            };
          }),
      );
      expect(sizes.length).toBeGreaterThan(5);
      for (const { control, least, side } of sizes) expect(side, control).toBeGreaterThanOrEqual(least);
      // One row at 390 px: Copy, Download, Wrap and Share wait behind More.
      const rowTops = () =>
        ex
          .locator('.live-example__actions button:visible')
          .evaluateAll((buttons) => new Set(buttons.map((button) => Math.round(button.getBoundingClientRect().top))).size);
      expect(await rowTops()).toBe(1);
      expect(await ex.getByRole('button', { name: 'Copy', exact: true }).isVisible()).toBe(false);
      await ex.getByRole('button', { name: 'More' }).tap();
      expect(await ex.getByRole('button', { name: 'More' }).getAttribute('aria-expanded')).toBe('true');
      expect(await ex.getByRole('button', { name: 'Copy', exact: true }).isVisible()).toBe(true);
      // Escape closes it, as a menu closes.
      await ex.getByRole('button', { name: 'Copy', exact: true }).focus();
      await page.keyboard.press('Escape');
      expect(await ex.getByRole('button', { name: 'Copy', exact: true }).isVisible()).toBe(false);
      expect(await ex.getByRole('button', { name: 'More' }).evaluate((button) => button === document.activeElement)).toBe(true);
      await ex.locator('.live-example__code').tap();
      const content = ex.locator('.cm-content');
      await content.waitFor();
      expect(await page.locator('.monaco-editor').count()).toBe(0);
      // 16 px text: iOS zooms the page into a field with smaller text.
      expect(await content.evaluate((field) => getComputedStyle(field).fontSize)).toBe('16px');
      // A real editor: coloured as the static code, numbered, with undo.
      expect(await ex.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^10$/ }).count()).toBe(1);
      const colours = await content.evaluate(
        (field) => new Set([...field.querySelectorAll('span')].map((span) => getComputedStyle(span).color)).size,
      );
      expect(colours).toBeGreaterThanOrEqual(3);
      const keyword = await content
        .locator('span', { hasText: /^async$/ })
        .first()
        .evaluate((span) => getComputedStyle(span).color);
      const staticKeyword = await page
        .locator('live-example')
        .nth(1)
        .locator('.live-example__code .line span', { hasText: /^async$/ })
        .first()
        .evaluate((span) => getComputedStyle(span).color);
      expect(keyword).toBe(staticKeyword);
      // The caret goes where the finger went: the start of line 5's code, tapped.
      await content.focus();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.insertText('# tapped\n');
      await expect.poll(() => content.innerText()).toMatch(/^# tapped\n/);
      await page.keyboard.press('ControlOrMeta+z');
      await expect.poll(() => content.innerText()).not.toMatch(/^# tapped/);
    });

    // Before Wrap is on: it folds code, not diagrams, but a test should not depend on it.
    it('draws a lesson diagram at a readable size on a phone, scrolling sideways instead of shrinking', async () => {
      await follow(page, '/lessons/writing-asynchronous-code/');
      const figure = page.locator('figure.diagram').first();
      const label = await figure
        .locator('svg text')
        .first()
        .evaluate((text) => (text as SVGGraphicsElement).getBoundingClientRect().height);
      expect(label).toBeGreaterThanOrEqual(12);
      expect(await figure.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      expect(await figure.getAttribute('tabindex')).toBe('0');
    });

    // Last on the page: Wrap stays on, and the reload that shows it remembered leaves Python behind.
    it('on a phone, Wrap folds long lines instead of scrolling them sideways, on every example, and is remembered', async () => {
      await follow(page, '/network/downloading-many-pages/');
      const code = page.locator('live-example[data-example-id="fetch-one-page"] .live-example__code pre');
      const sideways = () => code.evaluate((pre) => pre.scrollWidth > pre.clientWidth);
      expect(await sideways()).toBe(true);
      const ex = page.locator('live-example[data-example-id="fetch-one-page"]');
      const wrap = ex.getByRole('button', { name: 'Wrap' });
      // Behind More, on a phone.
      await ex.getByRole('button', { name: 'More' }).tap();
      await wrap.tap();
      expect(await wrap.getAttribute('aria-pressed')).toBe('true');
      expect(await sideways()).toBe(false);
      // Still numbered, one number a line, and every example of the page follows.
      expect(
        await code
          .locator('.line')
          .first()
          .evaluate((line) => getComputedStyle(line, '::before').content),
      ).toMatch(/counter/);
      expect(await page.locator('button[data-action="wrap"][aria-pressed="true"]').count()).toBe(
        await page.locator('button[data-action="wrap"]').count(),
      );
      await page.reload();
      expect(await sideways()).toBe(false);
    });
  });
});
