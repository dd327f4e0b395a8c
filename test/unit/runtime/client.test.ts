/**
 * The page's runtime client, driving the real worker (as a Node worker thread) and a
 * real interpreter: the same code the browser runs, but for the Worker constructor.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunHandle } from '../../../runtime/page/api';
import { snapshotRuntime } from '../../python';
import { outcomeOf } from './run-outcome';
import { program } from './programs/index';

// Stops through interrupts are what most of these tests are about: a generous ceiling,
// so that a loaded machine never turns one into a replaced worker (tested on its own).
const runtime = snapshotRuntime({ memoryLimit: 256 * 1024 ** 2, stopTimeoutMs: 30_000 });
afterAll(() => runtime.destroy());

const stopAfter = (handle: RunHandle, ms: number) => setTimeout(() => handle.stop(), ms);

describe('the runtime client', () => {
  it('boots on preload, and runs the notebook cell of the source lesson', async () => {
    await runtime.preload();
    const { outcome, output, statuses } = await outcomeOf(runtime.run(program('lesson/notebook_cell')));
    expect(output).toBe('Square 1\nEnd square 1\n1\n');
    expect(outcome.result.ok).toBe(true);
    expect(statuses).toEqual(['queued', 'running', 'done']);
  });

  it('takes runs one at a time, first come first served', async () => {
    const first = runtime.run('import time\ntime.sleep(1)\nprint("first")');
    const second = runtime.run('print("second")');
    expect(second.status).toBe('queued');
    const order: string[] = [];
    first.listen((e) => e.type === 'output' && order.push(e.text.trim()));
    second.listen((e) => e.type === 'output' && order.push(e.text.trim()));
    await Promise.all([first.done, second.done]);
    expect(order).toEqual(['first', 'second']);
  });

  it('streams the trace when asked', async () => {
    const { events } = await outcomeOf(runtime.run('import asyncio\nasyncio.run(asyncio.sleep(1))', { trace: true, deterministic: true }));
    const trace = events.flatMap((e) => (e.type === 'trace' ? e.events : []));
    expect(trace[0]).toEqual({ type: 'task', task: 'Task-1', coro: 'sleep(1, None)', t: 0 });
  });

  it('sends what a program printed while it goes on silently, not only when it ends', async () => {
    const handle = runtime.run(
      'import asyncio\nfor n in range(3): print("line", n)\nasync def main():\n    while True:\n        await asyncio.sleep(3600)\nasyncio.run(main())',
      { trace: true },
    );
    let printed = '';
    await new Promise<void>((resolve) =>
      handle.listen((event) => {
        if (event.type === 'output') printed += event.text;
        if (printed.includes('line 2')) resolve();
      }),
    );
    expect(handle.status).toBe('running');
    handle.stop();
    expect((await handle.done).stopped).toBe(true);
    expect(printed).toBe('line 0\nline 1\nline 2\n');
  });

  it('stops `while True: pass` through the interrupt buffer, and the next run works', async () => {
    const busy = runtime.run('while True: pass');
    await new Promise<void>((resolve) => busy.listen((e) => e.type === 'status' && e.status === 'running' && resolve()));
    stopAfter(busy, 100);
    const { outcome } = await outcomeOf(busy);
    expect(outcome.stopped).toBe(true);
    expect(outcome.result.ok || outcome.result.error.type).toBe('Stopped');
    expect((await outcomeOf(runtime.run('print("still here")'))).output).toBe('still here\n');
  });

  it('stops a busy asyncio.run (its Runner swallows the first interrupt)', async () => {
    const busy = runtime.run('import asyncio\nasync def spin():\n    while True: pass\nasyncio.run(spin())');
    stopAfter(busy, 300);
    expect((await busy.done).stopped).toBe(true);
    expect((await outcomeOf(runtime.run('print(1)'))).output).toBe('1\n');
  });

  it('stops a thread that computes and never blocks (a second Stop ends it, saying why), and the next run has no thread left', async () => {
    const busy = runtime.run(
      'import threading\ndef spin():\n    while True: pass\nprint("starting")\nthreading.Thread(target=spin).start()',
    );
    busy.listen((event) => event.type === 'output' && stopAfter(busy, 100));
    const { outcome, output } = await outcomeOf(busy);
    expect(output).toBe(
      "starting\n[the thread 'Thread-1 (spin)' computed without ever blocking, so no other thread ran until the Stop ended it: " +
        'threads here take turns only where one blocks (a sleep, a lock, an event, a queue, a join), while CPython also switches every 5 ms]\n',
    );
    expect(outcome.stopped).toBe(true);
    expect(outcome.result.ok || outcome.result.error.type).toBe('Stopped');
    const after = await outcomeOf(runtime.run('import threading\nprint(threading.active_count(), threading.Thread(target=print).name)'));
    expect(after.output).toBe('1 Thread-1 (print)\n');
  });

  it('stops asyncio.run waiting on a thread that sleeps forever: the main task is cancelled first, its cleanup runs', async () => {
    const code = [
      'import asyncio, time',
      'def forever():',
      '    while True: time.sleep(1)',
      'async def main():',
      '    try:',
      '        await asyncio.to_thread(forever)',
      '    finally:',
      '        print("cleanup ran")',
      'asyncio.run(main())',
    ].join('\n');
    const run = runtime.run(code);
    await new Promise<void>((resolve) => run.listen((e) => e.type === 'status' && e.status === 'running' && resolve()));
    stopAfter(run, 200);
    const { outcome, output } = await outcomeOf(run);
    expect(outcome.stopped).toBe(true);
    expect(output).toContain('cleanup ran\n');
    expect((await outcomeOf(runtime.run('print("next")'))).output).toBe('next\n');
  });

  it('stops a run through the interrupt buffer even after a program ignored SIGINT', async () => {
    await outcomeOf(runtime.run('import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)', { shared: true }));
    const busy = runtime.run('while True: pass', { shared: true });
    stopAfter(busy, 100);
    expect((await busy.done).stopped).toBe(true);
    // An interrupt, not a new worker: the next run does not wait for Python to boot.
    const { output, statuses } = await outcomeOf(runtime.run('print("same worker")', { shared: true }));
    expect(output).toBe('same worker\n');
    expect(statuses).not.toContain('booting');
  });

  it('replaces the worker when a stop takes longer than stopTimeoutMs (a program that ignores interrupts while it spins)', async () => {
    const impatient = snapshotRuntime({ stopTimeoutMs: 100 });
    try {
      const busy = impatient.run('import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True: pass');
      stopAfter(busy, 100);
      const { outcome } = await outcomeOf(busy);
      expect(outcome.stopped).toBe(true);
      expect(outcome.workerEnded).toBe(true);
      expect((await outcomeOf(impatient.run('print("a new worker")'))).output).toBe('a new worker\n');
      // Ended mid-step, a run's loop time is the last one its output told of, not 0.
      const late = impatient.run(
        'import asyncio, signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n' +
          'async def main():\n    await asyncio.sleep(2.5)\n    print("late", flush=True)\n    while True: pass\nasyncio.run(main())',
      );
      late.listen((event) => event.type === 'output' && late.stop());
      const ended = await outcomeOf(late);
      expect(ended.output).toBe('late\n');
      expect(ended.outcome.workerEnded).toBe(true);
      expect(ended.outcome.result.time).toBe(2.5);
    } finally {
      impatient.destroy();
    }
  });

  it('drops a queued run that is stopped before it starts', async () => {
    const first = runtime.run('import time\ntime.sleep(1)');
    const second = runtime.run('print("never")');
    second.stop();
    const { outcome, output } = await outcomeOf(second);
    expect(outcome.stopped).toBe(true);
    expect(output).toBe('');
    expect((await first.done).result.ok).toBe(true);
  });

  it('recovers after a fatal crash (C recursion: the repr of data nested a million deep)', async () => {
    const { outcome } = await outcomeOf(runtime.run('x = []\nfor _ in range(1_000_000): x = [x]\nprint(repr(x))'));
    expect(outcome.result.ok || outcome.result.error.type).toBe('FatalError');
    expect(outcome.result.ok || outcome.result.error.message).toMatch(/Python crashed .* and was restarted/);
    expect((await outcomeOf(runtime.run('print("recovered")'))).output).toBe('recovered\n');
  }, 30_000);

  it('a plain RecursionError is an ordinary error, not a crash', async () => {
    const { outcome } = await outcomeOf(runtime.run('def f(): f()\nf()'));
    expect(outcome.result.ok || outcome.result.error).toMatchObject({ type: 'RecursionError', line: 1 });
  });

  it('replaces a worker whose memory grew past the limit (WebAssembly memory never shrinks)', async () => {
    // 400 MB is past this runtime's 256 MiB limit, and quick to allocate (a MemoryError
    // needs all 4 GB of 32-bit wasm: seconds of zeroing pages).
    const { outcome, output } = await outcomeOf(runtime.run('block = bytearray(400_000_000)\nprint(len(block))', { shared: true }));
    expect(outcome.result.ok).toBe(true);
    expect(output).toBe('400000000\n');
    // The next run waits for a new worker: one that starts small again.
    const after = await outcomeOf(runtime.run('print("fresh worker")', { shared: true }));
    expect(after.output).toBe('fresh worker\n');
    expect(after.statuses).toContain('booting');
  }, 60_000);

  it('replaces the shared worker after a run that started threads (their stacks leave the C stack as no later run can trust)', async () => {
    const { outcome, output } = await outcomeOf(
      runtime.run('import asyncio\nprint(asyncio.run(asyncio.to_thread(sum, [1, 2])))', { shared: true }),
    );
    expect(outcome.result.ok).toBe(true);
    expect(output).toBe('3\n');
    const after = await outcomeOf(runtime.run('print("fresh worker")', { shared: true }));
    expect(after.output).toBe('fresh worker\n');
    expect(after.statuses).toContain('booting');
    // A run without threads keeps its worker.
    const kept = await outcomeOf(runtime.run('print("same worker")', { shared: true }));
    expect(kept.statuses).not.toContain('booting');
  }, 60_000);

  it('caps output per run', async () => {
    const { output, outcome } = await outcomeOf(runtime.run('while True: print("flood")', { maxOutputLines: 50 }));
    expect(output).toMatch(/\[output truncated: the program printed more than 50 lines/);
    expect(outcome.result.ok || outcome.result.error.type).toBe('OutputLimitExceeded');
  });
});

describe('the runtime client without interrupts (a page that is not cross-origin isolated)', () => {
  const plain = snapshotRuntime({ interrupts: false });
  afterAll(() => plain.destroy());

  it('stops by replacing the worker, and the next run works', async () => {
    expect(plain.interrupts).toBe(false);
    await plain.preload();
    const busy = plain.run('while True: pass');
    stopAfter(busy, 100);
    expect((await busy.done).stopped).toBe(true);
    expect((await outcomeOf(plain.run('print("fresh worker")'))).output).toBe('fresh worker\n');
  });
});

describe('what the reader cannot reach from the worker', () => {
  it('has no network, no new workers and no way to forge messages to the page', async () => {
    const { output, outcome } = await outcomeOf(
      runtime.run(
        'import js\n' +
          "for name in ('fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'Worker', 'postMessage', 'close'):\n" +
          '    print(name, getattr(js, name, None))\n',
      ),
    );
    expect(outcome.result.ok).toBe(true);
    expect(output).toBe(
      ['fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'Worker', 'postMessage', 'close'].map((n) => `${n} None\n`).join(''),
    );
    expect((await outcomeOf(runtime.run('print("still answering")'))).output).toBe('still answering\n');
  });
});

describe('input() through the page', () => {
  it('asks the page, waits for its answer, and reads a second line from sys.stdin; the clock does not count the wait', async () => {
    const handle = runtime.run(
      'import sys, time\nname = input("Your name? ")\nprint(f"Hello, {name}!")\nprint(sys.stdin.readline().strip() * 2, time.monotonic() - 1000)\n',
      { deterministic: true },
    );
    const prompts: string[] = [];
    handle.listen((event) => {
      if (event.type !== 'input') return;
      prompts.push(event.prompt);
      // As a reader answers: later, not at once.
      setTimeout(() => handle.answer(prompts.length === 1 ? 'Ada' : 'ab'), 50);
    });
    const { outcome, output } = await outcomeOf(handle);
    expect(prompts).toEqual(['Your name? ', '']);
    expect(output).toBe('Your name? Hello, Ada!\nabab 0.0\n');
    expect(outcome.result.ok).toBe(true);
  });

  it('Stop ends a run that waits for input, and the worker stays (the next run needs no boot)', async () => {
    const handle = runtime.run('input("Never answered: ")\nprint("not reached")\n', { shared: true });
    handle.listen((event) => {
      if (event.type === 'input') handle.stop();
    });
    const { outcome, output } = await outcomeOf(handle);
    expect(outcome.stopped).toBe(true);
    expect(output).toBe('Never answered: ');
    const next = await outcomeOf(runtime.run('print("next")', { shared: true }));
    expect(next.output).toBe('next\n');
    expect(next.statuses).toEqual(['queued', 'running', 'done']);
  });
});

describe("a run's real-time limit (the clock never stops a program: this does)", () => {
  const limited = snapshotRuntime({ runTimeLimitMs: 1000 });
  afterAll(() => limited.destroy());

  it('stops an endless loop of sleeps after the limit, saying why, and the next run works', async () => {
    const { outcome, output } = await outcomeOf(
      limited.run(
        'import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(1)\nprint("looping")\nasyncio.run(main())',
      ),
    );
    expect(output).toBe('looping\n');
    expect(outcome.stopped).toBe(false);
    expect(outcome.result.ok || outcome.result.error.type).toBe('TimeLimitExceeded');
    expect(outcome.result.ok || outcome.result.error.message).toMatch(/^this program ran for 1 s without ending, so the page stopped it/);
    expect((await outcomeOf(limited.run('print("next")'))).output).toBe('next\n');
  });

  it('does not count a wait for input', async () => {
    const handle = limited.run('name = input("Name? ")\nprint("Hello,", name)');
    handle.listen((event) => {
      // A reader who takes longer to answer than a run may compute.
      if (event.type === 'input') setTimeout(() => handle.answer('Ada'), 1500);
    });
    const { outcome, output } = await outcomeOf(handle);
    expect(output).toBe('Name? Hello, Ada\n');
    expect(outcome.result.ok).toBe(true);
  });
});
