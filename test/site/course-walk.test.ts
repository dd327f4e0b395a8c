/**
 * The learner's main path, whole, and every page of the course in Chromium: from the
 * first lesson to the last page by the Next links (after the first, each page is swapped
 * into the one before, Python kept), with every request outside the site refused. On
 * each page its first example runs as the lesson has it and prints what the lesson says,
 * its exercises are checked as given and solved (visit-lessons.ts), then the first
 * example is edited, run, and its output comes into view; then Back twice, the editor
 * still takes typing, and a reload remembers what was solved.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { editorText, finished, open } from './page-helpers';
import { lessonSlugs, visitLesson } from './visit-lessons';

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
  it("on every page: the lesson's example and exercises, then an edit, a run, the output in view; Back twice; solved marks kept", async () => {
    const { page, errors, blocked, requests, close } = await open(inject('isolatedURL'), FIRST, { blockOutside: true });
    const solved: [string, string[]][] = [];
    const walked: string[] = [];
    let firstInput = 0;
    const withExamples = new Set<string>();
    for (;;) {
      const path = new URL(page.url()).pathname;
      walked.push(path);
      solved.push([path, await visitLesson(page, path.slice(1, -1))]);
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

    // Solved marks are remembered: on a reload of the page Back led to, and in storage for every page.
    const here = new URL(page.url()).pathname;
    await page.reload();
    const solvedHere = solved.find(([path]) => path === here)![1];
    expect(solvedHere.length, `${here} has exercises`).toBeGreaterThanOrEqual(2);
    expect(solvedHere.length, `${here}: every exercise solved`).toBe(await page.locator('live-example[data-exercise]').count());
    await expect.poll(() => page.locator('.exercise__solved:not([hidden])').count()).toBe(solvedHere.length);
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('asyncio-live:solved:')));
    expect(keys.sort()).toEqual(solved.flatMap(([path, ids]) => ids.map((id) => `asyncio-live:solved:${path}#${id}`)).sort());
    expect(solved.map(([path]) => path.slice(1, -1))).toEqual(lessonSlugs);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    expect(requests.every((url) => url.startsWith(inject('isolatedURL')))).toBe(true);
    await close();
    // A ceiling only, for a hung run.
  }, 600_000);
});
