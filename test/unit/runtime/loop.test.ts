/**
 * The virtual-clock loop against CPython. Expected outputs are what CPython prints for
 * the same program: checked with CPython 3.13 on this machine where 3.13 and 3.14 agree,
 * and reasoned from the 3.14 source (Lib/asyncio) where they differ, as noted.
 */
import { describe, expect, it } from 'vitest';
import { RUN_DEFAULTS } from '../../../runtime/protocol/index';
import { program } from './programs/index';
import { restoredEngine } from '../../python';
import { dedent, runPython, sharedEngine } from './run-python';

describe('the virtual clock', () => {
  it('a one-second sleep reports one second', async () => {
    const { stdout, result } = await runPython(`
      import asyncio, time
      async def main():
          start = time.monotonic()
          await asyncio.sleep(1)
          print(time.monotonic() - start)
      asyncio.run(main())
    `);
    expect(stdout).toBe('1.0\n');
    expect(result).toEqual({ ok: true, time: 1 });
  });

  it('gather of two one-second squares takes one second, in CPython order', async () => {
    const { stdout } = await runPython(`
      import asyncio, time
      async def square(x):
          print('Square', x)
          await asyncio.sleep(1)
          print('End square', x)
          return x * x
      async def main():
          start = time.perf_counter()
          print(await asyncio.gather(square(1), square(2)), time.perf_counter() - start)
      asyncio.run(main())
    `);
    expect(stdout).toBe('Square 1\nSquare 2\nEnd square 1\nEnd square 2\n[1, 4] 1.0\n');
  });

  it('equal deadlines wake in scheduling order (twelve sleepers)', async () => {
    const { stdout } = await runPython(`
      import asyncio
      async def sleeper(i):
          await asyncio.sleep(1)
          print(i, end=' ')
      async def main():
          await asyncio.gather(*(sleeper(i) for i in range(12)))
      asyncio.run(main())
    `);
    expect(stdout).toBe('0 1 2 3 4 5 6 7 8 9 10 11 ');
  });

  it('call_soon, call_later and call_at keep CPython order, equal deadlines included', async () => {
    const { stdout } = await runPython(`
      import asyncio
      loop = asyncio.new_event_loop()
      t = loop.time()
      loop.call_later(2, print, 'later 2')
      loop.call_at(t + 1, print, 'at 1 (first)')
      loop.call_later(1, print, 'later 1 (second)')
      loop.call_soon(print, 'soon')
      loop.call_later(0, print, 'later 0')
      loop.call_later(3, loop.stop)
      loop.run_forever()
      print(round(loop.time() - t, 6))
      loop.close()
    `);
    expect(stdout).toBe('soon\nlater 0\nat 1 (first)\nlater 1 (second)\nlater 2\n3.0\n');
  });

  it('a blocking time.sleep holds every other task, and moves the clock', async () => {
    const { stdout } = await runPython(`
      import asyncio, time
      start = time.monotonic()
      def log(m): print(f"{time.monotonic() - start:.1f} {m}")
      async def ticker():
          for _ in range(3):
              log("tick")
              await asyncio.sleep(0.5)
      async def blocker():
          log("blocking for 2 s")
          time.sleep(2)
          log("unblocked")
      async def main():
          await asyncio.gather(ticker(), blocker())
      asyncio.run(main())
    `);
    expect(stdout).toBe('0.0 tick\n0.0 blocking for 2 s\n2.0 unblocked\n2.0 tick\n2.5 tick\n');
  });

  it('counts computation in live mode: a busy loop moves the clock', async () => {
    const { stdout } = await runPython(
      `
      import time
      start = time.perf_counter()
      n = 0
      while time.perf_counter() - start < 0.05:
          n += 1
      print(n > 0)
    `,
      { deterministic: false },
    );
    expect(stdout).toBe('True\n');
  });

  it('in live mode, a program that only waits reads exact times, while a stretch of real computation still counts', async () => {
    const program = `
      import asyncio, time

      async def ticker():
          for n in range(5):
              await asyncio.sleep(0.2)

      async def busy():
          await asyncio.sleep(0.5)
          until = time.perf_counter() + 0.3  # 0.3 s of computation between two awaits
          while time.perf_counter() < until:
              pass

      async def main(work):
          loop = asyncio.get_running_loop()
          start = loop.time()
          await asyncio.gather(ticker(), *([busy()] if work else []))
          print(f"{loop.time() - start:.6f}")

      asyncio.run(main(False))
      asyncio.run(main(True))
    `;
    for (let run = 0; run < 2; run++) {
      const { stdout } = await runPython(program, { deterministic: false });
      const [waits, withWork] = stdout.trim().split('\n').map(Number);
      expect(waits).toBe(1);
      // The ticker's wake due at 0.6 s comes at 0.8 s, after the computation: it ends at 1.2 s.
      expect(withWork).toBeGreaterThanOrEqual(1.2);
    }
  });

  it("counts the program's computation, not the runtime's: delivering output and the trace costs no loop time", async () => {
    // A page that takes 2.5 ms to receive each line and each trace event: 200 lines, a
    // second of delivery. CPython's print to a terminal costs microseconds; so must ours.
    // (The bound below is half of that second: no loaded machine makes 200 prints cost that.)
    const slowPage = () => {
      const until = performance.now() + 2.5;
      while (performance.now() < until);
    };
    let printed = '';
    const result = await (await sharedEngine()).run(
      'import time\nstart = time.perf_counter()\nfor i in range(200): print(i)\nprint(f"{time.perf_counter() - start:.3f}")',
      { deterministic: false },
      (chunk) => {
        printed += chunk.text;
        slowPage();
      },
      slowPage,
    );
    expect(result.ok).toBe(true);
    expect(Number(printed.trimEnd().split('\n').at(-1))).toBeLessThan(0.5);
    expect(result.time).toBeLessThan(0.5);
  });

  it('time.time, localtime and strftime follow the clock', async () => {
    const { stdout } = await runPython(`
      import time
      t = time.time()
      time.sleep(3600)
      print(time.time() - t, time.strftime('%Y-%m-%d %H:%M', time.gmtime()))
    `);
    expect(stdout).toBe('3600.0 2026-01-01 10:00\n');
  });
});

describe('CPython 3.14 script semantics', () => {
  it('names tasks per run, so each run starts at Task-1 as a fresh process does', async () => {
    const code = `
      import asyncio
      async def child(): pass
      async def main():
          t = asyncio.create_task(child())
          print(asyncio.current_task().get_name(), t.get_name())
          await t
      asyncio.run(main())
    `;
    expect((await runPython(code)).stdout).toBe('Task-1 Task-2\n');
    expect((await runPython(code)).stdout).toBe('Task-1 Task-2\n');
  });

  it('an error about a loop method’s arguments names asyncio’s method, run after run (CPython 3.13)', async () => {
    const code = `
      import asyncio
      async def main():
          asyncio.get_running_loop().run_in_executor(None, print, "x", end="")
      asyncio.run(main())
    `;
    for (let run = 0; run < 2; run++) {
      expect((await runPython(code)).stderr).toMatch(
        /\nTypeError: BaseEventLoop\.run_in_executor\(\) got an unexpected keyword argument 'end'\n$/,
      );
    }
  });

  it('a task factory’s tasks keep their place in the numbering (3.14 source: create_task passes **kwargs to the factory)', async () => {
    // 3.13 names a legacy factory's task 'None' (it calls set_name(name) after);
    // 3.14 passes no name, and the C Task numbers it on from the same counter.
    const { stdout } = await runPython(`
      import asyncio
      async def who():
          print("running", asyncio.current_task().get_name())
      async def main():
          loop = asyncio.get_running_loop()
          loop.set_task_factory(lambda loop, coro: asyncio.Task(coro, loop=loop))
          legacy = asyncio.create_task(who())
          loop.set_task_factory(asyncio.eager_task_factory)
          eager = asyncio.create_task(who())
          loop.set_task_factory(None)
          plain = asyncio.create_task(who())
          print(legacy.get_name(), eager.get_name(), plain.get_name())
          await asyncio.gather(legacy, plain)
      asyncio.run(main())
    `);
    expect(stdout).toBe('running Task-3\nTask-2 Task-3 Task-4\nrunning Task-2\nrunning Task-4\n');
  });

  it('top-level get_event_loop() with no loop raises RuntimeError (3.14 source: BaseDefaultEventLoopPolicy.get_event_loop)', async () => {
    const { result, stderr } = await runPython(`
      import asyncio
      loop = asyncio.get_event_loop()
    `);
    expect(result.ok).toBe(false);
    expect(result.ok || result.error).toMatchObject({
      type: 'RuntimeError',
      message: "There is no current event loop in thread 'MainThread'.",
      line: 2,
    });
    expect(stderr).toBe(
      'Traceback (most recent call last):\n  File "main.py", line 2, in <module>\n    loop = asyncio.get_event_loop()\n' +
        "RuntimeError: There is no current event loop in thread 'MainThread'.\n",
    );
  });

  it("the interpreter's warm-up at boot leaves nothing behind: the first run starts fresh", async () => {
    const engine = await restoredEngine();
    let output = '';
    const result = await engine.run(
      dedent(`
        import asyncio, sys
        print([name for name in vars(sys.modules["__main__"]) if not name.startswith("__")])
        async def main():
            print(asyncio.current_task().get_name())
        asyncio.run(main())
      `),
      { deterministic: true },
      (chunk) => (output += chunk.text),
    );
    expect(output).toBe("['asyncio', 'sys']\nTask-1\n");
    expect(result).toEqual({ ok: true, time: 0 });
  });

  it('each run gets a fresh __main__', async () => {
    await runPython('leftover = 1');
    const { stdout } = await runPython("print('leftover' in globals(), __name__)");
    expect(stdout).toBe('False __main__\n');
  });

  it('each run starts as a fresh process would: no tracemalloc, default warning filters and recursion limit', async () => {
    await runPython(`
      import sys, tracemalloc, warnings
      tracemalloc.start()
      warnings.simplefilter("error")
      sys.setrecursionlimit(50)
    `);
    const { stdout } = await runPython(`
      import sys, tracemalloc, warnings
      print(tracemalloc.is_tracing(), any(action == "error" for action, *_ in warnings.filters), sys.getrecursionlimit())
    `);
    expect(stdout).toBe('False False 1000\n');
  });

  it('undoes what a program changed in the interpreter: patched asyncio, builtins and time, gc, tracing, SIGINT', async () => {
    const changed = await runPython(`
      import asyncio, builtins, gc, signal, sys, time
      async def instant(delay, result=None):
          return result
      asyncio.sleep = instant
      builtins.print = lambda *args, **kwargs: None
      del builtins.len
      time.perf_counter = lambda: 0.0
      gc.disable()
      sys.settrace(lambda *args: None)
      signal.signal(signal.SIGINT, signal.SIG_IGN)
    `);
    expect(changed.result.ok).toBe(true);
    const { stdout, result } = await runPython(`
      import asyncio, gc, signal, sys, time
      async def main():
          start = time.perf_counter()
          await asyncio.sleep(1)
          print(time.perf_counter() - start, len("abc"))
      asyncio.run(main())
      print(gc.isenabled(), sys.gettrace(), signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    `);
    expect(result.ok).toBe(true);
    expect(stdout).toBe('1.0 3\nTrue None True\n');
  });

  it("undoes what a hostile program left for later runs: sys.modules, stdlib classes, function code, the runtime's clock and checks", async () => {
    const planted = await runPython(`
      import asyncio, statistics, sys, types
      import asyncio_live.check, asyncio_live.clock
      sys.modules["asyncio"] = types.SimpleNamespace(run=lambda *args: print("a fake asyncio"))
      asyncio.Runner.run = lambda self, coro, **kwargs: print("a patched Runner")
      del asyncio.Event.wait
      asyncio.iscoroutinefunction.__code__ = (lambda function: False).__code__
      asyncio_live.clock.clock.advance = lambda *args: None
      asyncio_live.check.verdict = lambda *args: {"passed": True, "message": ""}
      statistics.mean = lambda data: 42
      sys.meta_path.insert(0, object())
      print("planted")
    `);
    expect(planted.stdout).toBe('planted\n');
    const { stdout, result } = await runPython(`
      import asyncio, statistics, sys, time
      async def main():
          event = asyncio.Event()
          asyncio.get_running_loop().call_later(1, event.set)
          await event.wait()
          print(time.monotonic() - 1000, asyncio.iscoroutinefunction(main))
      asyncio.run(main())
      print(statistics.mean([1, 3]), type(sys.meta_path[0]).__name__ != "object")
    `);
    expect(result.ok).toBe(true);
    expect(stdout).toBe('1.0 True\n2 True\n');
    const check = sharedEngine().then((engine) =>
      engine.run('import asyncio_live.check as c\nc.verdict = lambda *a: {"passed": True, "message": ""}\nprint(1)', {
        check: { code: 'assert printed == "2\\n", "prints 2"' },
      }),
    );
    expect((await check).check).toEqual({ passed: false, message: 'prints 2' });
  });

  it('stops a loop that spins without its clock moving, with a clear message; the limit is back for the next run', async () => {
    // The limit is a million turns; a program lowers it here to keep the test short (and
    // the next run must get it back).
    const spin = `
      import asyncio, asyncio_live.loop as loop
      loop.MAX_TURNS_WITHOUT_PROGRESS = 1000
      async def spin():
          while True:
              await asyncio.sleep(0)
      asyncio.run(spin())
    `;
    const { result } = await runPython(spin);
    expect(result.ok || result.error).toMatchObject({
      type: 'NoProgress',
      message: expect.stringMatching(/^the event loop went round 1,000 times in a row and no task waited for time to pass/),
      // The line that spins, not asyncio.run's.
      line: 5,
    });
    const { stdout } = await runPython('import asyncio_live.loop as loop\nprint(loop.MAX_TURNS_WITHOUT_PROGRESS)');
    expect(stdout).toBe('1000000\n');
  });

  it("reports the program's own loop time, not the runner's clean-up after it", async () => {
    // Garbage that the runner collects after the program, and that takes half a second
    // to collect: not the program's time. Its last line reads the clock as it ends.
    const { stdout, result } = await runPython(
      `
      import gc, time
      gc.disable()
      class SlowToCollect:
          def __del__(self):
              until = time.perf_counter() + 0.5
              while time.perf_counter() < until:
                  pass
      cycle = [SlowToCollect()]
      cycle.append(cycle)
      del cycle
      print(time.monotonic() - 1000)
    `,
      { deterministic: false },
    );
    expect(result.ok).toBe(true);
    // With the clean-up counted, the difference would be 0.5 s or more.
    expect(result.time - Number(stdout)).toBeLessThan(0.25);
  });

  it('runs the source lesson notebook cell with the nest_asyncio stand-in', async () => {
    const { stdout, result } = await runPython(program('lesson/notebook_cell'));
    expect(stdout).toBe('Square 1\nEnd square 1\n1\n');
    expect(result.ok).toBe(true);
  });

  it('runs code as a notebook cell: a loop already running refuses asyncio.run until nest_asyncio.apply(); top-level await; the last value shown', async () => {
    const refused = await runPython(
      `
      import asyncio
      async def main():
          return 1
      coroutine = main()
      asyncio.run(coroutine)
    `,
      { notebook: true },
    );
    expect(refused.result.ok || refused.result.error).toMatchObject({
      type: 'RuntimeError',
      message: 'asyncio.run() cannot be called from a running event loop',
    });
    const nested = await runPython(
      `
      import asyncio, nest_asyncio
      nest_asyncio.apply()
      async def main(n):
          await asyncio.sleep(n)
          return asyncio.get_running_loop().time() - start
      start = asyncio.get_running_loop().time()
      print(asyncio.run(main(1)), await main(2))
      None
      start
    `,
      { notebook: true },
    );
    // Both ran on the kernel's one loop, one after the other; None is not shown, a number is.
    expect(nested.stdout).toBe('1.0 3.0\n1000.0\n');
    // The value shown is the cell's Out: the result names it, so the page can tell it from what was printed.
    expect(nested.result).toMatchObject({ ok: true, value: '1000.0' });
    expect(refused.result).not.toHaveProperty('value');
    // As a script, the same code cannot await at the top level.
    const script = await runPython('import asyncio\nawait asyncio.sleep(1)\n');
    expect(script.result.ok || script.result.error).toMatchObject({ type: 'SyntaxError' });
  });

  it('run_until_complete and run_forever/stop on a new_event_loop()', async () => {
    const { stdout } = await runPython(`
      import asyncio
      async def work():
          await asyncio.sleep(2)
          return 'done'
      loop = asyncio.new_event_loop()
      print(loop.run_until_complete(work()), loop.time() - 1000.0)
      loop.call_later(5, loop.stop)
      loop.run_forever()
      print(loop.time() - 1000.0, loop.is_running())
      loop.close()
    `);
    expect(stdout).toBe('done 2.0\n7.0 False\n');
  });

  it('warns about a never-awaited coroutine on stderr, as CPython does', async () => {
    const { stderr, result } = await runPython(`
      async def f():
          pass
      f()
    `);
    expect(result.ok).toBe(true);
    expect(stderr).toContain("main.py:3: RuntimeWarning: coroutine 'f' was never awaited");
  });

  it('a SyntaxError names its line', async () => {
    const { result, stderr } = await runPython('x = 1\nresult = await f()\n');
    expect(result.ok || result.error).toMatchObject({ type: 'SyntaxError', message: "'await' outside function", line: 2 });
    expect(stderr).toContain("SyntaxError: 'await' outside function");
  });
});

describe('errors for people', () => {
  it('a program that would wait forever stops with a clear error', async () => {
    const { result } = await runPython(`
      import asyncio
      async def main():
          await asyncio.Event().wait()
      asyncio.run(main())
    `);
    expect(result.ok || result.error).toMatchObject({ type: 'WaitsForever' });
    expect(result.ok || result.error.message).toMatch(/waiting for something that can never happen/);
    // Python 3.14's Runner.run takes any awaitable: a future nobody sets waits forever too.
    const runner = await runPython(`
      import asyncio
      with asyncio.Runner() as runner:
          runner.run(runner.get_loop().create_future())
    `);
    expect(runner.result.ok || runner.result.error).toMatchObject({ type: 'WaitsForever' });
  });

  it('a hang points at the await that never returns, and lists where each task waits', async () => {
    const { result } = await runPython(`
      import asyncio

      async def producer(queue):
          for item in ("a", "b"):
              await queue.put(item)

      async def consumer(queue):
          while True:
              item = await queue.get()
              print("got", item)

      async def main():
          queue = asyncio.Queue()
          await asyncio.gather(producer(queue), consumer(queue))

      asyncio.run(main())
    `);
    if (result.ok) throw new Error('the program should hang');
    expect(result.error.type).toBe('WaitsForever');
    // The consumer's queue.get(), not gather, and not asyncio.run(main()).
    expect(result.error.line).toBe(9);
    expect(result.error.traceback).toBe(
      [
        'Where the tasks wait (the first is where it hangs):',
        '  File "main.py", line 9, in consumer (Task-3)',
        '    item = await queue.get()',
        '  File "main.py", line 14, in main (Task-1, waiting for other tasks)',
        '    await asyncio.gather(producer(queue), consumer(queue))',
        `WaitsForever: ${result.error.message}`,
        '',
      ].join('\n'),
    );
    // A TaskGroup waits for its tasks too: the line is the task's Event.wait().
    const group = await runPython(`
      import asyncio
      async def waiter(event):
          await event.wait()
      async def main():
          async with asyncio.TaskGroup() as tg:
              tg.create_task(waiter(asyncio.Event()))
      asyncio.run(main())
    `);
    expect(group.result.ok || group.result.error.line).toBe(3);
  });

  it("a task group's failure points at the raise in the task, not at the group's async with", async () => {
    const { result } = await runPython(`
      import asyncio
      async def fails():
          await asyncio.sleep(0)
          raise ValueError("boom")
      async def main():
          async with asyncio.TaskGroup() as tg:
              tg.create_task(fails())
      asyncio.run(main())
    `);
    expect(result.ok || [result.error.type, result.error.line]).toEqual(['ExceptionGroup', 4]);
  });

  // CPython 3.13 (the same in 3.14): these wait as long as they say; the clock makes a
  // wait cost nothing, so they end at once, with the times CPython would print.
  it('a program that sleeps ten hours ends, as in CPython (a wait costs nothing)', async () => {
    const { result, stdout } = await runPython(`
      import asyncio, time
      async def main():
          started = time.monotonic()
          await asyncio.sleep(10 * 3600)
          time.sleep(3600)
          print(time.monotonic() - started)
      asyncio.run(main())
    `);
    expect(stdout).toBe('39600.0\n');
    expect(result).toEqual({ ok: true, time: 39600 });
  });

  it('a sleep of a thousand years is one turn of the loop (asyncio waits at most a day per turn)', async () => {
    const { result, stdout } = await runPython(`
      import asyncio
      async def main():
          loop = asyncio.get_running_loop()
          turns = 0
          def count():
              nonlocal turns
              turns += 1
          loop._run_once = (lambda run: lambda: (count(), run()))(loop._run_once)
          await asyncio.sleep(1000 * 365 * 86400)
          print(turns < 5, round(loop.time() - 1000))
      asyncio.run(main())
    `);
    expect(stdout).toBe('True 31536000000\n');
    expect(result.ok).toBe(true);
  });

  it('a timer at infinity is never due: the program waits forever, and says so', async () => {
    const { result } = await runPython(`
      import asyncio
      async def main():
          await asyncio.sleep(float("inf"))
      asyncio.run(main())
    `);
    expect(result.ok || result.error).toMatchObject({ type: 'WaitsForever' });
  });

  it('the next run works after an error', async () => {
    await runPython('raise ValueError("boom")');
    expect((await runPython('print("fine")')).stdout).toBe('fine\n');
  });
});

describe('a Stop (SIGINT from the page: Stop, or the run’s time limit)', () => {
  // asyncio.Runner's first SIGINT cancels the main task. CPython cancels inside the signal
  // handler, wherever the interpreter happens to be: between `fut.cancelled()` and
  // `fut.set_result()` in the timer that ends a sleep, CPython 3.13 prints "Exception in
  // callback _set_result_unless_cancelled() ... InvalidStateError: invalid state" (the
  // page's time limit hit this in CI). Here the cancel waits for the callback running to return.
  it('cancels the main task once the callback running returns, never halfway through one of asyncio’s callbacks', async () => {
    const { output, result } = await runPython(`
      import asyncio, signal, sys
      from asyncio import futures

      class StoppedWhileChecked(asyncio.Future):
          def cancelled(self):
              answer = super().cancelled()
              if sys._getframe(1).f_code.co_name == "_set_result_unless_cancelled":
                  # The page's SIGINT, arriving just after the timer's check.
                  signal.getsignal(signal.SIGINT)(signal.SIGINT, None)
              return answer

      async def main():
          loop = asyncio.get_running_loop()
          start = loop.time()
          waiter = StoppedWhileChecked()
          loop.call_later(1, futures._set_result_unless_cancelled, waiter, "woke")
          try:
              await waiter
          finally:
              print("cleaned up at", loop.time() - start)

      asyncio.run(main())
    `);
    expect(output).not.toContain('Exception in callback');
    // What CPython prints when its cancel does not land halfway: the task, woken and
    // cancelled in the same turn, meets the CancelledError at its await.
    expect(output).toMatch(/^cleaned up at 1\.0\nTraceback[\s\S]*CancelledError[\s\S]*KeyboardInterrupt\n$/);
    expect(result.ok || result.error.type).toBe('KeyboardInterrupt');
  });

  it('a second SIGINT interrupts at once, as in CPython (a program that computes and never awaits)', async () => {
    const { output, result } = await runPython(`
      import asyncio, signal
      async def main():
          handler = signal.getsignal(signal.SIGINT)
          handler(signal.SIGINT, None)
          try:
              handler(signal.SIGINT, None)
          finally:
              print("interrupted")
      asyncio.run(main())
    `);
    expect(output).toMatch(/^interrupted\n/);
    expect(result.ok || result.error.type).toBe('KeyboardInterrupt');
  });
});

describe('output', () => {
  it('streams partial lines as they are flushed', async () => {
    const chunks: string[] = [];
    await (await sharedEngine()).run(
      "import sys\nprint('loading', end='', flush=True)\nprint('.', end='', flush=True)\nprint(' done')\n",
      { deterministic: true },
      (chunk) => chunks.push(chunk.text),
    );
    expect(chunks.join('')).toBe('loading. done\n');
    expect(chunks.slice(0, 2)).toEqual(['loading', '.']);
  });

  it('sends whole lines, each with the loop time it was written at', async () => {
    const chunks: unknown[] = [];
    await (await sharedEngine()).run(
      'import time\nprint("a", "b")\ntime.sleep(2)\nprint("c", end="")\nprint("d")\nimport sys\nprint("e", file=sys.stderr)\n',
      { deterministic: true },
      (chunk) => chunks.push(chunk),
    );
    expect(chunks).toEqual([
      { stream: 'stdout', text: 'a b\n', t: 0 },
      { stream: 'stdout', text: 'cd\n', t: 2 },
      { stream: 'stderr', text: 'e\n', t: 2 },
    ]);
  });

  it('caps a flood of output with a clear truncation line, and the next run works', async () => {
    const { stdout, stderr, result } = await runPython(
      `
      i = 0
      while True:
          try:
              print(i)
          except Exception:
              pass  # cannot swallow the cap: it is not an Exception
          i += 1
    `,
      { maxOutputLines: 100 },
    );
    expect(stdout.split('\n').slice(0, 3)).toEqual(['0', '1', '2']);
    expect(stdout.trimEnd().split('\n')).toHaveLength(101);
    expect(stderr).toBe(
      '\n[output truncated: the program printed more than 100 lines or 1,000,000 bytes, and was stopped. Print less, or print a summary.]\n' +
        'OutputLimitExceeded: the program printed more than 100 lines or 1,000,000 bytes, and was stopped. Print less, or print a summary.\n',
    );
    expect(result.ok || result.error.type).toBe('OutputLimitExceeded');
    expect((await runPython('print("after")')).stdout).toBe('after\n');
  });

  it('10,000 concurrent sleepers finish after one second of loop time', async () => {
    const { stdout } = await runPython(`
      import asyncio, time
      async def main():
          start = time.monotonic()
          await asyncio.gather(*(asyncio.sleep(1) for _ in range(10_000)))
          print(time.monotonic() - start)
      asyncio.run(main())
    `);
    expect(stdout).toBe('1.0\n');
  });
});

describe('what examples cannot do', () => {
  it('input() with nothing to answer it (a page that is not isolated) says why, after showing its prompt', async () => {
    const { stdout, result } = await runPython('name = input("Your name? ")\nprint("hi", name)');
    expect(stdout).toBe('Your name? ');
    expect(result.ok || result.error).toMatchObject({ type: 'InputNotAvailable', line: 1 });
    expect(result.ok || result.error.message).toMatch(/cannot wait for typing here/);
  });

  it('sys.exit with a status ends the run with a clear error', async () => {
    const { result } = await runPython('import sys\nprint("bye")\nsys.exit(3)');
    expect(result.ok || result.error).toMatchObject({ type: 'SystemExit', message: 'the program exited with status 3' });
    expect((await runPython('import sys\nsys.exit(0)')).result.ok).toBe(true);
  });
});

describe('no threads in the browser', () => {
  it('runs asyncio.to_thread and run_in_executor on a time of their own: the loop goes on meanwhile, as with a thread', async () => {
    const { stdout, result } = await runPython(`
      import asyncio, time
      def blocking(seconds):
          time.sleep(seconds)
          return seconds
      async def ticker():
          for _ in range(2):
              print(f"tick at {time.monotonic() - start:.1f}")
              await asyncio.sleep(0.5)
      async def main():
          global start
          start = time.monotonic()
          tick = asyncio.create_task(ticker())
          await asyncio.sleep(0)
          print(await asyncio.to_thread(blocking, 2), await asyncio.get_running_loop().run_in_executor(None, blocking, 1))
          await tick
      asyncio.run(main())
    `);
    // As CPython 3.13 prints it: the second tick comes at 0.5 s, while the thread sleeps.
    expect(stdout).toBe('tick at 0.0\ntick at 0.5\n2 1\n');
    expect(result.ok).toBe(true);
  });
});

describe('the runtime keeps to its one set of run options', () => {
  it("the boot's warm-up run gets every option the schema has, from the schema", async () => {
    const { stdout } = await runPython(`
      from asyncio_live import options
      print(" ".join(sorted(options.defaults())))
    `);
    expect(stdout.trim()).toBe(Object.keys(RUN_DEFAULTS).sort().join(' '));
  });

  it('Python refuses an option that is unknown, missing or of the wrong kind, by name', async () => {
    const { stdout } = await runPython(`
      from asyncio_live import options
      for change in ({"colour": "red"}, {"notebook": None}, {"maxOutputLines": "many"}, {"check": {"code": 1}}):
          given = {**options.defaults(), **change}
          given = {name: value for name, value in given.items() if value is not None or name != "notebook"}
          try:
              options.read(given)
          except options.RunOptionsError as wrong:
              print(wrong)
    `);
    expect(stdout.trim().split('\n')).toEqual([
      "unknown run option 'colour'",
      "missing run option 'notebook'",
      "run option 'maxOutputLines' should be number, not str",
      "run option 'check' is not any of the kinds the schema allows",
    ]);
  });
});
