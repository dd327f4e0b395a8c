/**
 * The learner's main path, whole: from the first lesson to the last page by the Next
 * links (after the first, each page is swapped into the one before, Python kept), on
 * each an edit of its first runnable example, a run, and its output in view; then Back
 * twice, and the editor still takes typing. (Issue 27: after a link the editor broke.)
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { editorText, finished, open } from './page-helpers';

const FIRST = '/lessons/synchronous-programming/';

/** The page's first example a reader would try: runnable, not an exercise. */
const firstExample = (page: Page) => page.locator('live-example[data-runnable="true"]:not([data-exercise])').first();

/** Put a line at the top of the example's code, as a reader types it. */
async function typeAtTop(page: Page, ex: Locator, line: string): Promise<void> {
  await ex.locator('.live-example__code').click();
  const lines = ex.locator('.monaco-editor .view-lines');
  await lines.waitFor({ timeout: 30_000 });
  await lines.click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText(`${line}\n`);
  await expect.poll(async () => (await editorText(ex)).split('\n')[0]).toBe(line);
}

/** How big the editor's input is drawn (Monaco's stylesheet keeps it a pixel or so). */
const inputSize = (ex: Locator) =>
  ex.locator('.monaco-editor').evaluate((editor) => {
    const box = editor.querySelector('textarea.inputarea, .native-edit-context, textarea')!.getBoundingClientRect();
    return Math.max(box.width, box.height);
  });

describe('the course, walked by its links', () => {
  it('on every page: edit, run, the output in view; Back twice; the editor works everywhere', async () => {
    const { page, errors, close } = await open(inject('isolatedURL'), FIRST);
    const walked: string[] = [];
    let firstInput = 0;
    const withExamples = new Set<string>();
    for (;;) {
      const path = new URL(page.url()).pathname;
      walked.push(path);
      const ex = firstExample(page);
      if (await ex.count()) {
        withExamples.add(path);
        const said = `walked ${walked.length}`;
        await typeAtTop(page, ex, `print(${JSON.stringify(said)})`);
        // The editor's input, as Monaco's stylesheet hides it on the page first loaded.
        if (walked.length === 1) firstInput = await inputSize(ex);
        else expect(await inputSize(ex), path).toBeLessThanOrEqual(firstInput);
        const guess = ex.locator('.live-example__guess');
        if (await guess.count()) await guess.fill('a guess');
        await ex.getByRole('button', { name: 'Run', exact: true }).click();
        expect((await finished(ex)).split('\n')[0], path).toBe(said);
        const top = await ex.locator('.output__head').evaluate((head) => head.getBoundingClientRect().top);
        expect(top, `${path}: the output's first line in view`).toBeGreaterThanOrEqual(0);
        expect(top, `${path}: the output's first line in view`).toBeLessThan(await page.evaluate(() => innerHeight));
      }
      const next = page.locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      const target = new URL((await next.getAttribute('href'))!, page.url()).pathname;
      const heading = await page.locator('h1').first().textContent();
      await next.click();
      await page.waitForURL(`**${target}`);
      // The next page is in once its heading is (its address may change first).
      await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 30_000 }).not.toBe(heading);
    }
    // Every page of the course, in its order.
    expect(walked[0]).toBe(FIRST);
    expect(walked.length).toBeGreaterThanOrEqual(24);
    expect(walked.at(-1)).toBe('/reference/exercises/');
    // Every lesson has an example to edit and run (the cheat sheet and the list do not).
    expect(withExamples.size).toBeGreaterThanOrEqual(walked.length - 2);

    // Back twice: the pages come back, and where there is code the editor takes typing.
    let typed = 0;
    for (const back of [walked.at(-2)!, walked.at(-3)!]) {
      await page.goBack();
      await page.waitForURL(`**${back}`);
      const ex = firstExample(page);
      // The page comes back swapped in: its examples may come a moment after its address.
      if (!withExamples.has(back)) continue;
      await ex.waitFor({ state: 'attached', timeout: 30_000 });
      typed++;
      await ex.locator('.live-example__code').click();
      const lines = ex.locator('.monaco-editor .view-lines');
      await lines.waitFor({ timeout: 30_000 });
      // Its input stays hidden (a stray box showed after a link) and typing lands in the code.
      expect(await inputSize(ex), back).toBeLessThanOrEqual(firstInput);
      await lines.click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.insertText('# back\n');
      await expect.poll(async () => (await editorText(ex)).split('\n')[0]).toBe('# back');
    }
    expect(typed).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await close();
  }, 300_000);
});
