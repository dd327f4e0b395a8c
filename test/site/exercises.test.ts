/**
 * Every exercise of every page, in Chromium on the built site (real clock, as readers
 * run them): the starting code is not accepted, the solution is, the verdict says so,
 * and the solved mark survives a reload. Hints and the solution open on request.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { collectExamples } from '../../src/fence/collect-fences';
import { sidebar } from '../../src/sidebar';
import { CONTENT } from './dist';
import { open } from './page-helpers';

const pages = sidebar.flatMap((group) => ('items' in group ? (group.items ?? []).map((item) => item.slug) : []));

/** Press Check (or Ctrl+Enter in the prediction box) and wait for the verdict. */
async function check(ex: Locator, withKeys = false): Promise<{ title: string; message: string }> {
  const verdict = ex.locator('.exercise__verdict');
  // Forget the last verdict, so the wait below cannot mistake it for this one.
  await verdict.evaluate((element) => (element.querySelector('.exercise__verdict-title')!.textContent = ''));
  if (withKeys) await ex.getByRole('textbox', { name: /Your prediction/ }).press('Control+Enter');
  else await ex.getByRole('button', { name: 'Check' }).click();
  await verdict.locator('.exercise__verdict-title').filter({ hasText: /^(✓ Solved|Not yet|Not checked|First)/ }).waitFor({ timeout: 30_000 });
  return { title: await verdict.locator('.exercise__verdict-title').innerText(), message: await verdict.locator('.exercise__verdict-message').innerText() };
}

describe('the exercises', () => {
  const withExercises = pages
    .map((slug) => ({ slug, exercises: collectExamples(join(CONTENT, `${slug}.mdx`)).map((e) => ({ ...e.example, id: e.id })).filter((e) => e.exercise) }))
    .filter(({ exercises }) => exercises.length > 0);

  it('are on every lesson page', () => {
    expect(withExercises.map(({ slug }) => slug)).toEqual(pages.filter((slug) => /^(lessons|beyond)\//.test(slug)));
  });

  it.each(withExercises.map(({ slug, exercises }) => [slug, exercises] as const))('%s: each fails as given, passes when solved, and is remembered', async (slug, exercises) => {
    const { page, errors, close } = await open(inject('isolatedURL'), `/${slug}/`);
    for (const { id, exercise } of exercises) {
      const ex = page.locator(`live-example[data-example-id="${id}"]`);
      const { kind, solution } = exercise!;
      if (kind === 'predict') {
        expect((await check(ex)).title, 'asks for a prediction first').toBe('First, your prediction');
        await ex.getByRole('textbox', { name: /Your prediction/ }).fill('I have no idea');
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
      expect(await check(ex, kind === 'predict'), `${slug} #${id} solved`).toEqual({ title: '✓ Solved', message: expect.stringMatching(/matches|does what/) });
      await ex.locator('.exercise__solved:not([hidden])').waitFor();
      const hints = ex.locator('.exercise__hint');
      await hints.first().locator('summary').click();
      expect(await hints.first().locator('p').first().isVisible()).toBe(true);
    }
    await page.reload();
    expect(await page.locator('.exercise__solved:not([hidden])').count()).toBe(exercises.length);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
