/**
 * Failures a reader can cause, each ending in a clear message and the exit status
 * CPython gives, never in a crash of the interpreter: on the runtime and through the
 * command line's file runner. Expected output: CPython 3.13.0 on this machine for the
 * same programs (`python3.13 FILE.py`), where 3.14's source reads the same.
 */
import { describe, expect, it } from 'vitest';
import { runFile } from '../../../runtime/node/run-file';
import { runPython, sharedEngine } from './run-python';

/** `asyncio-live run` on these bytes: what it writes, and its exit status. */
async function cli(source: string | Uint8Array, file = 'prog.py') {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  const out = { stdout: '', stderr: '' };
  const status = await runFile(
    await sharedEngine(),
    bytes,
    file,
    { deterministic: true },
    {
      stdout: (text) => (out.stdout += text),
      stderr: (text) => (out.stderr += text),
    },
  );
  return { ...out, status };
}

describe('failures a program can cause', () => {
  it('an exception whose __str__ raises is reported as CPython reports it', async () => {
    const { result, output } = await runPython(`
      class Odd(Exception):
          def __str__(self):
              raise ValueError("no")
      raise Odd()
    `);
    expect(result.ok || result.error).toMatchObject({ type: 'Odd', message: '<exception str() failed>' });
    expect(output).toMatch(/\nOdd: <exception str\(\) failed>\n$/);
  });

  it('os._exit ends the program with its status; nothing after it runs', async () => {
    const exited = await cli('import os\nprint("before")\nos._exit(3)\nprint("after")\n');
    expect(exited).toEqual({ stdout: 'before\n', stderr: '', status: 3 });
    expect(await cli('import os\nos._exit(0)\n')).toEqual({ stdout: '', stderr: '', status: 0 });
  });

  it('sys.exit with an object prints it and exits 1, even when its __str__ fails', async () => {
    expect(await cli('import sys\nsys.exit("goodbye")\n')).toEqual({ stdout: '', stderr: 'goodbye\n', status: 1 });
    const odd = await cli('import sys\nclass O:\n    def __str__(self): raise ValueError\nsys.exit(O())\n');
    expect(odd.status).toBe(1);
    expect(await cli('import sys\nsys.exit(4)\n')).toEqual({ stdout: '', stderr: '', status: 4 });
  });

  it('time.sleep refuses what CPython refuses, with its messages', async () => {
    const cases: [string, string][] = [
      ['float("nan")', 'ValueError: Invalid value NaN (not a number)'],
      ['float("inf")', 'OverflowError: timestamp out of range for platform time_t'],
      ['1e10', 'OverflowError: timestamp out of range for platform time_t'],
      ['-1', 'ValueError: sleep length must be non-negative'],
      ['"1"', "TypeError: 'str' object cannot be interpreted as an integer"],
    ];
    for (const [argument, last] of cases) {
      const { stderr, status } = await cli(`import time\ntime.sleep(${argument})\n`);
      expect(stderr.trimEnd().split('\n').at(-1), argument).toBe(last);
      expect(status).toBe(1);
    }
  });

  it('warnings about garbage collected after the program name no file of the runtime', async () => {
    const { stderr, status } = await cli(
      'import asyncio\nasync def f(): pass\nclass Holder: pass\nh = Holder(); h.self = h; h.coro = f()\ndel h\nprint("end")\n',
    );
    expect(stderr).toBe(
      "<sys>:0: RuntimeWarning: coroutine 'f' was never awaited\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
    );
    expect(status).toBe(0);
  });

  it('output is capped before it is sent: a 50 MB print delivers what fits, then the truncation line', async () => {
    const { stdout, stderr, result } = await runPython('print("x" * 50_000_000)', { maxOutputBytes: 1000 });
    expect(stdout).toBe('x'.repeat(1000));
    expect(stderr).toMatch(/^\n\[output truncated: the program printed more than/);
    expect(result.ok || result.error.type).toBe('OutputLimitExceeded');
  });
});

describe('source files, read as CPython reads them', () => {
  it('skips a UTF-8 byte order mark', async () => {
    expect(await cli(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('print("ok")\n')]))).toEqual({
      stdout: 'ok\n',
      stderr: '',
      status: 0,
    });
  });

  it('follows a coding declaration, and refuses bytes that are not UTF-8 without one', async () => {
    const latin1 = (head: string) =>
      new Uint8Array([...new TextEncoder().encode(`${head}print("caf`), 0xe9, ...new TextEncoder().encode('")\n')]);
    expect(await cli(latin1('# -*- coding: latin-1 -*-\n'))).toEqual({ stdout: 'café\n', stderr: '', status: 0 });
    expect(await cli(latin1(''), 'lat.py')).toEqual({
      stdout: '',
      stderr:
        "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file lat.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
      status: 1,
    });
  });
});

describe('input() on the command line', () => {
  it('reads lines from stdin as CPython does, EOFError at its end', async () => {
    const engine = await sharedEngine();
    const lines = ['Ada\n'];
    let out = '';
    const code = new TextEncoder().encode(
      'name = input("Your name? ")\nprint(f"Hello, {name}!")\ntry:\n    input("More? ")\nexcept EOFError as error:\n    print("EOFError:", error)\n',
    );
    const status = await runFile(
      engine,
      code,
      'ask.py',
      {},
      { stdout: (t) => (out += t), stderr: (t) => (out += t), readLine: () => lines.shift() },
    );
    // What CPython 3.13 prints for `printf 'Ada\n' | python3 ask.py`.
    expect(out).toBe('Your name? Hello, Ada!\nMore? EOFError: EOF when reading a line\n');
    expect(status).toBe(0);
  });
});

// Last: it ends this file's interpreter.
describe('a crash', () => {
  it("a crash of the interpreter itself is one line of reason and the program's own frames, exit 1", async () => {
    const { stdout, stderr, status } = await cli('x = []\nfor _ in range(1_000_000):\n    x = [x]\nprint(repr(x))\n', 'deep.py');
    expect(stdout).toBe('');
    expect(status).toBe(1);
    expect(stderr).not.toContain('/home/pyodide/');
    expect(stderr.length).toBeLessThan(1000);
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^asyncio-live: Python crashed while running deep\.py \(.+\)\. Very deep recursion is the usual cause\.$/,
    );
  });
});
