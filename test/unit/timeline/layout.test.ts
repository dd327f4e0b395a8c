import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../runtime/protocol/index';
import { describeWait, formatTime, layoutTrace, MAX_LANES, merge, ticks } from '../../../src/client/timeline/layout';
import { program } from '../runtime/programs/index';
import { dedent, sharedEngine } from '../runtime/run-python';

/** The trace of a real run on the runtime (deterministic clock). */
async function traced(code: string): Promise<{ events: TraceEvent[]; end: number }> {
  const events: TraceEvent[] = [];
  const result = await (await sharedEngine()).run(
    dedent(code),
    { deterministic: true },
    () => {},
    (batch) => events.push(...batch),
  );
  return { events, end: result.time };
}

const GATHER = program('gather_squares');

describe('layoutTrace', () => {
  it('lays out the two-task gather example: lanes, steps, overlapping sleeps, marks', async () => {
    const { events, end } = await traced(GATHER);
    const layout = layoutTrace(events, end);
    expect(layout.end).toBe(1);
    expect(layout.lanes.map((lane) => lane.label)).toEqual(['event loop', 'Task-1 main()', 'Task-2 square(1)', 'Task-3 square(2)']);
    const [, main, one, two] = layout.lanes;
    expect(main.waits).toMatchObject([{ from: 0, to: 1, label: 'gather of Task-2, Task-3' }]);
    expect(one.waits).toMatchObject([{ from: 0, to: 1, label: 'sleep until 1 s' }]);
    expect(two.waits).toMatchObject([{ from: 0, to: 1, label: 'sleep until 1 s' }]);
    expect(one.steps).toMatchObject([
      { from: 0, to: 0 },
      { from: 1, to: 1 },
    ]);
    expect(one.marks.map((m) => [m.t, m.line, m.text])).toEqual([
      [0, 0, 'Square 1'],
      [1, 2, 'End square 1'],
    ]);
    expect(two.marks.map((m) => m.line)).toEqual([1, 3]);
    expect(main.marks.map((m) => m.text)).toEqual(['[1, 4]']);
    expect(one.done).toEqual({ t: 1, outcome: 'returned 1' });
    expect(layout.blocked).toEqual([]);
  });

  it('draws a blocking time.sleep as the loop blocked', async () => {
    const { events, end } = await traced(`
      import asyncio, time
      async def ticker():
          for _ in range(3):
              await asyncio.sleep(0.5)
      async def blocker():
          time.sleep(2)
      async def main():
          await asyncio.gather(ticker(), blocker())
      asyncio.run(main())
    `);
    const layout = layoutTrace(events, end);
    expect(layout.blocked).toMatchObject([{ from: 0, to: 2, label: 'time.sleep(2)' }]);
    expect(layout.end).toBe(3);
  });

  it('draws a program with no event loop as the program itself, blocked while it sleeps', async () => {
    const { events, end } = await traced(`
      import time
      print("kettle on")
      time.sleep(3)
      print("water boiled")
    `);
    const layout = layoutTrace(events, end);
    expect(layout.loopRan).toBe(false);
    expect(layout.lanes.map((lane) => lane.label)).toEqual(['the program (no event loop)']);
    expect(layout.lanes[0].marks.map((m) => [m.t, m.text])).toEqual([
      [0, 'kettle on'],
      [3, 'water boiled'],
    ]);
    expect(layout.blocked).toMatchObject([{ from: 0, to: 3, label: 'time.sleep(3)' }]);
    expect(layout.rows.map((row) => row.event)).toContain('blocks: time.sleep(3)');
    expect((await traced(GATHER).then(({ events: e, end: t }) => layoutTrace(e, t))).loopRan).toBe(true);
  });

  it('puts output from outside any task on the loop lane', async () => {
    const { events, end } = await traced('print("top level")');
    expect(layoutTrace(events, end).lanes[0].marks.map((m) => m.text)).toEqual(['top level']);
  });

  it('groups many alike tasks into one lane with a count', async () => {
    const { events, end } = await traced(`
      import asyncio
      async def sleeper(i):
          await asyncio.sleep(1)
      async def main():
          await asyncio.gather(*(sleeper(i) for i in range(100)))
      asyncio.run(main())
    `);
    const layout = layoutTrace(events, end);
    expect(layout.lanes.length).toBeLessThanOrEqual(MAX_LANES + 1);
    const group = layout.lanes.find((lane) => lane.label.startsWith('sleeper() ×100'));
    expect(group?.count).toBe(100);
    expect(group?.waits).toMatchObject([{ from: 0, to: 1, label: 'sleep until 1 s' }]);
  });

  it('closes what is still open at the end of a run (an error, a stop)', () => {
    const events: TraceEvent[] = [
      { type: 'task', task: 'Task-1', coro: 'main()', t: 0 },
      { type: 'step', task: 'Task-1', t: 0 },
    ];
    expect(layoutTrace(events, 2).lanes[1].steps).toMatchObject([{ from: 0, to: 2 }]);
  });
});

describe('labels and axis', () => {
  it('describes what a task waits on', () => {
    expect(describeWait({ kind: 'future', via: 'Queue.get' })).toBe('queue get');
    expect(describeWait({ kind: 'future', via: 'Lock.acquire' })).toBe('lock');
    expect(describeWait({ kind: 'gather', tasks: Array.from({ length: 10_000 }, (_, i) => `Task-${i}`) })).toBe('gather of 10,000 tasks');
    expect(describeWait({ kind: 'yield' })).toBe('yields to the loop');
  });

  it('formats loop time from milliseconds to hours', () => {
    expect([0, 0.0005, 0.25, 1, 2.5, 125, 3600, 5400].map(formatTime)).toEqual([
      '0 s',
      '0.5 ms',
      '250 ms',
      '1 s',
      '2.5 s',
      '2 min 5 s',
      '1 h',
      '1 h 30 min',
    ]);
  });

  it('picks round ticks for any length of run', () => {
    expect(ticks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks(0.003)).toEqual([0, 0.001, 0.002, 0.003]);
    expect(ticks(3600)).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600]);
    // A time.sleep(1e12) (31,700 years): a dozen ticks, not millions.
    for (const end of [1e12, 1e7, 86400 * 7, Number.MAX_VALUE, Infinity, NaN]) {
      const axis = ticks(end);
      expect(axis.length, String(end)).toBeGreaterThanOrEqual(2);
      expect(axis.length, String(end)).toBeLessThanOrEqual(12);
    }
  });

  it('draws a blocking sleep that the run did not see end only up to the end of the run', () => {
    const layout = layoutTrace([{ type: 'block', task: null, t: 0.5, seconds: 1e12 }], 0.5);
    expect(layout.blocked).toMatchObject([{ from: 0.5, to: 0.5, label: 'time.sleep(1000000000000)' }]);
    expect(layout.end).toBe(0.5);
  });

  it('ends a step still open where a trace was cut short, not at the end of the run (nothing says the loop was blocked)', () => {
    const events: TraceEvent[] = [
      { type: 'task', task: 'Task-1', coro: 'main()', t: 0 },
      { type: 'step', task: 'Task-1', t: 0.5 },
      { type: 'limit', t: 0.5, shown: 2, total: 90_000 },
    ];
    const layout = layoutTrace(events, 3600);
    expect(layout.lanes[1].steps).toMatchObject([{ from: 0.5, to: 0.5 }]);
    expect(layout.blocked).toEqual([]);
    expect(layout.end).toBe(3600);
    expect(layout.limit).toEqual({ shown: 2, total: 90_000 });
  });

  it('puts events at the same loop time one after another: a loopback exchange, where no time passes, still shows its order', async () => {
    const { events, end } = await traced(`
      import asyncio
      async def handle(reader, writer):
          writer.write(await reader.readline())
          await writer.drain()
          writer.close()
      async def main():
          server = await asyncio.start_server(handle, "127.0.0.1", 8888)
          reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
          writer.write(b"ping\\n")
          print("sent")
          print("got", await reader.readline())
          writer.close()
          server.close()
      asyncio.run(main())
    `);
    const layout = layoutTrace(events, end);
    expect(layout.end).toBe(0);
    // Every event after the first came at loop time 0: each has its own place in order.
    expect(layout.sameTime).toBe(events.length - 1);
    expect(layout.instants).toEqual([{ t: 0, k: 0 }]);
    const [, main, handler] = layout.lanes;
    const [sent, got] = main.marks;
    expect(got.k).toBeGreaterThan(sent.k);
    // The handler answers between the client's send and its reading the answer.
    expect(handler.steps.some((step) => step.kFrom > sent.k && step.kTo < got.k)).toBe(true);
  });

  it('merges overlapping spans', () => {
    const span = (from: number, to: number, kFrom = 0, kTo = 0) => ({ from, to, kFrom, kTo });
    expect(merge([span(2, 3), span(0, 1), span(0.5, 1.5)])).toEqual([span(0, 1.5), span(2, 3)]);
    // At the same loop time, the events' order decides: these touch, those do not.
    expect(merge([span(0, 0, 3, 5), span(0, 0, 0, 2)])).toEqual([span(0, 0, 0, 2), span(0, 0, 3, 5)]);
    expect(merge([span(0, 0, 2, 5), span(0, 0, 0, 2)])).toEqual([span(0, 0, 0, 5)]);
  });
});
