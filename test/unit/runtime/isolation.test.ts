/**
 * A run of code that is not the site's own (an edit, a share link) takes a worker that
 * has run nothing and is ended with the run: nothing it does, to Python or to its
 * worker's JavaScript, reaches a later run. The real worker and interpreter, on Node
 * worker threads (the browser's are tested in test/site/hostile.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunRequest } from '../../../runtime/page/api';
import { snapshotRuntime } from '../../python';
import { outcomeOf } from './run-outcome';

const runtime = snapshotRuntime({ spareDelayMs: 0 });
afterAll(() => runtime.destroy());

const run = (code: string, request: RunRequest = {}) => outcomeOf(runtime.run(code, request));

/**
 * What a share link did to the worker in the attack this guards against: it patched the
 * worker's messaging and serialisation in JavaScript, and left hooks, patched modules and
 * files behind in Python.
 */
const ATTACK = `
import js, sys, gc, asyncio, time, re, random, os, warnings
js.Object.prototype.toJSON = js.Object
setattr(js, 'pwned', 'yes')
sys.addaudithook(lambda *a: None)
gc.callbacks.append(lambda *a: None)
asyncio.sleep.__defaults__ = (42,)
warnings.showwarning = lambda *a, **k: print('PWNED warning')
re.sub = lambda *a, **k: 'PWNED'
random.seed(4)
with open('unittest.py', 'w') as f:
    f.write('print("PWNED import")')
sys.monitoring.use_tool_id(3, 'attacker')
print('innocent')
`;

/** What a fresh interpreter shows of the same things. */
const PROBE = `
import js, sys, gc, asyncio, re, os
print(getattr(js, 'pwned', None), getattr(js.Object.prototype, 'toJSON', None))
print(len(gc.callbacks), asyncio.sleep.__defaults__, re.sub('a', 'b', 'a'))
print(os.path.exists('unittest.py'), sys.monitoring.get_tool(3))
`;
const CLEAN = 'None None\n0 (None,) b\nFalse None\n';

describe('isolation: code that is not the site’s runs in a worker of its own', () => {
  it('a fresh interpreter shows nothing of the attack, as a baseline', async () => {
    expect((await run(PROBE)).output).toBe(CLEAN);
  });

  it('an edited run that patches JavaScript and Python leaves the next edited run, and the shared interpreter, as fresh as a new page', async () => {
    const attack = await run(ATTACK);
    expect(attack.output).toBe('innocent\n');
    expect((await run(PROBE)).output).toBe(CLEAN);
    expect((await run(PROBE, { shared: true })).output).toBe(CLEAN);
  });

  it('the site’s own code shares one interpreter; an edited run never runs in it', async () => {
    await run('import js\nsetattr(js, "seen_by", "shared")', { shared: true });
    // The worker's JavaScript is the same for every shared run (nothing puts it back, and nothing needs to)...
    expect((await run('import js\nprint(getattr(js, "seen_by", None))', { shared: true })).output).toBe('shared\n');
    // ...and an edited run is not in that worker.
    expect((await run('import js\nprint(getattr(js, "seen_by", None))')).output).toBe('None\n');
  });

  it('an edited run takes the spare booted while the page was idle: it does not wait for Python', async () => {
    await run('print(1)');
    await runtime.preloadSpare();
    expect((await run('print("warm")')).statuses).toEqual(['queued', 'running', 'done']);
  });

  it('Stop of an edited run ends its worker, whatever the program did to its signals', async () => {
    const busy = runtime.run('import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True: pass');
    await new Promise<void>((resolve) => busy.listen((e) => e.type === 'status' && e.status === 'running' && resolve()));
    setTimeout(() => busy.stop(), 50);
    const { outcome } = await outcomeOf(busy);
    expect(outcome.stopped).toBe(true);
    expect((await run('print("next")')).output).toBe('next\n');
  });
});

describe('bounded at the source: what a run sends the page is cut in the worker', () => {
  it('an exception’s message, its class name and its traceback', async () => {
    const { outcome } = await run('raise type("E" * 1_000_000, (Exception,), {})("A" * 20_000_000)');
    if (outcome.result.ok) throw new Error('expected a failure');
    const { type, message, traceback } = outcome.result.error;
    expect(type.slice(190)).toBe(`${'E'.repeat(10)}… (999,800 more characters)`);
    expect(message).toMatch(/^A{10000}… \(19,990,000 more characters\)$/);
    expect(traceback.length).toBeLessThanOrEqual(50_100);
  });

  it('task names and coroutine labels in the trace', async () => {
    const handle = runtime.run(
      'import asyncio\nasync def main():\n    await asyncio.create_task(asyncio.sleep(0), name="n" * 100_000)\nasyncio.run(main())',
      { trace: true, shared: true },
    );
    const names = new Set<string>();
    handle.listen((event) => {
      if (event.type === 'trace') for (const traced of event.events) if ('task' in traced && traced.task) names.add(traced.task);
    });
    await handle.done;
    expect([...names].map((name) => name.length).sort((a, b) => a - b)).toEqual([6, 200]);
  });
});
