/**
 * The cheat sheet's programs (src/playground/cheat-sheet/) print on the runtime what
 * CPython 3.13.0 printed for each on this machine (real loopback, threads and child
 * processes; httpx 0.28.1 from runtime/vendor), run as `python3 main.py` in its folder.
 * Two differences, both the runtime's on purpose and said on the home page: CPython names
 * the file by its full path in warnings and tracebacks (here it is `main.py`), and the
 * debugging program's last line is 3.14's call graph, which 3.13 does not have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHEAT_SHEET_PROGRAMS } from '../../../src/playground/cheat-sheet.ts';
import { runPython } from '../runtime/run-python';

const CPYTHON: Record<string, string> = {
  'async-iteration': 'countdown 3\ncountdown 2\ncountdown 1\n[2, 1, 0]\n1 0 done\nopen db\nusing DB\nclose db\nstopped early\n',
  blocking:
    "tick 0.0\ntick 0.5\ntick 1.0\nto_thread done at 1.5\nrun_in_executor: 0.5\na callback, sent from a thread\nthe thread got: a coroutine's result\n",
  'context-variables':
    'task 1 sees req-1\ntask 2 sees req-2\nmain still sees None\nset: outer\nreset: None\ncopy: in a copy / here: None\nto_thread sees: for the thread\nrun_in_executor sees: None\n',
  coordinating: "waiter 0 goes\nwaiter 1 goes\n['a:0', 'a:3', 'b:1', 'c:2'] in 2.5 s\n",
  coroutines: "coroutine\n42\nslept 0.5 s on the loop's clock\n42 42\n",
  debugging:
    "main.py:17: RuntimeWarning: coroutine 'sleep' was never awaited\n  asyncio.sleep(1)                  # no await: \"was never awaited\", when it is collected\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\nTask exception was never retrieved\nfuture: <Task finished name='Task-2' coro=<fails() done, defined at main.py:7> exception=ValueError('nobody saw this')>\nTraceback (most recent call last):\n  File \"main.py\", line 8, in fails\n    raise ValueError(\"nobody saw this\")\nValueError: nobody saw this\nchild is awaited by ['Task-1']\n",
  hardening:
    "b'ok: hello\\n'\nserver: let a silent client go\nb''\nserver: Separator is found, but chunk is longer than limit\nb''\nexception handler: the handler crashed\nTaskGroup raised ['ConnectionRefusedError']\n",
  'httpx-client': "200 ['line 1', 'line 2', 'line 3']\nHTTPStatusError: 404\nReadTimeout False\nstreamed: line 1\n",
  streams: "b'HELLO\\ndcba | the end'\nConnectionRefusedError 111\n",
  tasks: 'work done? False\nresult: 10\ndone? True result() 10\ncancelled: True\nready\ntasks not done: 4\nkept: 0\n',
  'threads-processes':
    "scanner stopped\nthe running call finishes / queued, cancelled: [True, True]\nb'FROM THE PARENT\\n' 0\nkilled: -9\nready before: 0\nready after: 1\nb'QUIET\\n'\n",
  'time-limits':
    'slow: cleaning up\ntimeout: gave up after 1 s\nslow: cleaning up\nwait_for: gave up after 0.5 s\nshield: stopped waiting\nmust_finish: finished anyway\n',
  waiting:
    "['a', 'b']\n['a', ValueError('x')]\nas completed: fast\nas completed: slow\nfirst: ['q'] still running: 1\nTaskGroup raised: ['bad']\n",
};

describe('the cheat sheet’s programs', () => {
  it('has one for each section with a table of lines, and CPython’s output for each', () => {
    expect(Object.keys(CHEAT_SHEET_PROGRAMS).sort()).toEqual(Object.keys(CPYTHON).sort());
    const sheet = readFileSync(join(import.meta.dirname, '../../../content/reference/cheat-sheet.mdx'), 'utf8');
    const linked = [...sheet.matchAll(/<CheatSheetTry section="([^"]+)"/g)].map(([, name]) => name);
    expect(linked.sort()).toEqual(Object.keys(CHEAT_SHEET_PROGRAMS).sort());
  });

  it.each(Object.entries(CHEAT_SHEET_PROGRAMS))('%s prints what CPython prints', async (name, code) => {
    const { output } = await runPython(code);
    expect(output).toBe(CPYTHON[name]);
  });
});
