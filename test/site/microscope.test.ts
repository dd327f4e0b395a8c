/**
 * The loop microscope in Chromium: Step records a run turn by turn, and the page shows
 * each turn as the runtime recorded it. The same program's trace, run on the runtime in
 * Node, is the judge: at every step, forward and back, the ready queue, the timers, the
 * tasks with their waits, the sockets watched, the lines marked in the code and the
 * output shown must be that turn's. (Whether the turns are CPython's: the unit tests,
 * test/unit/microscope/.)
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { LoopTurn, TraceEvent } from '../../runtime/protocol/index';
import { restoredEngine } from '../python';
import { shareFragment } from '../../src/client/share/share-link';
import { PLAYGROUND_EXAMPLE } from '../../src/client/share/playground-link';
import { describeCallback, describeTask, lineMarks, readSteps, timerTime, type SteppedRun } from '../../src/client/microscope/steps';
import { formatTime } from '../../src/client/timeline/layout';
import { example, open } from './page-helpers';
import { GATHER, SERVER } from '../unit/microscope/programs';

/** The program's stepped trace, as the runtime records it in Node. */
async function recorded(code: string): Promise<SteppedRun> {
  const engine = await restoredEngine();
  const events: TraceEvent[] = [];
  const result = await engine.run(
    code,
    { steps: true },
    () => {},
    (batch) => events.push(...batch),
  );
  expect(result.ok).toBe(true);
  return readSteps(events);
}

/**
 * Loop times, to the second: the page's clock also counts computing (a loaded machine
 * moved a turn from 0 s to 101 ms), where the recording in Node is deterministic. The
 * unit tests hold the exact times (test/unit/microscope/).
 */
const roughly = (text: string | null) =>
  (text ?? '').replace(
    /(\d+(?:\.\d+)?) (ms|s)\b/g,
    (_, value: string, unit: string) => `${Math.round(Number(value) / (unit === 'ms' ? 1000 : 1))} s`,
  );

const texts = async (list: Locator) => (await list.locator('li:not(.microscope__empty)').allInnerTexts()).map(roughly);

/** The lines marked in the code (its static view, or Monaco once open): each line's code, and the tasks named after it. */
async function markedLines(ex: Locator): Promise<{ code: string; tasks: string }[]> {
  return ex.locator('.live-example__code').evaluate((box) => {
    const monaco = [...box.querySelectorAll('.monaco-editor .view-line:has(.microscope-line-tasks)')].map((line) => {
      const tasks = line.querySelector('.microscope-line-tasks')!.textContent!.replace(/\u00a0/g, ' ');
      return {
        code: line
          .textContent!.replace(/\u00a0/g, ' ')
          .replace(tasks, '')
          .trim(),
        tasks: tasks.replace(/^\s*← /, ''),
      };
    });
    const marked = [...box.querySelectorAll('pre .line.microscope-line')].map((line) => ({
      code: line.textContent!.trim(),
      tasks: line.getAttribute('data-tasks')!,
    }));
    return [...monaco, ...marked].sort((a, b) => a.code.localeCompare(b.code));
  });
}

/** The page shows turn `index` of `run` as recorded. */
async function expectTurn(ex: Locator, run: SteppedRun, index: number, code: string): Promise<void> {
  const step = run.steps[index];
  const turn: LoopTurn = step.turn;
  const panel = ex.locator('.microscope');
  await expect
    .poll(async () => roughly(await panel.locator('.microscope__where').textContent()))
    .toBe(roughly(`Turn ${turn.n} of ${run.steps.length - 1} · loop time ${formatTime(turn.t)}`));
  expect(await texts(panel.locator('.microscope__ran'))).toEqual(turn.ran.map(describeCallback));
  expect(await texts(panel.locator('.microscope__ready'))).toEqual(turn.ready.map(describeCallback));
  expect(await texts(panel.locator('.microscope__timers'))).toEqual(
    turn.timers.map((t) => roughly(`${timerTime(t.at)}: ${describeCallback(t)}`)),
  );
  expect(await texts(panel.locator('.microscope__tasks'))).toEqual(
    turn.tasks.map((t) => roughly(`${t.task}: ${describeTask(t)}${t.line !== null ? ` · line ${t.line}` : ''}`)),
  );
  expect(await texts(panel.locator('.microscope__io'))).toEqual(turn.io.map((w) => `${w.socket}: ${w.events} → ${w.callback}`));
  const lines = code.split('\n');
  const expected = lineMarks(run, step, 0, lines.length)
    .map(({ line, tasks }) => ({ code: lines[line - 1].trim(), tasks: tasks.join(', ') }))
    .sort((a, b) => a.code.localeCompare(b.code));
  await expect.poll(() => markedLines(ex)).toEqual(expected);
  // The output shows what the run had printed by the end of this turn, no more.
  const printed = run.steps
    .slice(0, index + 1)
    .flatMap((s) => s.output.map((o) => o.text))
    .join('');
  const shown = await ex
    .locator('.output__line:not(.is-ahead)')
    .evaluateAll((elements) => elements.map((element) => element.textContent).join('\n'));
  expect(shown.replace(/\n+/g, '\n').trim()).toBe(printed.replace(/\n+/g, '\n').trim());
}

async function stepThrough(code: string, check: (ex: Locator, run: SteppedRun) => Promise<void>): Promise<void> {
  const run = await recorded(code);
  const { page, close } = await open(inject('isolatedURL'), `/playground/${await shareFragment(PLAYGROUND_EXAMPLE, code)}`);
  const ex = example(page, 'Your program');
  await ex.locator('.live-example__notice', { hasText: 'This code came from a link' }).waitFor({ timeout: 30_000 });
  await ex.getByRole('button', { name: 'Step' }).click();
  await ex.locator('.microscope:not([hidden])').waitFor({ timeout: 30_000 });
  // Forward through every turn with the button, then back to the first.
  for (let index = 0; index < run.steps.length; index++) {
    if (index > 0) await ex.locator('button[data-step="forward"]').click();
    await expectTurn(ex, run, index, code);
  }
  for (let index = run.steps.length - 2; index >= 0; index--) {
    await ex.locator('button[data-step="back"]').click();
    await expectTurn(ex, run, index, code);
  }
  await check(ex, run);
  await close();
}

describe('the loop microscope', () => {
  it('steps through a gather of two sleepers, forward and back, as the runtime recorded it', async () => {
    await stepThrough(GATHER, async (ex, run) => {
      // The turn after both sleepers started: two timers, each task at its sleep.
      const both = run.steps.findIndex((s) => s.turn.timers.length === 2);
      expect(both).toBeGreaterThan(0);
      const panel = ex.locator('.microscope');
      // Keys: Home, then Right as often, reach it; End the last turn; Escape closes, back to Step.
      await panel.locator('button[data-step="forward"]').focus();
      await ex.page().keyboard.press('Home');
      for (let i = 0; i < both; i++) await ex.page().keyboard.press('ArrowRight');
      await expectTurn(ex, run, both, GATHER);
      expect(await texts(panel.locator('.microscope__timers'))).toEqual(['at 1 s: end Task-2’s sleep', 'at 2 s: end Task-3’s sleep']);
      expect(await panel.locator('.microscope__said').textContent()).toMatch(
        new RegExp(`^Turn ${both} of ${run.steps.length - 1}, at 0 s: ran`),
      );
      await ex.page().keyboard.press('End');
      await expectTurn(ex, run, run.steps.length - 1, GATHER);
      await ex.page().keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      expect(await ex.locator('.monaco-editor .microscope-line-tasks').count()).toBe(0);
      expect(await ex.getByRole('button', { name: 'Step' }).evaluate((button) => button === document.activeElement)).toBe(true);
      // The whole run is shown again.
      expect(await ex.locator('.output__line.is-ahead').count()).toBe(0);
    });
  });

  it('steps through a server with one client: the listening socket, both ends reading, the handler woken by the data', async () => {
    await stepThrough(SERVER, async (ex, run) => {
      const reading = run.steps.findIndex((s) => s.turn.tasks.length === 2 && s.turn.tasks.every((t) => t.on?.kind === 'network'));
      expect(reading).toBeGreaterThan(0);
      await ex.locator('input.microscope__slider').fill(String(reading));
      await expectTurn(ex, run, reading, SERVER);
      const panel = ex.locator('.microscope');
      expect(await texts(panel.locator('.microscope__tasks'))).toEqual([
        'Task-1: reading from 127.0.0.1:8888 · line 17',
        'Task-4: reading from 127.0.0.1:40000 · line 5',
      ]);
      expect(await texts(panel.locator('.microscope__io'))).toContain(
        'listening on 127.0.0.1:8888: read → BaseSelectorEventLoop._accept_connection',
      );
      // Step, pressed again, goes forward: the data arrives, the server's handler is woken.
      await ex.getByRole('button', { name: 'Step' }).click();
      await expectTurn(ex, run, reading + 1, SERVER);
      expect(await texts(panel.locator('.microscope__ready'))).toEqual(['Task-4: wake up (what it awaited is over)']);
    });
  });
});

describe('slow motion', () => {
  const TICKS = `import asyncio


async def main():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0.5)
    print("end")


asyncio.run(main())
`;

  it('shows each line no sooner than its loop time at the pace asked, and Stop ends it where it is', async () => {
    const { page, close } = await open(inject('isolatedURL'), `/playground/${await shareFragment(PLAYGROUND_EXAMPLE, TICKS)}`);
    const ex = example(page, 'Your program');
    await ex.locator('.live-example__notice', { hasText: 'This code came from a link' }).waitFor({ timeout: 30_000 });
    // A first run at once: Python is warm, and the pane (with its pace menu) is there.
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    await ex.locator('.output__status', { hasText: /^Done/ }).waitFor({ timeout: 30_000 });
    await ex.locator('select.output__pace').selectOption('2');
    // When each line shows, from the press of Run (the page's clock).
    const pressed = await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { seen: Record<string, number> }).seen = seen;
      new MutationObserver(() => {
        for (const line of document.querySelectorAll('.output__line')) seen[line.textContent!.trim()] ??= performance.now();
      }).observe(document.querySelector('.output__text')!, { childList: true, subtree: true, characterData: true });
      return performance.now();
    });
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    await ex.locator('.output__status', { hasText: /^Done .* shown at 2×\.$/ }).waitFor({ timeout: 30_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, number> }).seen);
    // At 2×, a line printed at loop time t shows t / 2 seconds after the run starts, never sooner.
    for (const [line, loopTime] of [
      ['tick 1', 0.5],
      ['tick 2', 1],
      ['tick 3', 1.5],
      ['end', 2],
    ] as const) {
      expect(seen[line] - pressed, line).toBeGreaterThanOrEqual((loopTime / 2) * 1000);
    }
    expect(Object.keys(seen)).toEqual(['tick 0', 'tick 1', 'tick 2', 'tick 3', 'end']);

    // A quarter speed, stopped once the second line shows: nothing printed later comes.
    await ex.locator('select.output__pace').selectOption('0.25');
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    await ex.locator('.output__line', { hasText: 'tick 1' }).waitFor({ timeout: 30_000 });
    await ex.getByRole('button', { name: 'Stop' }).click();
    await ex.locator('.output__status', { hasText: /^Stopped/ }).waitFor({ timeout: 30_000 });
    const stoppedAt = Number(/loop time ([\d.]+) s/.exec((await ex.locator('.output__status').textContent())!)![1]);
    expect(stoppedAt).toBeGreaterThanOrEqual(0.5);
    expect(stoppedAt).toBeLessThan(2);
    const shown = await ex.locator('.output__line').allInnerTexts();
    expect(shown.map((line) => line.trim())).toEqual(['tick 0', 'tick 1', 'tick 2', 'tick 3'].slice(0, Math.floor(stoppedAt / 0.5) + 1));
    // The reader's choice is kept for the next runs, on every page.
    expect(await page.evaluate(() => localStorage.getItem('asyncio-live:pace'))).toBe('0.25');
    await close();
  });
});
