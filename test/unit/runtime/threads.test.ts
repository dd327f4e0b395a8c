/**
 * Threads and signals of a run (threads.py, signals.py): what CPython 3.13 prints where
 * a program ends unusually, and what must never outlive a run. Programs whose whole
 * output CPython prints the same are in programs/ (thread_*.py, signal_*.py).
 */
import { describe, expect, it } from 'vitest';
import { runPython } from './run-python';

describe('threads', () => {
  it("an error in a thread is printed as threading prints it, with the reader's line, and the program goes on", async () => {
    const { stderr, stdout, result } = await runPython(`
      import threading, time
      def boom():
          time.sleep(0.1)
          raise ValueError("bad input")
      t = threading.Thread(target=boom, name="boomer")
      t.start()
      t.join()
      print("main goes on", t.is_alive())
    `);
    expect(result.ok).toBe(true);
    expect(stdout).toBe('main goes on False\n');
    expect(stderr).toMatch(/^Exception in thread boomer:\nTraceback \(most recent call last\):\n/);
    expect(stderr).toContain('  File "main.py", line 4, in boom\n    raise ValueError("bad input")\nValueError: bad input\n');
  });

  it('a deadlock between two threads ends with WaitsForever at the line where the main thread waits', async () => {
    const { result } = await runPython(`
      import threading
      a, b = threading.Lock(), threading.Lock()
      def one():
          with a:
              threading.Event().wait(0.1)
              with b:
                  pass
      threading.Thread(target=one).start()
      with b:
          threading.Event().wait(0.1)
          with a:
              pass
    `);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.type).toBe('WaitsForever');
    expect(result.error.message).toMatch(/^this program is waiting for something that can never happen: every thread is waiting/);
    expect(result.error.line).toBe(11);
    expect(result.time).toBe(0.1);
  });

  it('the interpreter joins non-daemon threads as the program ends, and drops daemon ones', async () => {
    const { stdout, result } = await runPython(`
      import threading, time
      def late():
          time.sleep(1)
          print("non-daemon done at", time.monotonic() - start)
      def forever():
          while True:
              time.sleep(0.3)
              print("daemon tick")
      start = time.monotonic()
      threading.Thread(target=forever, daemon=True).start()
      threading.Thread(target=late).start()
      print("main ends")
    `);
    expect(result).toEqual({ ok: true, time: 1 });
    // CPython 3.13: the daemon ticks until the interpreter stops it at exit.
    expect(stdout).toBe('main ends\ndaemon tick\ndaemon tick\ndaemon tick\nnon-daemon done at 1.0\n');
  });

  it('no thread, lock waiter or name of a run reaches the next run', async () => {
    await runPython(`
      import threading, time
      lock = threading.Lock()
      lock.acquire()
      def waiter():
          try:
              lock.acquire()
          finally:
              print("unwound quietly")
      for _ in range(3):
          threading.Thread(target=waiter, daemon=True).start()
      threading.Thread(target=time.sleep, args=(100,), daemon=True).start()
      time.sleep(0.5)
    `);
    const { output, result } = await runPython(`
      import threading, concurrent.futures
      print(threading.active_count(), [t.name for t in threading.enumerate()])
      print(threading.Thread(target=print).name)
      with concurrent.futures.ThreadPoolExecutor() as pool:
          print(pool.submit(threading.current_thread).result().name)
    `);
    expect(result.ok).toBe(true);
    expect(output).toBe("1 ['MainThread']\nThread-1 (print)\nThreadPoolExecutor-0_0\n");
  });
});

describe('threads that will not end', () => {
  it('a thread that swallows every exception and waits again is set aside, and the run ends; the next run has no thread', async () => {
    const first = await runPython(`
      import threading, time
      def stubborn():
          while True:
              try:
                  time.sleep(1)
              except BaseException:
                  print("caught it")
      threading.Thread(target=stubborn, daemon=True).start()
      time.sleep(0.5)
      print("main done")
    `);
    expect(first.output).toBe('main done\n');
    expect(first.result).toEqual({ ok: true, time: 0.5 });
    const { output } = await runPython(`
      import threading, time
      time.sleep(3)
      print(threading.active_count())
    `);
    expect(output).toBe('1\n');
  });
});

describe('signals', () => {
  it("a signal's default action ends the program as the kernel ends a process: no finally output, no exit handlers, status 143", async () => {
    const { output, result } = await runPython(`
      import atexit, os, signal, threading, time
      atexit.register(print, "exit handler")
      def killer():
          time.sleep(0.3)
          os.kill(os.getpid(), signal.SIGTERM)
      threading.Thread(target=killer, daemon=True).start()
      try:
          print("waiting")
          time.sleep(5)
      finally:
          print("finally")
    `);
    expect(output).toBe('waiting\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.time).toBe(0.3);
    expect(result.error).toMatchObject({
      type: 'Terminated',
      message: "the program was ended by SIGTERM (Terminated), the signal's default action",
      exitStatus: 143,
    });
  });

  it('an example can send a signal at a time on the clock (asyncio_live.signals.send), as `kill` from outside would', async () => {
    const { output, result } = await runPython(
      `
      import asyncio, signal, time
      async def main():
          stop = asyncio.Event()
          asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
          await stop.wait()
          print(f"stopping at {time.monotonic() - start:.1f}")
      start = time.monotonic()
      asyncio.run(main())
    `,
      { setup: { before: 'import asyncio_live.signals, signal\nasyncio_live.signals.send(signal.SIGTERM, at=2.5)\n', after: '' } },
    );
    expect(result).toEqual({ ok: true, time: 2.5 });
    expect(output).toBe('stopping at 2.5\n');
  });

  it("a program's handlers, in signal or in a loop, are gone in the next run", async () => {
    await runPython(`
      import asyncio, signal
      signal.signal(signal.SIGUSR1, lambda *a: print("left behind"))
      loop = asyncio.new_event_loop()
      loop.add_signal_handler(signal.SIGHUP, print, "left behind too")
    `);
    const { output, result } = await runPython(`
      import signal
      print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGHUP))
      signal.raise_signal(signal.SIGUSR1)
      print("not reached")
    `);
    expect(output).toBe('0 0\n');
    expect(result.ok || result.error.type).toBe('Terminated');
  });

  it('signal.signal outside the main thread fails as in CPython', async () => {
    const { stderr } = await runPython(`
      import signal, threading
      t = threading.Thread(target=signal.signal, args=(signal.SIGUSR1, print))
      t.start()
      t.join()
    `);
    expect(stderr).toMatch(/^Exception in thread Thread-1 \(signal\):\n/);
    expect(stderr).toMatch(/\nValueError: signal only works in main thread of the main interpreter\n$/);
  });
});
