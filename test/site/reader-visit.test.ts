/**
 * One reader's visit to one lesson, in Chromium: run, edit, Ctrl+Enter, Stop, floods,
 * errors, bad input, Reset, saved edits, one worker per page, the timeline, and no
 * request to any other host. The checks share one page, in order, as one reader would
 * go from one thing to the next: Python boots once for them (a boot costs seconds, and
 * what each check shows does not need a fresh page), and each check also shows that
 * what the one before it did is gone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { program } from '../unit/runtime/programs/index';
import {
  editorText,
  example,
  finished,
  forgetRun,
  open,
  pythonWorkers,
  replaceCode,
  resetAndRun,
  responseTime,
  runAgain,
  spinThenStop,
  status,
} from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const NOTEBOOK = 'The notebook version, with nest_asyncio';
const SQUARING = 'Squaring a number, slowly';
const SQUARING_OUTPUT = 'Square 1\nEnd square 1\n1';
const GATHER = program('gather_squares');

let opened: Awaited<ReturnType<typeof open>>;
beforeAll(async () => {
  opened = await open(inject('isolatedURL'), PAGE);
  opened.page.on('dialog', (dialog) => opened.errors.push(`dialog: ${dialog.message()}`));
});
afterAll(async () => {
  expect(opened.errors).toEqual([]);
  await opened.close();
});

/** Run `code` in the example; returns the output, the status line and the error box. */
async function runCode(page: Page, ex: Locator, code: string) {
  await replaceCode(page, ex, code);
  await ex.getByRole('button', { name: 'Run' }).click();
  const output = await finished(ex);
  return { output, status: await status(ex).innerText(), error: await ex.locator('.output__error').innerText() };
}

/** Keep `code` as the reader's saved edit of example `id`: it shows from the next page load on. */
async function saveEdit(page: Page, id: string, code: string): Promise<void> {
  const original = await page
    .locator(`live-example[data-example-id="${id}"] .live-example__data`)
    .evaluate((data) => JSON.parse(data.textContent!).code as string);
  await page.evaluate(
    ([key, original, code]) => localStorage.setItem(key, JSON.stringify({ v: 1, original, code })),
    [`asyncio-live:edit:${PAGE}#${id}`, original, code],
  );
}

/**
 * Examples whose code the visit's one reload brings in as saved edits (quicker than
 * typing it). The 1 MB program is past what a saved edit may hold (src/client/storage/code-limits.ts):
 * the reload drops it, and the reader puts it in the editor later.
 */
const BIG = 'breakfast-concurrently';
const BIG_CODE = `s = "${'a'.repeat(1_000_000)}"\nprint(len(s))`;
const GATHERING = 'the-same-squares-one-after-another';

async function nextRunWorks(ex: Locator): Promise<void> {
  expect(await resetAndRun(ex)).toBe(SQUARING_OUTPUT);
}

describe('running and editing', () => {
  it("runs the notebook example of the source lesson, on Python restored from the build's snapshot", async () => {
    const { page, requests } = opened;
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const ex = example(page, NOTEBOOK);
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe(SQUARING_OUTPUT);
    await expect(status(ex).innerText()).resolves.toMatch(/^Done in \d+ ms · loop time 1\.\d+ s\.$/);
    expect(await page.evaluate(() => document.documentElement.dataset.pythonBoot)).toBe('snapshot');
    expect(requests.filter((url) => url.endsWith('.snapshot'))).toHaveLength(1);
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
    expect(pythonWorkers(page)).toHaveLength(1);
    const origin = new URL(inject('isolatedURL')).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  });

  it('opens the editor in the colours of the static code, character for character', async () => {
    const ex = example(opened.page, 'Breakfast, concurrently');
    // Every visible character with its colour, in reading order.
    const coloured = (root: string) =>
      ex.locator(root).evaluate((element) => {
        const leaves = [...element.querySelectorAll('span')].filter((span) => span.children.length === 0);
        return leaves.flatMap((span) =>
          [...(span.textContent ?? '')].filter((c) => c.trim() && c !== '\u00a0').map((c) => `${c} ${getComputedStyle(span).color}`),
        );
      });
    const before = await coloured('.live-example__code pre');
    // From its first frame on screen: every frame, how many colours the visible code has.
    await ex.evaluate((element) => {
      const frames: number[] = [];
      (element as unknown as { frames: number[] }).frames = frames;
      const started = performance.now();
      const look = () => {
        const editor = element.querySelector('.live-example__code:not(.is-opening) .view-lines');
        if (editor) frames.push(new Set([...editor.querySelectorAll('span span')].map((span) => getComputedStyle(span).color)).size);
        if (performance.now() - started < 5000 && frames.length < 5) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await ex.locator('.live-example__code').click();
    await ex.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await expect.poll(() => coloured('.monaco-editor .view-lines'), { timeout: 10_000 }).toEqual(before);
    const colours = new Set(before.map((entry) => entry.split(' ').slice(1).join(' '))).size;
    const frames = await ex.evaluate((element) => (element as unknown as { frames: number[] }).frames);
    expect(frames.length).toBeGreaterThan(0);
    expect(Math.min(...frames)).toBeGreaterThanOrEqual(Math.min(colours, 3));
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

  it('keeps the keyboard on Run while it runs, and after a Stop from the keyboard brings it back to Run', async () => {
    const { page } = opened;
    const ex = example(page, SQUARING);
    const run = ex.getByRole('button', { name: 'Run', exact: true });
    const focusedAction = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? document.activeElement?.tagName);
    await ex.getByRole('button', { name: 'Reset' }).click();
    await forgetRun(ex);
    await run.focus();
    await page.keyboard.press('Enter');
    expect(await finished(ex)).toBe(SQUARING_OUTPUT);
    expect(await focusedAction()).toBe('run');
    await replaceCode(page, ex, 'print("spinning")\nwhile True: pass');
    await run.focus();
    await page.keyboard.press('Enter');
    await ex.locator('.output__text', { hasText: 'spinning' }).waitFor({ timeout: 30_000 });
    expect(await run.getAttribute('aria-disabled')).toBe('true');
    expect(await focusedAction()).toBe('run');
    // Step sits beside Run (and says it is disabled while a run goes), then Stop.
    await page.keyboard.press('Tab');
    expect(await focusedAction()).toBe('step');
    await page.keyboard.press('Tab');
    expect(await focusedAction()).toBe('stop');
    await page.keyboard.press('Enter');
    await status(ex)
      .filter({ hasText: /^Stopped/ })
      .waitFor({ timeout: 15_000 });
    expect(await focusedAction()).toBe('run');
    expect(await run.getAttribute('aria-disabled')).toBe('false');
    await nextRunWorks(ex);
  });

  it('announces what Copy did, keeps the output out of live regions, and prints without controls', async () => {
    const { page, context } = opened;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const ex = example(page, SQUARING);
    await ex.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => ex.locator('.live-example__announce[role="status"]').textContent()).toBe('Copied');
    // Copy gives the whole program, hidden setup included: saved as a file, it runs.
    const modern = page.locator('live-example[data-example-id="one-task-the-modern-way"]');
    await modern.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => modern.locator('.live-example__announce').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      /^import asyncio\n\nasync def function_name\(\):[\s\S]*\nresults = asyncio\.run\(function_name\(\)\)\nprint\(results\)\n$/,
    );
    // A long run is not read out line by line: only the status line is live.
    expect(await ex.locator('.output__text').getAttribute('aria-live')).toBeNull();
    expect(await ex.locator('.output__status').getAttribute('role')).toBe('status');
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await ex.locator('.live-example__actions').isVisible()).toBe(false);
      expect(await ex.locator('.live-example__code').isVisible()).toBe(true);
      expect(await ex.locator('.output__text').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('after a run, says whether it printed the expected output, copies the output, downloads main.py, and shows the whole program with the edit', async () => {
    const { page, context } = opened;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const ex = page.locator('live-example[data-example-id="one-task-the-modern-way"]');
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe('finished');
    expect(await ex.locator('.output__match').innerText()).toBe('✓ Matches the expected output.');
    await ex.getByRole('button', { name: 'Copy output' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('finished');
    const [download] = await Promise.all([page.waitForEvent('download'), ex.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('main.py');
    // An edit that prints something else: the first line that differs, and the edit in the whole program.
    await replaceCode(page, ex, 'print(asyncio.run(function_name()).upper())');
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe('FINISHED');
    expect(await ex.locator('.output__match').innerText()).toBe(
      'Differs from the expected output at output line 1: the lesson shows "finished", this run printed "FINISHED".',
    );
    await ex.locator('.live-example__setup summary').click();
    const whole = await ex.locator('.live-example__program').innerText();
    expect(whole).toContain('async def function_name():');
    expect(whole).toContain('print(asyncio.run(function_name()).upper())');
    await ex.getByRole('button', { name: 'Reset' }).click();
    expect(await ex.locator('.live-example__program').innerText()).toContain('results = asyncio.run(function_name())');
  });

  it('opens the editor from the keyboard: Enter on the focused static code puts the caret in it', async () => {
    const { page } = opened;
    const ex = page.locator('live-example[data-example-id="a-coroutine-that-hands-over-control-once"]');
    expect(await ex.locator('.monaco-editor').count()).toBe(0);
    await ex.locator('.live-example__code > pre').focus();
    await page.keyboard.press('Enter');
    await ex.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
    await page.keyboard.type('# typed ');
    await expect.poll(() => editorText(ex)).toMatch(/^# typed /);
    await ex.getByRole('button', { name: 'Reset' }).click();
  });

  it('works from the keyboard alone: Tab in, Enter to edit, type, Ctrl+Enter to run, Escape and Tab or Shift+Tab out', async () => {
    const { page } = opened;
    const ex = page.locator('live-example[data-example-id="the-program-ends-before-the-work"]');
    const where = () =>
      page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        const example = active?.closest('live-example')?.getAttribute('data-example-id') ?? null;
        const part = active?.closest('.monaco-editor') ? 'editor' : (active?.dataset.action ?? active?.tagName ?? null);
        return `${example} ${part}`;
      });
    await ex.getByRole('button', { name: 'Share' }).focus();
    await page.keyboard.press('Tab');
    // Playground (a link), last of the run bar, then the code.
    expect(await where()).toBe('the-program-ends-before-the-work A');
    await page.keyboard.press('Tab');
    expect(await where()).toBe('the-program-ends-before-the-work PRE');
    await page.keyboard.press('Enter');
    await expect.poll(where, { timeout: 30_000 }).toBe('the-program-ends-before-the-work editor');
    await page.keyboard.type('print("typed first")\n');
    await forgetRun(ex);
    await page.keyboard.press('Control+Enter');
    expect((await finished(ex)).split('\n')[0]).toBe('typed first');
    expect(await where()).toBe('the-program-ends-before-the-work editor');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    // Back to the run bar's last: Playground, a link.
    expect(await where()).toBe('the-program-ends-before-the-work A');
    await page.keyboard.press('Tab');
    expect(await where()).toBe('the-program-ends-before-the-work editor');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await where()).not.toMatch(/editor$/);
    await ex.getByRole('button', { name: 'Reset' }).click();
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
    // And backwards: Escape, then Shift+Tab (pressing Shift first must not forget the Escape).
    await ex.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Escape');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null)).toBe(true);
    await expect.poll(() => editorText(ex)).toMatch(/x = 1 {2,}# tab$/);
  });

  it('stops while True: pass through an interrupt (cross-origin isolated), ends the worker the edit ran in, and the lesson runs next', async () => {
    const { page } = opened;
    const ex = example(page, SQUARING);
    // Which of the page's Python workers end from now on.
    const ended = new Set<object>();
    const watch = (worker: ReturnType<typeof pythonWorkers>[number]) => worker.once('close', () => ended.add(worker));
    pythonWorkers(page).forEach(watch);
    page.on('worker', watch);
    await spinThenStop(page, ex);
    expect(await resetAndRun(ex)).toBe(SQUARING_OUTPUT);
    page.off('worker', watch);
    // The edit ran in a worker of its own, ended with its run; the lesson's code in the
    // page's shared one. Besides it, at most the spare that waits for the next edit.
    await expect.poll(() => ended.size).toBe(1);
    expect(pythonWorkers(page).length).toBeLessThanOrEqual(2);
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
    // Code for later checks, brought in by this reload: a 1 MB program, and the gather example.
    await saveEdit(page, BIG, BIG_CODE);
    await saveEdit(page, GATHERING, GATHER);

    await page.reload();
    const again = example(page, SQUARING);
    // The saved edit shows in the static view, highlighted; the editor opens only when asked.
    await expect.poll(() => editorText(again), { timeout: 30_000 }).toContain('print("edited", 6 * 7)');
    expect(await again.locator('.monaco-editor').count()).toBe(0);
    const first = page.locator('live-example').first();
    await first.getByRole('button', { name: 'Run' }).click();
    expect(await finished(first)).toBe('main is done');
    // The reader's two edits show as edited; the damaged, foreign, stale and oversized ones do not.
    expect(await page.locator('live-example .live-example__edited:visible').count()).toBe(2);

    await again.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => editorText(again)).toContain("print('Square', x)");
    expect(await runAgain(again)).toBe(SQUARING_OUTPUT);
    const edits = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('asyncio-live:edit:')));
    expect(edits.sort()).toEqual([`asyncio-live:edit:${PAGE}#${GATHERING}`]);
  });
});

describe('bad input ends in a clear message, and the next run works', () => {
  // Each case also shows that what the one before did is gone.
  const ex = () => example(opened.page, SQUARING);

  it.each([
    ['an uncaught exception', 'print("before")\nraise ValueError("bad value")', /ValueError: bad value/, 'before'],
    ['sys.exit(3)', 'import sys\nsys.exit(3)', /SystemExit: the program exited with status 3/, ''],
    ['raise KeyboardInterrupt', 'raise KeyboardInterrupt', /KeyboardInterrupt/, ''],
    ['recursion past the limit', 'def f(n): return f(n + 1)\nf(0)', /RecursionError: maximum recursion depth exceeded/, ''],
    ['reaching for the page', 'from js import document', /ImportError: cannot import name 'document'/, ''],
    ['reaching for the network', 'import js\nprint(js.fetch, js.XMLHttpRequest)', null, 'None None'],
    ['printing HTML', 'print("<img src=x onerror=alert(1)>")', null, '<img src=x onerror=alert(1)>'],
  ])('%s', async (_name, code, error, output) => {
    const ran = await runCode(opened.page, ex(), code);
    expect(ran.output).toBe(output);
    if (error) expect(ran.error).toMatch(error);
    else expect(ran.status).toMatch(/^Done/);
    expect(await ex().locator('.output__text img').count()).toBe(0);
    await nextRunWorks(ex());
  });

  it('C recursion far past the stack (the repr of data nested a million deep) crashes Python, which is restarted', async () => {
    const ran = await runCode(opened.page, ex(), 'x = []\nfor _ in range(1_000_000): x = [x]\nprint(repr(x))');
    expect(ran.error).toMatch(/FatalError: Python crashed .* and was restarted/);
    await nextRunWorks(ex());
  });

  it('asking for more memory than 32-bit WebAssembly has ends in MemoryError (the Node tests cover a worker that grew past its limit)', async () => {
    const ran = await runCode(opened.page, ex(), 'print("asking")\nblock = bytearray(600_000_000) * 4');
    expect(ran.output).toBe('asking');
    expect(ran.error).toMatch(/MemoryError/);
    await nextRunWorks(ex());
  });

  it('a 1 MB program runs, says it is not kept, and the page still answers', async () => {
    const { page } = opened;
    const big = example(page, 'Breakfast, concurrently');
    await big.locator('.live-example__code').click();
    const lines = big.locator('.monaco-editor .view-lines');
    await lines.waitFor({ timeout: 30_000 });
    await lines.click();
    await page.keyboard.press('ControlOrMeta+A');
    // Pasted, as a reader would bring in a megabyte (typed, or inserted as text, it takes minutes).
    await page.evaluate((code) => {
      const data = new DataTransfer();
      data.setData('text/plain', code);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, BIG_CODE);
    await big.locator('.live-example__notice', { hasText: 'it runs, but is not saved for your next visit and cannot be shared' }).waitFor();
    expect(await runAgain(big)).toBe('1000000');
    // A generous ceiling: a page frozen by the megabyte would not answer at all.
    expect(await responseTime(page)).toBeLessThan(5000);
  });
});

describe('the timeline', () => {
  // Last: turning the timeline off is remembered for the rest of the visit.

  it('shows the two-task gather example: its lanes, the two sleeps overlapping, one second in all', async () => {
    const { page } = opened;
    const ex = page.locator(`live-example[data-example-id="${GATHERING}"]`);
    expect(await runAgain(ex)).toBe('Square 1\nSquare 2\nEnd square 1\nEnd square 2\n[1, 4]');
    const timeline = ex.locator('.timeline');
    await timeline.locator('svg').waitFor({ timeout: 10_000 });
    const labels = await timeline.locator('.timeline__label').allTextContents();
    expect(labels.map((label) => label.split(' · ')[0])).toEqual(['event loop', 'Task-1 main()', 'Task-2 square(1)', 'Task-3 square(2)']);
    // One second, plus what the run computed: nothing, unless a stretch of computing took
    // 0.1 s or more, as on a loaded machine it can (the sleeps overlapping is checked below).
    expect(await timeline.locator('.timeline__summary').innerText()).toMatch(/^3 tasks, 1(\.\d+)? s of loop time$/);
    const sleeps = await timeline.locator('.timeline__wait', { hasText: 'sleep until' }).evaluateAll((waits) =>
      waits.map((wait) => {
        const line = wait.querySelector('line')!;
        return [Number(line.getAttribute('x1')), Number(line.getAttribute('x2'))];
      }),
    );
    expect(sleeps).toHaveLength(2);
    // The two one-second sleeps overlap for (nearly) all of their length.
    const overlap = Math.min(sleeps[0][1], sleeps[1][1]) - Math.max(sleeps[0][0], sleeps[1][0]);
    expect(overlap).toBeGreaterThan(0.9 * (sleeps[0][1] - sleeps[0][0]));
    // A mark and its output line light up together.
    await timeline.locator('.timeline__mark[data-line="2"]').hover();
    await expect.poll(async () => (await ex.locator('.output__line.is-linked').innerText()).trim()).toBe('End square 1');
  });

  it('replays the run: the output appears at its loop times under a moving playhead', async () => {
    const { page } = opened;
    const ex = example(page, 'Three squares in one second');
    await runAgain(ex);
    const timeline = ex.locator('.timeline');
    await timeline.locator('svg').waitFor({ timeout: 10_000 });
    // Watch the replay from start to end: every set of lines it shows, in order.
    const replay = await timeline.locator('.timeline__replay').evaluate(
      (button) =>
        new Promise<{ shown: string[][]; playheads: number[]; tops: number[] }>((resolve) => {
          const root = button.closest('live-example')!;
          const shown: string[][] = [];
          const playheads: number[] = [];
          // Where the Stop-replay button is, all along: it must not move under the pointer.
          const tops: number[] = [];
          const look = () => {
            tops.push(button.getBoundingClientRect().top);
            const visible = [...root.querySelectorAll<HTMLElement>('.output__line')]
              .filter((line) => getComputedStyle(line).visibility !== 'hidden' && !line.hidden)
              .map((line) => line.textContent!.trim());
            if (JSON.stringify(visible) !== JSON.stringify(shown.at(-1))) shown.push(visible);
            playheads.push(Number(root.querySelector('.timeline__playhead')!.getAttribute('x1')));
            if (button.textContent === 'Replay') {
              observer.disconnect();
              resolve({ shown, playheads, tops });
            }
          };
          const observer = new MutationObserver(look);
          observer.observe(root, { attributes: true, subtree: true, childList: true, characterData: true });
          (button as HTMLButtonElement).click();
        }),
    );
    // First the lines printed at 0 s, then all seven at 1 s; the playhead moved across.
    expect(replay.shown).toContainEqual(['Square 1', 'Square 2', 'Square 3']);
    expect(replay.shown.at(-1)).toHaveLength(7);
    expect(Math.max(...replay.playheads)).toBeGreaterThan(Math.min(...replay.playheads));
    expect(new Set(replay.tops).size).toBe(1);
  });

  it('can be turned off, and the choice is remembered', async () => {
    const { page } = opened;
    const ex = example(page, 'Three squares in one second');
    await runAgain(ex);
    await ex.locator('.output__timeline-toggle').uncheck();
    expect(await ex.locator('.timeline').isVisible()).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('asyncio-live:timeline'))).toBe('off');
  });
});
