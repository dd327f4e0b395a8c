/** The timeline of a run, in Chromium: drawn from the trace of that exact run, and replayed. */
import { describe, expect, inject, it } from 'vitest';
import { program } from '../unit/runtime/programs/index';
import { example, finished, loadCode, open } from './page-helpers';

const GATHER = program('gather_squares');

describe('the timeline', () => {
  it('shows the two-task gather example: its lanes, the two sleeps overlapping, one second in all', async () => {
    const { page, close } = await open(inject('isolatedURL'), '/lessons/executing-tasks/');
    const ex = await loadCode(page, 'Squaring a number, slowly', GATHER);
    await ex.getByRole('button', { name: 'Run' }).click();
    expect(await finished(ex)).toBe('Square 1\nSquare 2\nEnd square 1\nEnd square 2\n[1, 4]');
    const timeline = ex.locator('.timeline');
    await timeline.locator('svg').waitFor({ timeout: 10_000 });
    const labels = await timeline.locator('.timeline__label').allTextContents();
    expect(labels.map((label) => label.split(' · ')[0])).toEqual(['event loop', 'Task-1 main()', 'Task-2 square(1)', 'Task-3 square(2)']);
    // One second, plus the few milliseconds the run computed ("1 s" when under 5 ms).
    expect(await timeline.locator('.timeline__summary').innerText()).toMatch(/^3 tasks, 1(\.0\d*)? s of loop time$/);
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
    await close();
  });

  it('replays the run: the output appears at its loop times under a moving playhead', async () => {
    const { page, close } = await open(inject('isolatedURL'), '/lessons/executing-tasks/');
    const ex = example(page, 'Three squares in one second');
    await ex.getByRole('button', { name: 'Run' }).click();
    await finished(ex);
    const timeline = ex.locator('.timeline');
    await timeline.locator('svg').waitFor({ timeout: 10_000 });
    await timeline.getByRole('button', { name: 'Replay' }).click();
    // Early in the replay: only the lines printed at 0 s are shown.
    await page.waitForTimeout(300);
    const early = await ex.locator('.output__line:visible').allInnerTexts();
    expect(early.map((line) => line.trim())).toEqual(['Square 1', 'Square 2', 'Square 3']);
    const playhead = await timeline.locator('.timeline__playhead').getAttribute('x1');
    await page.waitForTimeout(1200);
    expect(await ex.locator('.output__line:visible').count()).toBe(7);
    expect(Number(await timeline.locator('.timeline__playhead').getAttribute('x1'))).toBeGreaterThan(Number(playhead));
    await expect(timeline.getByRole('button', { name: 'Replay' })).toBeTruthy();
    await close();
  });

  it('can be turned off, and the choice is remembered', async () => {
    const { page, close } = await open(inject('isolatedURL'), '/lessons/executing-tasks/');
    const ex = example(page, 'Three squares in one second');
    await ex.getByRole('button', { name: 'Run' }).click();
    await finished(ex);
    await ex.locator('.output__timeline-toggle').uncheck();
    expect(await ex.locator('.timeline').isVisible()).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('asyncio-live:timeline'))).toBe('off');
    await close();
  });
});
