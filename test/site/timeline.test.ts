/** The timeline of a run, in Chromium: drawn from the trace of that exact run, and replayed. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { program } from '../unit/runtime/programs/index';
import { example, finished, forgetRun, loadCode, open } from './page-helpers';

const GATHER = program('gather_squares');

describe('the timeline', () => {
  // One page for the three checks, in order (Python boots once).
  let opened: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    opened = await open(inject('isolatedURL'), '/lessons/executing-tasks/');
  });
  afterAll(() => opened.close());

  it('shows the two-task gather example: its lanes, the two sleeps overlapping, one second in all', async () => {
    const { page } = opened;
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
  });

  it('replays the run: the output appears at its loop times under a moving playhead', async () => {
    const { page } = opened;
    const ex = example(page, 'Three squares in one second');
    await forgetRun(ex);
    await ex.getByRole('button', { name: 'Run' }).click();
    await finished(ex);
    const timeline = ex.locator('.timeline');
    await timeline.locator('svg').waitFor({ timeout: 10_000 });
    // Watch the replay from start to end: every set of lines it shows, in order.
    const replay = await timeline.locator('.timeline__replay').evaluate(
      (button) =>
        new Promise<{ shown: string[][]; playheads: number[] }>((resolve) => {
          const root = button.closest('live-example')!;
          const shown: string[][] = [];
          const playheads: number[] = [];
          const look = () => {
            const visible = [...root.querySelectorAll<HTMLElement>('.output__line')].filter((line) => !line.hidden).map((line) => line.textContent!.trim());
            if (JSON.stringify(visible) !== JSON.stringify(shown.at(-1))) shown.push(visible);
            playheads.push(Number(root.querySelector('.timeline__playhead')!.getAttribute('x1')));
            if (button.textContent === 'Replay') {
              observer.disconnect();
              resolve({ shown, playheads });
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
  });

  it('can be turned off, and the choice is remembered', async () => {
    const { page } = opened;
    const ex = example(page, 'Three squares in one second');
    await forgetRun(ex);
    await ex.getByRole('button', { name: 'Run' }).click();
    await finished(ex);
    await ex.locator('.output__timeline-toggle').uncheck();
    expect(await ex.locator('.timeline').isVisible()).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('asyncio-live:timeline'))).toBe('off');
  });
});
