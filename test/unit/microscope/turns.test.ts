/**
 * The loop microscope (the `steps` run option): the loop's state at the end of each turn,
 * checked against the trace of the same run and against what CPython's `_run_once` does
 * (asyncio/base_events.py, 3.14: the ready queue of a turn runs whole; due timers join it
 * after the turn's I/O; a timer's callback that ends a sleep makes the task's wake-up the
 * next turn's work).
 */
import { describe, expect, it } from 'vitest';
import type { LoopTurn, TraceEvent } from '../../../runtime/protocol/index';
import { TURN_LIMITS } from '../../../runtime/protocol/index';
import { dedent, sharedEngine } from '../runtime/run-python';
import { GATHER, SERVER } from './programs';
import { lineMarks, readSteps } from '../../../src/client/microscope/steps';

async function stepped(code: string, steps = true): Promise<{ events: TraceEvent[]; turns: LoopTurn[]; stdout: string }> {
  const events: TraceEvent[] = [];
  let stdout = '';
  const result = await (await sharedEngine()).run(
    dedent(code),
    { deterministic: true, steps },
    (chunk) => (stdout += chunk.text),
    (batch) => events.push(...batch),
  );
  expect(result.ok).toBe(true);
  return { events, turns: events.filter((e): e is LoopTurn => e.type === 'turn'), stdout };
}

const names = (list: { kind: string; task: string | null; name: string }[]) => list.map((c) => `${c.kind} ${c.task ?? c.name}`);

describe('the loop microscope', () => {
  it('steps through a gather of two sleepers turn by turn, as CPython runs it', async () => {
    const { turns, events } = await stepped(GATHER);
    // Turn 0: nothing has run; the main task's first step waits in the ready queue.
    expect(turns[0]).toMatchObject({ n: 0, t: 0, ran: [], ready: [{ kind: 'step', task: 'Task-1' }], timers: [] });
    // Turn 1 ran main up to the gather: both children are ready, main waits on them at line 12.
    expect(names(turns[1].ran)).toEqual(['step Task-1']);
    expect(names(turns[1].ready)).toEqual(['step Task-2', 'step Task-3']);
    expect(turns[1].tasks[0]).toEqual({ task: 'Task-1', state: 'waiting', on: { kind: 'gather', tasks: ['Task-2', 'Task-3'] }, line: 12 });
    // Turn 2 ran both children to their sleeps: two timers, at 1 s and 2 s, each for its task, at line 6.
    expect(turns[2].timers.map((t) => [t.at, t.kind, t.task])).toEqual([
      [1, 'sleep', 'Task-2'],
      [2, 'sleep', 'Task-3'],
    ]);
    expect(turns[2].tasks.slice(1).map((t) => [t.task, t.state, t.line])).toEqual([
      ['Task-2', 'waiting', 6],
      ['Task-3', 'waiting', 6],
    ]);
    // Turn 3: the clock jumped to 1 s; the timer ran, and Task-2's wake-up is next.
    expect(turns[3]).toMatchObject({ t: 1, ready: [{ kind: 'wake', task: 'Task-2' }] });
    expect(names(turns[3].ran)).toEqual(['sleep Task-2']);
    expect(turns[3].timers.map((t) => t.task)).toEqual(['Task-3']);
    // Every turn's tasks agree with the trace's last word on each task before that turn.
    for (const turn of turns) {
      const before = events.slice(0, events.indexOf(turn));
      for (const task of turn.tasks) {
        const last = before.filter((e) => 'task' in e && e.task === task.task && (e.type === 'wait' || e.type === 'done')).at(-1);
        if (task.state === 'waiting') expect(last).toMatchObject({ type: 'wait', on: task.on });
        if (task.state === 'done') expect(last).toMatchObject({ type: 'done' });
        if (last?.type === 'done') expect(task.state).toMatch(/done|cancelled|failed/);
      }
    }
  });

  it('reads as steps: what each turn printed, made and ended, and the lines tasks wait at', async () => {
    const { events } = await stepped(GATHER);
    const run = readSteps(events);
    expect(run.tasks).toEqual(['Task-1', 'Task-2', 'Task-3']);
    expect(run.steps[1].created).toEqual(['Task-2', 'Task-3']);
    expect(run.steps[2].output.map((o) => o.text)).toEqual(['a sleeps 1 s\n', 'b sleeps 2 s\n']);
    expect(run.steps[2].printed).toBe('a sleeps 1 s\nb sleeps 2 s\n'.length);
    expect(run.steps[4].ended).toEqual([{ task: 'Task-2', how: "returned 'a'" }]);
    expect(lineMarks(run, run.steps[2], 0, 16)).toEqual([
      { line: 12, tasks: ['Task-1'], colour: 0 },
      { line: 6, tasks: ['Task-2', 'Task-3'], colour: 1 },
    ]);
    // Lines of hidden setup above the shown code are not the reader's.
    expect(lineMarks(run, run.steps[2], 10, 6).map((m) => m.line)).toEqual([2]);
  });

  it('shows a server and its client: the listening socket, the connections watched, who reads what', async () => {
    const { turns, stdout } = await stepped(SERVER);
    expect(stdout).toBe("b'HELLO\\n'\n");
    const listening = turns.find((t) => t.io.some((w) => w.socket === 'listening on 127.0.0.1:8888'));
    expect(listening?.io[0]).toMatchObject({ events: 'read', callback: 'BaseSelectorEventLoop._accept_connection' });
    // The turn where both ends wait to read: the handler at its readline (line 5), the client at its own (line 17).
    const reading = turns.find(
      (t) => t.tasks.length === 2 && t.tasks.every((task) => task.state === 'waiting' && task.on?.kind === 'network'),
    );
    expect(reading?.tasks.map((t) => [t.task, t.line, t.on])).toEqual([
      ['Task-1', 17, { kind: 'network', action: 'read', peer: '127.0.0.1:8888' }],
      ['Task-4', 5, { kind: 'network', action: 'read', peer: '127.0.0.1:40000' }],
    ]);
    expect(reading?.io.map((w) => [w.socket, w.events])).toEqual([
      ['listening on 127.0.0.1:8888', 'read'],
      ['127.0.0.1:8888 → 127.0.0.1:40000', 'read'],
      ['127.0.0.1:40000 → 127.0.0.1:8888', 'read'],
    ]);
    // The next turn's work is the data arriving: the server side's transport reads it.
    const next = turns[turns.indexOf(reading!) + 1];
    expect(names(next.ran)).toEqual(['callback _SelectorSocketTransport._read_ready']);
    expect(names(next.ready)).toEqual(['wake Task-4']);
  });

  it('changes nothing a program prints, and numbers its turns from 0 without a gap', async () => {
    const plain = await stepped(GATHER, false);
    const steppedRun = await stepped(GATHER);
    expect(steppedRun.stdout).toBe(plain.stdout);
    expect(plain.turns).toEqual([]);
    expect(steppedRun.turns.map((t) => t.n)).toEqual(steppedRun.turns.map((_, i) => i));
  });

  it('records the first 1,000 turns of a run that makes more, and says how many there were', async () => {
    const { events, turns } = await stepped(`
      import asyncio
      async def main():
          for _ in range(3000):
              await asyncio.sleep(0)
      asyncio.run(main())
    `);
    expect(turns).toHaveLength(TURN_LIMITS.turns + 1);
    const cut = events.at(-1)!;
    expect(cut).toMatchObject({ type: 'turnLimit', shown: TURN_LIMITS.turns + 1 });
    expect(cut.type === 'turnLimit' && cut.total).toBeGreaterThan(3000);
  });

  it('holds each list to its bound and counts the rest', async () => {
    const { turns } = await stepped(`
      import asyncio
      async def main():
          await asyncio.gather(*(asyncio.sleep(i) for i in range(1, 41)))
      asyncio.run(main())
    `);
    const busiest = turns.reduce((a, b) => (b.more.timers > a.more.timers ? b : a));
    expect(busiest.timers).toHaveLength(TURN_LIMITS.items);
    expect(busiest.more.timers).toBe(40 - TURN_LIMITS.items);
    expect(busiest.timers.map((t) => t.at)).toEqual(Array.from({ length: TURN_LIMITS.items }, (_, i) => i + 1));
    const most = turns.reduce((a, b) => (b.tasks.length > a.tasks.length ? b : a));
    expect(most.tasks).toHaveLength(TURN_LIMITS.tasks);
    expect(most.more.tasks).toBe(41 - TURN_LIMITS.tasks);
  });

  it('keeps its own work off the clock: a program timing itself reads the same with Step as with Run', async () => {
    const code = `
      import asyncio
      import time
      async def main():
          loop = asyncio.get_running_loop()
          for i in range(20_000):
              loop.call_later(1000 + i, print, i)
          start = time.perf_counter()
          for _ in range(100):
              await asyncio.sleep(0.001)
          print(f"took {time.perf_counter() - start:.3f} s")
          for timer in list(loop._scheduled):
              timer.cancel()
      asyncio.run(main())
    `;
    const engine = await sharedEngine();
    let printed = '';
    const result = await engine.run(
      dedent(code),
      { deterministic: false, steps: true },
      (chunk) => (printed += chunk.text),
      () => {},
    );
    expect(result.ok).toBe(true);
    expect(printed).toBe('took 0.100 s\n');
  });

  it('says a deadline at infinity is never, in JSON (a run with one used to fail)', async () => {
    const { events, turns, stdout } = await stepped(`
      import asyncio
      import math
      async def main():
          try:
              async with asyncio.timeout(0.5):
                  await asyncio.sleep(math.inf)
          except TimeoutError:
              print("gave up")
      asyncio.run(main())
    `);
    expect(stdout).toBe('gave up\n');
    expect(events.find((e) => e.type === 'wait' && e.on.kind === 'sleep')).toMatchObject({ on: { kind: 'sleep', until: null } });
    expect(turns[1].timers.map((t) => t.at)).toEqual([0.5, null]);
  });

  it('follows an await chain that loops back on itself only once', async () => {
    const { turns, stdout } = await stepped(`
      import asyncio
      import sys
      class Cycle:
          def __init__(self):
              self.cr_frame = sys._getframe()
              self.cr_code = self.cr_frame.f_code
              self.n = 0
          @property
          def cr_await(self):
              return self
          def __await__(self):
              return self
          def __iter__(self):
              return self
          def __next__(self):
              self.n += 1
              if self.n > 3:
                  raise StopIteration("done")
      async def main():
          print(await Cycle())
      asyncio.run(main())
    `);
    expect(stdout).toBe('done\n');
    expect(turns.length).toBeGreaterThan(3);
  });

  it('says how many turns it kept when the trace filled up first', async () => {
    const { events, turns } = await stepped(`
      import asyncio
      async def main():
          async with asyncio.TaskGroup() as tg:
              for _ in range(3000):
                  tg.create_task(asyncio.sleep(1))
      asyncio.run(main())
    `);
    const cut = events.find((e) => e.type === 'turnLimit');
    expect(cut).toMatchObject({ shown: turns.length });
    expect(cut?.type === 'turnLimit' && cut.total).toBeGreaterThan(turns.length);
  });
});
