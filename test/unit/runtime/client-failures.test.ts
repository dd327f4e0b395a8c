/**
 * The runtime client when things go wrong before Python runs anything: every failure
 * ends its worker and settles every promise, so no run waits forever and no worker
 * is left behind. Fake workers stand in for the real one (no interpreter is needed to
 * fail), each recording whether it was ended.
 */
import { describe, expect, it } from 'vitest';
import type { RuntimeOptions, WorkerLike } from '../../../runtime/page/api';
import { Runtime } from '../../../runtime/page/runtime';
import { TEXT_LIMITS, TRACE_LIMIT, type PageToWorker, type WorkerToPage } from '../../../runtime/protocol/index';

interface FakeWorker extends WorkerLike {
  ended: boolean;
  received: PageToWorker[];
  reply(message: WorkerToPage): void;
  crash(why: string): void;
}

/** A worker that answers boot requests with `onBoot` (or stays silent). */
function fakeWorker(onBoot?: (worker: FakeWorker) => void): FakeWorker {
  let handler: (message: WorkerToPage) => void = () => {};
  let errorHandler: (why: string) => void = () => {};
  const worker: FakeWorker = {
    ended: false,
    received: [],
    postMessage(message) {
      worker.received.push(message);
      if (message.type === 'worker/boot') queueMicrotask(() => onBoot?.(worker));
    },
    onMessage: (h) => (handler = h),
    onError: (h) => (errorHandler = h),
    terminate: () => {
      worker.ended = true;
    },
    reply: (message) => handler(message),
    crash: (why) => errorHandler(why),
  };
  return worker;
}

function runtimeWith(workers: FakeWorker[], options: Partial<RuntimeOptions> = {}) {
  let next = 0;
  return new Runtime({
    createWorker: () => workers[next++] ?? fakeWorker(),
    indexURL: '/pyodide/',
    loadFiles: () => ({ 'asyncio_live/__init__.py': '' }),
    interrupts: false,
    ...options,
  });
}

const ready = (worker: FakeWorker) => worker.reply({ type: 'worker/ready', id: 0, boot: { bootMs: 1, fromSnapshot: true } });

describe('the runtime client, when booting fails', () => {
  it('ends the worker when Python reports it could not start, and fails the waiting run with the reason', async () => {
    const broken = fakeWorker((w) => w.reply({ type: 'worker/failed', id: 0, message: 'pyodide.asm.wasm: HTTP 404' }));
    const runtime = runtimeWith([broken]);
    const booting = runtime.preload();
    const outcome = await runtime.run('print(1)').done;
    expect(outcome.result.ok).toBe(false);
    expect(!outcome.result.ok && outcome.result.error).toMatchObject({ type: 'BootError', message: expect.stringContaining('HTTP 404') });
    await expect(booting).rejects.toThrow('pyodide.asm.wasm: HTTP 404');
    expect(broken.ended).toBe(true);
  });

  it('boots a new worker for the next run after a failed boot', async () => {
    const broken = fakeWorker((w) => w.reply({ type: 'worker/failed', id: 0, message: 'no memory' }));
    const good = fakeWorker(ready);
    const runtime = runtimeWith([broken, good]);
    await runtime.run('print(1)', { shared: true }).done;
    const second = runtime.run('print(2)', { shared: true });
    await expect.poll(() => good.received.some((m) => m.type === 'run/start')).toBe(true);
    good.reply({ type: 'run/done', id: 2, result: { ok: true, time: 0 }, memory: 0, fatal: false });
    expect((await second.done).result.ok).toBe(true);
    expect(broken.ended).toBe(true);
    expect(good.ended).toBe(false);
  });

  it("rejects preload and ends the worker when the runtime's Python files cannot be loaded", async () => {
    const worker = fakeWorker(ready);
    const runtime = runtimeWith([worker], { loadFiles: () => Promise.reject(new Error('runner.py: HTTP 500')) });
    await expect(runtime.preload()).rejects.toThrow("the runtime's files could not be loaded: runner.py: HTTP 500");
    expect(worker.ended).toBe(true);
    expect(worker.received).toEqual([]);
    const outcome = await runtime.run('print(1)').done;
    expect(!outcome.result.ok && outcome.result.error.message).toContain('HTTP 500');
  });

  it('ends the worker and fails the run when the worker script itself fails to load', async () => {
    const worker = fakeWorker((w) => w.crash('the worker failed to load'));
    const runtime = runtimeWith([worker]);
    const outcome = await runtime.run('print(1)').done;
    expect(!outcome.result.ok && outcome.result.error.message).toContain('the worker failed to load');
    expect(worker.ended).toBe(true);
  });

  it('fails the run with a message when no worker can be created at all', async () => {
    const runtime = new Runtime({
      createWorker: () => {
        throw new Error('Worker is not defined');
      },
      indexURL: '/pyodide/',
      loadFiles: () => ({}),
      interrupts: false,
    });
    const outcome = await runtime.run('print(1)').done;
    expect(!outcome.result.ok && outcome.result.error).toMatchObject({
      type: 'BootError',
      message: expect.stringContaining('Worker is not defined'),
    });
  });

  it('settles a boot still under way when the page destroys the runtime', async () => {
    const silent = fakeWorker();
    const runtime = runtimeWith([silent]);
    const booting = runtime.preload();
    const run = runtime.run('print(1)');
    runtime.destroy();
    await expect(booting).rejects.toThrow();
    expect((await run.done).stopped).toBe(true);
    expect(silent.ended).toBe(true);
  });

  it('replaces a worker that dies in the middle of a run, and tells the run why', async () => {
    const dying = fakeWorker(ready);
    const next = fakeWorker(ready);
    const runtime = runtimeWith([dying, next]);
    const run = runtime.run('while True: pass', { shared: true });
    await expect.poll(() => dying.received.some((m) => m.type === 'run/start')).toBe(true);
    dying.crash('out of memory');
    const outcome = await run.done;
    expect(!outcome.result.ok && outcome.result.error).toMatchObject({
      type: 'FatalError',
      message: expect.stringContaining('out of memory'),
    });
    expect(dying.ended).toBe(true);
    await expect(runtime.preload()).resolves.toMatchObject({ fromSnapshot: true });
  });
});

/**
 * A worker whose JavaScript a program has taken over can send the page anything: the
 * page checks every message and cuts its text (runtime/page/worker-messages.ts).
 */
describe('the runtime client, when a worker sends what its runtime never would', () => {
  /** A runtime whose only worker is booted and has been sent the run's start. */
  async function started(request: { shared?: boolean } = {}) {
    const worker = fakeWorker(ready);
    const runtime = runtimeWith([worker]);
    const run = runtime.run('print(1)', request);
    await expect.poll(() => worker.received.some((m) => m.type === 'run/start')).toBe(true);
    return { worker, runtime, run, id: (worker.received.find((m) => m.type === 'run/start') as { id: number }).id };
  }

  it('cuts an error message, its type and its traceback to their limits', async () => {
    const { worker, run, id } = await started();
    const huge = 'A'.repeat(6_000_000);
    worker.reply({
      type: 'run/done',
      id,
      result: { ok: false, time: 0, error: { type: huge, message: huge, line: 1, traceback: huge } },
      memory: 0,
      fatal: false,
    });
    const outcome = await run.done;
    if (outcome.result.ok) throw new Error('expected a failure');
    expect(outcome.result.error.type.length).toBeLessThan(TEXT_LIMITS.errorType + 50);
    expect(outcome.result.error.message.length).toBeLessThan(TEXT_LIMITS.errorMessage + 50);
    expect(outcome.result.error.message).toMatch(/… \(5,990,000 more characters\)$/);
    expect(outcome.result.error.traceback.length).toBeLessThan(TEXT_LIMITS.traceback + 50);
  });

  it('ends the run and its worker when output goes past the run’s limits', async () => {
    const { worker, run, id } = await started();
    worker.reply({ type: 'run/output', id, chunks: [{ stream: 'stdout', text: 'line\n'.repeat(20_000), t: 0 }] });
    const outcome = await run.done;
    expect(!outcome.result.ok && outcome.result.error.type).toBe('OutputLimitExceeded');
    expect(worker.ended).toBe(true);
  });

  it('ends the worker that sends a malformed message (a loop time that is not a number), and says nothing of what it sent', async () => {
    const { worker, run, id } = await started();
    worker.reply({ type: 'run/trace', id, events: [{ type: 'step', task: 'Task-1', t: Number.NaN }] } as never);
    const outcome = await run.done;
    expect(!outcome.result.ok && outcome.result.error).toMatchObject({
      type: 'FatalError',
      message: 'Python stopped working and will be restarted.',
    });
    expect(worker.ended).toBe(true);
  });

  it('hears nothing about other runs, and keeps at most a trace’s worth of events', async () => {
    const { worker, run, id } = await started();
    const heard: string[] = [];
    let events = 0;
    run.listen((event) => {
      if (event.type === 'output') heard.push(event.text);
      if (event.type === 'trace') events += event.events.length;
    });
    worker.reply({ type: 'run/output', id: id + 1, chunks: [{ stream: 'stdout', text: 'forged\n', t: 0 }] });
    worker.reply({ type: 'run/output', id, chunks: [{ stream: 'stdout', text: 'mine\n', t: 0 }] });
    const step = { type: 'step', task: 'Task-1', t: 0 } as const;
    for (let i = 0; i < 3; i++) worker.reply({ type: 'run/trace', id, events: Array.from({ length: 6000 }, () => step) });
    worker.reply({ type: 'run/done', id, result: { ok: true, time: 0 }, memory: 0, fatal: false });
    await run.done;
    expect(heard).toEqual(['mine\n']);
    expect(events).toBe(TRACE_LIMIT + 1);
  });

  it('runs code that is not the site’s in a worker of its own, ended with the run; hands the first worker’s WebAssembly to the next', async () => {
    const module = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    const first = fakeWorker((w) => w.reply({ type: 'worker/ready', id: 0, boot: { bootMs: 1, fromSnapshot: true }, module }));
    const second = fakeWorker(ready);
    const runtime = runtimeWith([first, second], { spareDelayMs: 0 });
    const run = runtime.run('print("edited")');
    await expect.poll(() => first.received.some((m) => m.type === 'run/start')).toBe(true);
    first.reply({ type: 'run/done', id: 1, result: { ok: true, time: 0 }, memory: 0, fatal: false });
    await run.done;
    expect(first.ended).toBe(true);
    await expect.poll(() => second.received.find((m) => m.type === 'worker/boot')).toMatchObject({ module });
  });
});
