/**
 * The learner's path, in Chromium, as issue 27 found it wanting: where a run shows up,
 * what Run says while Python comes, and the exercises that ask for a prediction.
 *
 * Most tests need Python on an isolated desktop page: they share one page, booted once,
 * and reach their pages by links, which keep Python (src/client/page/page-navigation.ts),
 * where a new page would boot it again (seconds of this machine's time). The first test
 * there is the one that needs Python cold; none leaves a saved edit or a solved mark
 * behind. The phone, and the editor on a slow connection, have pages of their own.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { editorText, example, finished, follow, forgetExampleRecords, open, replaceCode } from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const TITLE = 'Squaring a number, slowly';
const PREDICT_PAGE = '/lessons/synchronous-programming/';

/** Wait until the page stops scrolling (a smooth scroll takes a few hundred ms). */
async function scrollSettled(page: Page): Promise<number> {
  let last = -1;
  for (;;) {
    const now = await page.evaluate(
      () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(scrollY)))),
    );
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

/**
 * Run from the keyboard, the Run button mid-screen, on a page whose Python has not
 * booted: the boot says where it is, then the output comes into view and the focus
 * stays on Run; a second Run, in view already, moves nothing.
 */
async function outputComesIntoView(page: Page): Promise<void> {
  const ex = example(page, TITLE);
  await runButtonMidScreen(page, ex);
  const run = ex.getByRole('button', { name: 'Run' });
  await run.focus();
  await page.keyboard.press('Enter');
  // Python's first boot says where it is, beside the button just pressed.
  await ex
    .locator('.live-example__boot')
    .filter({ hasText: /Python|Starting/ })
    .waitFor({ timeout: 30_000 });
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
}

/** Press Download and read the file it saves. */
async function downloaded(page: Page, ex: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), ex.getByRole('button', { name: 'Download' }).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

describe('on one isolated desktop page, from page to page by links', () => {
  let visit: Awaited<ReturnType<typeof open>>;
  let page: Page;
  /** The page errors seen since the test began. */
  let errorsBefore = 0;
  const errors = () => visit.errors.slice(errorsBefore);
  beforeAll(async () => {
    visit = await open(inject('isolatedURL'), PAGE);
    page = visit.page;
  });
  beforeEach(() => {
    errorsBefore = visit.errors.length;
  });
  afterEach(() => forgetExampleRecords(page));
  afterAll(() => visit?.close());

  describe('the run is where the reader looks', () => {
    // The first test on the page: Python has not booted.
    it('brings the output into view after Run, and keeps the focus on Run (desktop)', async () => {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await outputComesIntoView(page);
      expect(errors()).toEqual([]);
      await page.emulateMedia({ reducedMotion: 'reduce' });
    });
  });

  describe('predict first, with integrity', () => {
    const COFFEE_OUTPUT = 'start\ncup 1 poured\ncup 2 poured\neggs on\n2 cups and eggs\ndone after 5 s';

    it('a predict exercise shows no output until the prediction passes or the answer is asked for', async () => {
      await follow(page, PREDICT_PAGE);
      const ex = example(page, 'Coffee, then eggs');
      const output = ex.locator('.live-example__output');
      const verdict = ex.locator('.exercise__verdict');
      const box = ex.getByRole('textbox', { name: /Your prediction/ });
      await ex.hover();
      // Check is the way to run it: Run is not there to show the answer.
      expect(await ex.getByRole('button', { name: 'Run', exact: true }).isVisible()).toBe(false);
      await ex.getByRole('button', { name: 'Check' }).click();
      await verdict.filter({ hasText: 'First, your prediction' }).waitFor();
      // A wrong prediction: which line is wrong and the check's hint, never what it printed.
      await box.fill('start\ncup 1 poured\neggs on\ncup 2 poured\n2 cups and eggs\ndone after 5 s');
      await ex.getByRole('button', { name: 'Check' }).click();
      await verdict.locator('.exercise__verdict-title', { hasText: 'Not yet' }).waitFor({ timeout: 30_000 });
      const message = await verdict.locator('.exercise__verdict-message').innerText();
      expect(message).toContain('Your first 2 lines are right; line 3 is not what the program prints there.');
      expect(message).toContain('“Show what it prints” has the answer');
      expect(message).not.toContain('cup 2 poured');
      expect(await output.isVisible()).toBe(false);
      // Ctrl+Enter in the code checks too (Run is hidden): still nothing shown.
      await ex.locator('.live-example__code').click();
      await ex.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
      await verdict.evaluate((element) => (element.querySelector('.exercise__verdict-title')!.textContent = ''));
      await page.keyboard.press('Control+Enter');
      await verdict.locator('.exercise__verdict-title', { hasText: 'Not yet' }).waitFor({ timeout: 30_000 });
      expect(await output.isVisible()).toBe(false);
      // The right prediction: solved, and now the run is shown, and Run is back.
      await box.fill(COFFEE_OUTPUT);
      await ex.getByRole('button', { name: 'Check' }).click();
      await verdict.locator('.exercise__verdict-title', { hasText: '✓ Solved' }).waitFor({ timeout: 30_000 });
      expect(await finished(ex)).toBe(COFFEE_OUTPUT);
      expect(await ex.getByRole('button', { name: 'Run', exact: true }).isVisible()).toBe(true);
      // The sidebar counts it at once, on this page.
      const mark = page.locator('nav.sidebar a[aria-current="page"] .course-progress [aria-hidden="true"]');
      await expect.poll(() => mark.innerText()).toBe('✓ 1');
      expect(errors()).toEqual([]);
    });

    it("a prediction counts for the lesson's program only: one that matches a program the reader changed solves nothing", async () => {
      await follow(page, PREDICT_PAGE);
      const ex = example(page, 'Coffee, then eggs');
      await replaceCode(page, ex, 'print("hello")');
      await ex.getByRole('textbox', { name: /Your prediction/ }).fill('hello');
      await ex.getByRole('button', { name: 'Check' }).click();
      const verdict = ex.locator('.exercise__verdict');
      await verdict.locator('.exercise__verdict-title', { hasText: 'Passes, not counted' }).waitFor({ timeout: 30_000 });
      expect(await verdict.locator('.exercise__verdict-message').innerText()).toMatch(/counts for the lesson’s code/);
      expect(await ex.locator('.exercise__solved').isVisible()).toBe(false);
      expect(await ex.locator('.live-example__output').isVisible()).toBe(false);
    });

    it('asking for the answer shows the runs; so does a solved exercise on a later visit', async () => {
      await follow(page, PREDICT_PAGE);
      const ex = example(page, 'Coffee, then eggs');
      await ex.hover();
      await ex.locator('.exercise__solution summary').click();
      const run = ex.getByRole('button', { name: 'Run', exact: true });
      await run.waitFor();
      await run.click();
      expect(await finished(ex)).toBe(COFFEE_OUTPUT);
      // Solved on an earlier visit: the answer is out, Run is there.
      const id = await ex.getAttribute('data-example-id');
      await page.evaluate(
        (key) => localStorage.setItem(key, JSON.stringify({ at: Date.now() })),
        `asyncio-live:solved:${PREDICT_PAGE}#${id}`,
      );
      // The later visit: by links, away and back.
      await follow(page, PREDICT_PAGE);
      await example(page, 'Coffee, then eggs').hover();
      await example(page, 'Coffee, then eggs').getByRole('button', { name: 'Run', exact: true }).waitFor();
    });

    it('a surprise marked predict runs only once the reader predicted, and then compares', async () => {
      await follow(page, '/beyond/eager-tasks/');
      const ex = example(page, 'eager_start=True, new in 3.14');
      await ex.getByRole('button', { name: 'Run' }).click();
      await ex.locator('.live-example__notice', { hasText: 'Predict first' }).waitFor();
      const guess = ex.getByRole('textbox', { name: 'Predict first: what will it print?' });
      expect(await guess.evaluate((box) => box === document.activeElement)).toBe(true);
      expect(await ex.locator('.live-example__output').isVisible()).toBe(false);
      await guess.fill('lazy starts');
      await ex.getByRole('button', { name: 'Run' }).click();
      await finished(ex);
      expect(await ex.locator('.live-example__notice').isVisible()).toBe(false);
      expect(await ex.locator('.live-example__verdict').innerText()).toMatch(/^Your prediction differs from line 1 on/);
    });
  });

  describe('one message per failure, at the line that caused it', () => {
    // One line per statement: the editor indents what is typed after a colon.
    const HANG = 'import asyncio\nasync def main(): print("waiting"); await asyncio.Event().wait()\nasyncio.run(main())';

    it('says an error once, points a hang at the await that never returns, and forgets a stale mark on edit', async () => {
      await follow(page, PAGE);
      const ex = example(page, TITLE);
      await replaceCode(page, ex, 'print("Square 1")\nprint(undefined_name)');
      await ex.getByRole('button', { name: 'Run' }).click();
      await finished(ex);
      // Visible once in the example (the folded traceback aside): in the output pane's error.
      const shown = await ex.innerText();
      expect(shown.split("name 'undefined_name' is not defined").length - 1).toBe(1);
      expect(await ex.locator('.live-example__editor-error').innerText()).toBe('Line 2: NameError here (see the output below).');
      expect(await ex.locator('.output__match').innerText()).toMatch(
        /^Differs from the expected output: this run ended with NameError at output line 2/,
      );

      // A hang: the mark is on the await, not on asyncio.run(main()).
      await replaceCode(page, ex, HANG);
      await ex.getByRole('button', { name: 'Run' }).click();
      await finished(ex);
      expect(await ex.locator('.output__status').innerText()).toMatch(/^Ended with WaitsForever/);
      expect(await ex.locator('.live-example__editor-error').innerText()).toMatch(
        /^Line 2: WaitsForever here: this task waits for something that never comes/,
      );
      await ex.locator('.output__error summary').click();
      expect(await ex.locator('.output__error pre').innerText()).toContain('File "main.py", line 2, in main (Task-1)');

      // An edit moves the lines: the old mark, with its old number, goes.
      await ex.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.type('# moved\n');
      await expect.poll(() => ex.locator('.live-example__editor-error').count()).toBe(0);
      expect(await ex.locator('.monaco-editor .squiggly-error').count()).toBe(0);
      expect(errors()).toEqual([]);
    });
  });

  describe('keys and marks that say what they do', () => {
    it('Ctrl+K opens the search from the editor, and what is typed next goes into the search, not the code', async () => {
      await follow(page, PAGE);
      const ex = example(page, TITLE);
      await ex.locator('.live-example__code').click();
      await ex.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
      const before = await editorText(ex);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+k');
      await page.locator('site-search dialog[open]').waitFor();
      await page.keyboard.type('gather');
      await expect.poll(() => page.locator('site-search input').first().inputValue()).toBe('gather');
      expect(await editorText(ex)).toBe(before);
      // Closed again: the next test's link is outside the dialog.
      await page.keyboard.press('Escape');
      await page.locator('site-search dialog[open]').waitFor({ state: 'detached' });
    });

    it('puts Ctrl+Enter beside the button it presses: Run, or Check where Run waits for the answer', async () => {
      await follow(page, PREDICT_PAGE);
      const beside = (ex: Locator) =>
        ex.locator('.live-example__keys').evaluate((keys) => {
          const next = keys.nextElementSibling as HTMLElement;
          const previous = keys.previousElementSibling as HTMLElement | null;
          return next.hidden ? previous?.dataset.action : next.dataset.action;
        });
      const predict = example(page, 'Coffee, then eggs');
      await predict.hover();
      expect(await beside(predict)).toBe('check');
      const fix = page.locator('live-example[data-exercise="fix"], live-example[data-exercise="write"]').first();
      await fix.hover();
      expect(await beside(fix)).toBe('run');
      // Where Run shows beside Check, the key is on Run's far side: nothing puts it by Check.
      const neighbours = await fix
        .locator('.live-example__keys')
        .evaluate((keys) => [
          (keys.previousElementSibling as HTMLElement | null)?.dataset.action,
          (keys.nextElementSibling as HTMLElement | null)?.dataset.action,
        ]);
      expect(neighbours).not.toContain('check');
    });
  });

  describe('notebook cells and programs that need the page', () => {
    it('a notebook cell looks like one (badge, In, its value as Out) and downloads as a notebook', async () => {
      await follow(page, PAGE);
      const ex = page.locator('live-example[data-example-id="notebook-top-level-await"]');
      expect(await ex.locator('.live-example__badge', { hasText: 'notebook cell' }).isVisible()).toBe(true);
      expect(await ex.locator('.live-example__cell-label').innerText()).toBe('In');
      await ex.getByRole('button', { name: 'Run' }).click();
      expect(await finished(ex)).toBe('Square 1\nEnd square 1\n1');
      // The printed lines are output; the last, the cell's value, is its Out.
      const values = ex.locator('.output__value');
      expect(await values.count()).toBe(1);
      expect((await values.innerText()).trim()).toBe('1');
      expect(await values.evaluate((line) => getComputedStyle(line, '::before').content)).toMatch(/^"Out: "/);
      expect(await ex.locator('.output__line:not(.output__value)').count()).toBe(2);
      const file = await downloaded(page, ex);
      expect(file.name).toBe('main.ipynb');
      const notebook = JSON.parse(file.text) as { cells: { source: string[] }[] };
      expect(notebook.cells[0].source.join('')).toContain('await square(1)');
      expect(errors()).toEqual([]);
    });

    it('a program on the practice network downloads with a note that says what it needs', async () => {
      await follow(page, '/network/downloading-many-pages/');
      const ex = page.locator('live-example[data-example-id="fetch-one-page"]');
      await ex.hover();
      expect(await ex.getByRole('button', { name: 'Download' }).getAttribute('title')).toMatch(/practice network/);
      const file = await downloaded(page, ex);
      expect(file.name).toBe('main.py');
      expect(file.text).toMatch(/^# Saved from asyncio-live\. This program uses the page's practice network/);
      expect(file.text).toContain('from asyncio_live import http');
      await ex.locator('.live-example__notice', { hasText: 'the note at its top says what to change' }).waitFor();
    });
  });

  describe('the timeline of a run in which no time passes', () => {
    it('draws its steps in the order they ran, at equal time, and zooming pulls them apart', async () => {
      await follow(page, '/network/talking-to-the-network/');
      const ex = page.locator('live-example[data-example-id="echo-server"]');
      await ex.getByRole('button', { name: 'Run' }).click();
      expect(await finished(ex)).toBe("server got b'hello\\n'\nclient got b'hello\\n'");
      const timeline = ex.locator('.timeline');
      await timeline.locator('.timeline__svg').waitFor();
      expect(await timeline.locator('.timeline__summary').innerText()).toBe('2 tasks, 0 s of loop time · drawn in the order it ran');
      const apart = async () => {
        const [server, client] = await Promise.all(
          ['0', '1'].map((line) => timeline.locator(`.timeline__mark[data-line="${line}"]`).getAttribute('cx')),
        );
        return Number(client) - Number(server);
      };
      // The server prints before the client, to its left, although both print at 0 s.
      const before = await apart();
      expect(before).toBeGreaterThan(20);
      await timeline.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(apart).toBeGreaterThan(1.5 * before);
      expect(errors()).toEqual([]);
    });
  });
});

describe('the run is where the reader looks', () => {
  // A phone: a context of its own, and its Python boots cold.
  it('brings the output into view after Run, and keeps the focus on Run (phone)', async () => {
    const { page, errors, close } = await open(inject('isolatedURL'), PAGE, { touch: true, motion: 'no-preference' });
    await outputComesIntoView(page);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('keys and marks that say what they do', () => {
  // A page of its own: the editor's files must come slowly, not from an earlier test's cache.
  it('keeps what the reader types while the editor is on its way, and names the editor by its example', async () => {
    const { page, context, close } = await open(inject('isolatedURL'), PAGE, { withoutPython: true });
    // A reader's connection: the editor takes a second or more to come.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 3e6, uploadThroughput: 1e6 });
    // And a phone's speed: the reader types before even the example's session is loaded.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const ex = example(page, TITLE);
    await ex.locator('.live-example__code .line').first().click();
    await page.keyboard.type('# early');
    await page.keyboard.press('Enter');
    expect(await ex.locator('.monaco-editor').count()).toBe(0);
    await ex.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await editorText(ex)).split('\n')[0]).toContain('# early');
    expect(await ex.locator('.monaco-editor [aria-label]').first().getAttribute('aria-label')).toMatch(
      /^Squaring a number, slowly: code editor\./,
    );
    await close();
  });
});
