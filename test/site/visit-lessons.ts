/**
 * One lesson page in Chromium, as the course walk reaches it (course-walk.test.ts): its
 * first example runs and prints what the lesson says (the Node doc-tests run every
 * example and check every exercise; this shows each page's own runtime works; a network
 * lesson runs all of its examples, to show that none reaches outside the page), and each
 * of its exercises (one of each kind) is not accepted as given, is accepted when solved,
 * and is remembered.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectExamples } from '../../src/fence/collect-fences';
import { sidebar } from '../../src/sidebar';
import { CONTENT } from './dist';
import { finished } from './page-helpers';

export const lessonSlugs = sidebar.flatMap((group) => ('items' in group ? (group.items ?? []).map((item) => item.slug) : []));

/** What a run shows as its output: the printed text, then the error's short line. */
async function shown(ex: Locator): Promise<string> {
  const output = await finished(ex);
  const error = (await ex.locator('.output__error p').count()) ? await ex.locator('.output__error p').innerText() : '';
  return [output, error].filter(Boolean).join('\n');
}

/**
 * `printed`, with each time in seconds that is within 0.1 s of the one `expected` has in
 * its place replaced by the expected one. On the page the clock also counts computing,
 * in stretches of 0.1 s or more, and a machine busy with other tests can stretch a step
 * that far (the Node doc-tests, on a clock that counts no computing, compare exactly).
 */
export function withinComputeTime(printed: string, expected: string | null): string {
  if (expected === null) return printed;
  const times = expected.match(/\d+\.\d+(?= s\b)/g) ?? [];
  let index = 0;
  return printed.replace(/\d+\.\d+(?= s\b)/g, (time) => {
    const wanted = times[index++];
    return wanted !== undefined && Math.abs(Number(time) - Number(wanted)) <= 0.1 + 1e-9 ? wanted : time;
  });
}

/** Press Check (or Ctrl+Enter in the prediction box) and wait for the verdict. */
async function check(ex: Locator, withKeys = false): Promise<{ title: string; message: string }> {
  const verdict = ex.locator('.exercise__verdict');
  // Forget the last verdict, so the wait below cannot mistake it for this one.
  await verdict.evaluate((element) => (element.querySelector('.exercise__verdict-title')!.textContent = ''));
  if (withKeys) await ex.getByRole('textbox', { name: /Your prediction/ }).press('Control+Enter');
  else await ex.getByRole('button', { name: 'Check' }).click();
  await verdict
    .locator('.exercise__verdict-title')
    .filter({ hasText: /^(✓ Solved|Not yet|Not checked|First)/ })
    .waitFor({ timeout: 30_000 });
  return {
    title: await verdict.locator('.exercise__verdict-title').innerText(),
    message: await verdict.locator('.exercise__verdict-message').innerText(),
  };
}

/** The lesson `page` shows (`slug`): run its first example and every exercise. Returns the ids of its exercises. */
export async function visitLesson(page: Page, slug: string): Promise<string[]> {
  const examples = collectExamples(join(CONTENT, `${slug}.mdx`));
  const first = examples.find(({ example }) => example.norun === null && example.exercise === null);
  if (first) {
    const ex = page.locator(`live-example[data-example-id="${first.id}"]`);
    // A surprise runs once the reader has predicted (src/client/exercise/predict-first.ts).
    if (first.example.predict) await ex.getByRole('textbox', { name: 'Predict first: what will it print?' }).fill('a guess');
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(withinComputeTime(await shown(ex), first.example.expected), `${slug}: ${first.id}`).toBe(first.example.expected);
  }
  if (slug.startsWith('network/')) {
    // The network lessons run every example in Chromium, every request outside the site
    // refused: their network must stay inside the page. (Their times follow a clock that
    // counts computing here, so the output is compared by the Node doc-tests.)
    for (const { id, example } of examples.filter((e) => e !== first && e.example.norun === null && e.example.exercise === null)) {
      const ex = page.locator(`live-example[data-example-id="${id}"]`);
      await ex.getByRole('button', { name: 'Run' }).click();
      await finished(ex);
      const status = await ex.locator('.output__status').innerText();
      // An example that shows a program ending in an error (a signal's default action)
      // ends with that error, as the lesson's output says.
      const ended = /^Ended with (\w+)/.exec(status)?.[1];
      if (ended)
        expect(example.expected?.split('\n').at(-1), `${slug}: ${id} (${example.title}): ${status}`).toMatch(new RegExp(`^${ended}\\b`));
      else expect(status, `${slug}: ${id} (${example.title})`).toMatch(/^Done/);
    }
  }
  const exercises = examples.filter(({ example }) => example.exercise !== null);
  for (const { id, example } of exercises) {
    const ex = page.locator(`live-example[data-example-id="${id}"]`);
    const { kind, solution } = example.exercise!;
    if (kind === 'predict') {
      expect((await check(ex)).title, 'asks for a prediction first').toBe('First, your prediction');
      const box = ex.getByRole('textbox', { name: /Your prediction/ });
      await box.fill('I have no idea');
      await expect.poll(() => box.inputValue(), { message: `${slug} #${id}: the prediction stays typed` }).toBe('I have no idea');
    }
    const failed = await check(ex);
    expect(failed.title, `${slug} #${id} as given`).toBe('Not yet');
    expect(failed.message.length).toBeGreaterThan(20);
    if (kind === 'predict') {
      await ex.getByRole('textbox', { name: /Your prediction/ }).fill(solution);
    } else {
      await ex.locator('.exercise__solution summary').click();
      await ex.getByRole('button', { name: 'Put this solution in the editor' }).click();
      await ex.locator('.live-example__edited:not([hidden])').waitFor();
    }
    expect(await check(ex, kind === 'predict'), `${slug} #${id} solved`).toEqual({
      title: '✓ Solved',
      message: expect.stringMatching(/matches|does what/),
    });
    await ex.locator('.exercise__solved:not([hidden])').waitFor();
    const hints = ex.locator('.exercise__hint');
    // From the keyboard: a click could land where the hint was a moment before, as the
    // run's timeline, drawn after the run, pushes everything below it down.
    await hints.first().locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => hints.first().locator('p').first().isVisible(), { message: `${slug} #${id}: the first hint opens` }).toBe(true);
  }
  return exercises.map(({ id }) => id);
}
