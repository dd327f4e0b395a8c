/**
 * Programs and what CPython prints for them, as input/output pairs in programs/.
 * Each .out was produced by CPython 3.13 on this machine, the net_*.py ones over real
 * loopback sockets (the asyncio behaviour these
 * programs touch is the same in 3.14); times are what the deterministic clock makes
 * exact, where CPython printed them with microseconds of drift (1.5024... -> 1.5).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPython } from './run-python';

const dir = join(import.meta.dirname, 'programs');
const programs = readdirSync(dir).filter((name) => name.endsWith('.py'));
/**
 * Programs that end in an uncaught error, and CPython 3.13's stderr for them (run as
 * main.py) with the frames of other files left out, as the runtime shows only the
 * reader's: chained causes and contexts, and exception groups boxed with each
 * sub-exception.
 */
const failing = join(import.meta.dirname, 'tracebacks');
const failingPrograms = readdirSync(failing).filter((name) => name.endsWith('.py'));

describe('programs print what CPython prints', () => {
  it('has programs to run', () => {
    expect(programs.length).toBeGreaterThanOrEqual(8);
  });

  it.each(programs)('%s', async (name) => {
    const code = readFileSync(join(dir, name), 'utf8');
    const expected = readFileSync(join(dir, name.replace(/\.py$/, '.out')), 'utf8');
    const { output, result } = await runPython(code);
    expect(output).toBe(expected);
    expect(result.ok).toBe(true);
  });
});

describe("an uncaught error prints as CPython prints it, with only the reader's frames", () => {
  it.each(failingPrograms)('%s', async (name) => {
    const code = readFileSync(join(failing, name), 'utf8');
    const expected = readFileSync(join(failing, name.replace(/\.py$/, '.err')), 'utf8');
    const { stdout, stderr, result } = await runPython(code);
    expect(result.ok).toBe(false);
    expect(stdout).toBe('');
    expect(stderr).toBe(expected);
  });
});

describe('the end of a program, as the interpreter exits (CPython 3.13)', () => {
  it('an exit handler that fails is reported and the others still run; os._exit runs none', async () => {
    const { output, result } = await runPython(`
      import atexit

      @atexit.register
      def broken():
          print("broken runs")
          raise ValueError("in a handler")

      atexit.register(print, "registered last, runs first")
    `);
    expect(result.ok).toBe(true);
    expect(output).toMatch(
      /^registered last, runs first\nbroken runs\nException ignored in atexit callback <function broken at 0x[0-9a-f]+>:\nTraceback \(most recent call last\):\n {2}File "main.py", line 6, in broken\n {4}raise ValueError\("in a handler"\)\nValueError: in a handler\n$/,
    );
    const exited = await runPython(`
      import atexit, os
      atexit.register(print, "never")
      print("exiting")
      os._exit(0)
    `);
    expect(exited.output).toBe('exiting\n');
  });

  it('each run has its own exit handlers: a handler the last program registered does not run again', async () => {
    await runPython('import atexit\natexit.register(print, "first program")\n');
    const { output } = await runPython('import atexit\nprint(atexit._ncallbacks())\n');
    expect(output).toBe('0\n');
  });
});

describe('an example with hidden setup: the reader’s lines number from 1', () => {
  const setup = {
    before:
      'import asyncio\n\nasync def fetch(n):\n    await asyncio.sleep(1)\n    if n > 1:\n        raise ValueError(f"no page {n}")\n    return n\n',
    after: 'asyncio.run(main())\n',
  };

  it('a traceback and the error’s line count only the lines the reader sees; the setup’s frames stay out', async () => {
    const code = 'async def main():\n    print(await fetch(1))\n    print(await fetch(2))\n';
    const { stdout, stderr, result } = await runPython(code, { setup });
    expect(stdout).toBe('1\n');
    expect(result.ok || result.error.line).toBe(3);
    expect(stderr).toBe(
      'Traceback (most recent call last):\n' +
        '  File "main.py", line 3, in main\n' +
        '    print(await fetch(2))\n' +
        '          ^^^^^^^^^^^^^^\n' +
        'ValueError: no page 2\n',
    );
  });

  it('a syntax error and a warning name the reader’s line too', async () => {
    const broken = await runPython('async def main():\n    print(await fetch(1)\n', { setup });
    expect(broken.result.ok || broken.result.error).toMatchObject({ type: 'SyntaxError', line: 2 });
    const warned = await runPython('async def main():\n    fetch(1)\n    await asyncio.sleep(0)\n', { setup });
    expect(warned.stderr).toMatch(/^main\.py:2: RuntimeWarning: coroutine 'fetch' was never awaited\n {2}fetch\(1\)\n/);
  });
});
