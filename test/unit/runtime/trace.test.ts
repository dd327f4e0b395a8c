import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../runtime/protocol/index';
import { program } from './programs/index';
import { dedent, sharedEngine } from './run-python';

async function traceOf(code: string): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const engine = await sharedEngine();
  const result = await engine.run(
    dedent(code),
    { deterministic: true },
    () => {},
    (batch) => events.push(...batch),
  );
  expect(result.ok).toBe(true);
  return events;
}

describe('the trace of a run', () => {
  it('comes in batches and keeps the first 10,000 events, then says how many there were', async () => {
    const engine = await sharedEngine();
    const batches: TraceEvent[][] = [];
    const code = 'import asyncio\nasync def main():\n    for _ in range(6000):\n        await asyncio.sleep(0)\nasyncio.run(main())\n';
    expect(
      (
        await engine.run(
          code,
          { deterministic: true },
          () => {},
          (batch) => batches.push(batch),
        )
      ).ok,
    ).toBe(true);
    const events = batches.flat();
    expect(batches.length).toBe(21);
    expect(Math.max(...batches.map((batch) => batch.length))).toBe(500);
    expect(events).toHaveLength(10_001);
    const limit = events.at(-1)!;
    expect(limit).toMatchObject({ type: 'limit', shown: 10_000 });
    expect(limit.type === 'limit' && limit.total).toBeGreaterThan(12_000);
  });

  it('puts the limit at the loop time of the cut, not at the end of the run', async () => {
    const engine = await sharedEngine();
    const events: TraceEvent[] = [];
    const code = 'import asyncio\nasync def main():\n    for _ in range(6000):\n        await asyncio.sleep(1)\nasyncio.run(main())\n';
    const result = await engine.run(
      code,
      { deterministic: true },
      () => {},
      (batch) => events.push(...batch),
    );
    expect(result).toMatchObject({ ok: true, time: 6000 });
    const limit = events.at(-1)!;
    expect(limit.type).toBe('limit');
    // 10,000 events are 5,000 sleeps of a second (a step and a wait each): the cut is
    // there, at the last kept event's time, 1,000 s before the run ended.
    expect(limit.t).toBeGreaterThanOrEqual(events.at(-2)!.t);
    expect(limit.t).toBeLessThan(5001);
  });

  const forgottenTask = `
    import asyncio
    async def fail():
        raise ValueError("nobody will hear this")
    async def main():
        asyncio.create_task(fail())
        await asyncio.sleep(1)
        print("main done")
    asyncio.run(main())
  `;
  const memoryPerTask = `
    import asyncio, tracemalloc
    async def wait():
        await asyncio.sleep(1)
    async def main():
        tracemalloc.start()
        before, _ = tracemalloc.get_traced_memory()
        tasks = [asyncio.create_task(wait()) for _ in range(5_000)]
        await asyncio.sleep(0)
        after, _ = tracemalloc.get_traced_memory()
        print(f"{(after - before) / len(tasks) / 1024:.1f} KiB per task")
        await asyncio.gather(*tasks)
    asyncio.run(main())
  `;

  it.each([
    [
      'a forgotten task’s exception is reported at once',
      forgottenTask,
      /^Task exception was never retrieved\n[\s\S]*ValueError: nobody will hear this\nmain done\n$/,
    ],
    ['a program measuring its own memory measures the same', memoryPerTask, /^0\.\d KiB per task\n$/],
  ])('changes nothing the program prints: %s', async (_what, code, expected) => {
    const engine = await sharedEngine();
    const printed = async (traced: boolean) => {
      let output = '';
      await engine.run(dedent(code), { deterministic: true }, (chunk) => (output += chunk.text), traced ? () => {} : undefined);
      return output;
    };
    const traced = await printed(true);
    expect(traced).toBe(await printed(false));
    expect(traced).toMatch(expected);
  });

  it('is exact for the two-task gather example', async () => {
    const events = await traceOf(program('gather_squares'));
    const out = (task: string, t: number, text: string) => ({ type: 'output', stream: 'stdout', task, t, text });
    expect(events).toEqual([
      { type: 'task', task: 'Task-1', coro: 'main()', t: 0 },
      { type: 'step', task: 'Task-1', t: 0 },
      { type: 'task', task: 'Task-2', coro: 'square(1)', t: 0 },
      { type: 'task', task: 'Task-3', coro: 'square(2)', t: 0 },
      { type: 'wait', task: 'Task-1', t: 0, on: { kind: 'gather', tasks: ['Task-2', 'Task-3'] } },
      { type: 'step', task: 'Task-2', t: 0 },
      out('Task-2', 0, 'Square 1\n'),
      { type: 'wait', task: 'Task-2', t: 0, on: { kind: 'sleep', until: 1 } },
      { type: 'step', task: 'Task-3', t: 0 },
      out('Task-3', 0, 'Square 2\n'),
      { type: 'wait', task: 'Task-3', t: 0, on: { kind: 'sleep', until: 1 } },
      { type: 'step', task: 'Task-2', t: 1 },
      out('Task-2', 1, 'End square 1\n'),
      { type: 'done', task: 'Task-2', t: 1, result: '1' },
      { type: 'step', task: 'Task-3', t: 1 },
      out('Task-3', 1, 'End square 2\n'),
      { type: 'done', task: 'Task-3', t: 1, result: '4' },
      { type: 'step', task: 'Task-1', t: 1 },
      out('Task-1', 1, '[1, 4]\n'),
      { type: 'done', task: 'Task-1', t: 1, result: 'None' },
    ]);
  });

  it('says what a task waits on: another task, a queue, a lock, an event, a yield', async () => {
    const events = await traceOf(`
      import asyncio
      async def main():
          q, lock, ev = asyncio.Queue(), asyncio.Lock(), asyncio.Event()
          async def getter(): await q.get()
          async def locker():
              async with lock: pass
          async def waiter(): await ev.wait()
          async def yielder(): await asyncio.sleep(0)
          await lock.acquire()
          tasks = [asyncio.create_task(f()) for f in (getter, locker, waiter, yielder)]
          await asyncio.sleep(0)
          q.put_nowait(1); lock.release(); ev.set()
          await tasks[0]
          await asyncio.gather(*tasks)
      asyncio.run(main())
    `);
    const waits = events.filter((e) => e.type === 'wait').map((e) => [e.task, e.on]);
    expect(waits).toEqual(
      expect.arrayContaining([
        ['Task-2', { kind: 'future', via: 'Queue.get' }],
        ['Task-3', { kind: 'future', via: 'Lock.acquire' }],
        ['Task-4', { kind: 'future', via: 'Event.wait' }],
        ['Task-5', { kind: 'yield' }],
        ['Task-1', { kind: 'task', task: 'Task-2' }],
      ]),
    );
  });

  it('labels a task by its coroutine and arguments, objects by their type, not their address', async () => {
    const events = await traceOf(`
      import asyncio
      async def download(limit, queue, name, started, tags):
          pass
      async def main():
          await asyncio.create_task(download(asyncio.Semaphore(2), asyncio.Queue(), "notes.txt", 1000.0139347, ["a"]))
      asyncio.run(main())
    `);
    expect(events).toContainEqual({
      type: 'task',
      task: 'Task-2',
      coro: "download(<Semaphore>, <Queue>, 'notes.txt', 1000.01, ['a'])",
      t: 0,
    });
  });

  it('says "a future" when a task awaits a bare future itself', async () => {
    const events = await traceOf(`
      import asyncio
      async def main():
          fut = asyncio.get_running_loop().create_future()
          asyncio.get_running_loop().call_later(1, fut.set_result, 1)
          await fut
      asyncio.run(main())
    `);
    expect(events).toContainEqual({ type: 'wait', task: 'Task-1', t: 0, on: { kind: 'future', via: null } });
  });

  it('records blocking sleeps, exceptions, cancellations and output outside any task', async () => {
    const events = await traceOf(`
      import asyncio, time
      print('before the loop')
      async def blocker():
          time.sleep(2)
      async def failing():
          raise ValueError('bad')
      async def main():
          await asyncio.create_task(blocker())
          t = asyncio.create_task(failing())
          await asyncio.wait([t])
          s = asyncio.create_task(asyncio.sleep(5))
          await asyncio.sleep(0)
          s.cancel()
          await asyncio.wait([s])
      asyncio.run(main())
    `);
    expect(events[0]).toEqual({ type: 'output', stream: 'stdout', task: null, t: 0, text: 'before the loop\n' });
    expect(events).toContainEqual({ type: 'block', task: 'Task-2', t: 0, seconds: 2 });
    expect(events).toContainEqual({ type: 'done', task: 'Task-3', t: 2, exception: "ValueError('bad')" });
    expect(events).toContainEqual({ type: 'done', task: 'Task-4', t: 2, cancelled: true });
    expect(events.some((e) => 'coro' in e && e.coro.includes('shutdown'))).toBe(false);
  });
});
