/**
 * Exercise checks: hidden Python that runs after the reader's program, in its
 * namespace, and says whether the exercise is solved. The reader never sees the check's
 * own output or frames; they see a verdict with a hint.
 */
import { describe, expect, it } from 'vitest';
import { dedent, runPython } from './run-python';

const concurrent = dedent(`
  import asyncio
  async def fetch(n):
      await asyncio.sleep(1)
      return n
  async def fetch_all():
      return [await fetch(n) for n in range(3)]
`);

const timedCheck = dedent(`
  import asyncio
  start = asyncio.get_event_loop_policy  # a name the check may shadow freely
  async def timed():
      loop = asyncio.get_running_loop()
      t = loop.time()
      result = await fetch_all()
      return result, loop.time() - t
  result, took = asyncio.run(timed())
  assert result == [0, 1, 2], f"fetch_all() should return [0, 1, 2], not {result!r}."
  assert took == 1, f"fetch_all() took {took:g} s; run the fetches together so it takes 1 s."
`);

describe('an exercise check', () => {
  it('fails with its own hint when the program does not do what is asked', async () => {
    const { result, stdout } = await runPython(`${concurrent}\nprint("ran")`, { check: { code: timedCheck } });
    expect(stdout).toBe('ran\n');
    expect(result.ok).toBe(true);
    expect(result.check).toEqual({ passed: false, message: 'fetch_all() took 3 s; run the fetches together so it takes 1 s.' });
  });

  it('passes when it does, and calls the reader’s functions without printing into their output', async () => {
    const solved = concurrent.replace('[await fetch(n) for n in range(3)]', 'await asyncio.gather(*(fetch(n) for n in range(3)))');
    const { result, stdout } = await runPython(`${solved}\nprint("ran")`, {
      check: { code: `print("from the check")\n${timedCheck}` },
    });
    expect(stdout).toBe('ran\n');
    expect(result.check).toEqual({ passed: true, message: '' });
  });

  it('may start a child that reads its own standard input, and input() of its own says there is none', async () => {
    const check = dedent(`
      import asyncio, sys
      async def child():
          proc = await asyncio.create_subprocess_exec(
              sys.executable, "-c", "import sys; print(sys.stdin.read().upper())",
              stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
          out, _ = await proc.communicate(b"abc")
          return out
      assert asyncio.run(child()) == b"ABC\\n", "the child did not read its pipe"
      try:
          input()
      except Exception as error:
          assert "input" in str(error).lower() or type(error).__name__ != "EOFError", repr(error)
      else:
          raise AssertionError("input() in a check read something")
    `);
    const { result } = await runPython('print("ran")', { check: { code: check } });
    expect(result.check).toEqual({ passed: true, message: '' });
  });

  it('sees what the program printed, and the reader’s prediction', async () => {
    const check = 'assert lines(prediction) == lines(printed), "Not what it printed."';
    const program = 'print("a")\nprint("b")\n';
    expect((await runPython(program, { check: { code: check, prediction: '  a\n\nb  \n' } })).result.check?.passed).toBe(true);
    expect((await runPython(program, { check: { code: check, prediction: 'b\na' } })).result.check).toEqual({
      passed: false,
      message: 'Not what it printed.',
    });
    expect((await runPython(program, { check: { code: check } })).result.check?.passed).toBe(false);
  });

  it('calls the program’s functions as the program left them, code rewritten by types.coroutine included', async () => {
    const program = dedent(`
      import types
      @types.coroutine
      def pause():
          yield
      async def twice():
          await pause()
          return 2
    `);
    const check = dedent(`
      coro = twice()
      coro.send(None)
      try:
          coro.send(None)
      except StopIteration as done:
          assert done.value == 2
    `);
    expect((await runPython(program, { check: { code: check } })).result.check).toEqual({ passed: true, message: '' });
  });

  it('does not run after a program that ended in an error, and says so', async () => {
    const { result } = await runPython('1/0', { check: { code: 'pass' } });
    expect(result.ok).toBe(false);
    expect(result.check?.passed).toBe(false);
    expect(result.check?.message).toMatch(/ended with ZeroDivisionError/);
  });

  it('names what went wrong when the check itself cannot run (a renamed function)', async () => {
    const { result } = await runPython('async def fetch_everything(): pass', { check: { code: timedCheck } });
    expect(result.check).toEqual({
      passed: false,
      message: "The check could not run: NameError: name 'fetch_all' is not defined. Keep the names the exercise gives.",
    });
  });

  it('an assertion without a message still gives a hint', async () => {
    const { result } = await runPython('x = 1', { check: { code: 'assert x == 2' } });
    expect(result.check).toEqual({ passed: false, message: 'Not yet: the program does not do what the exercise asks.' });
  });

  it('a check that loops forever on the reader’s code ends in a verdict, not a hang', async () => {
    const program = 'import asyncio\nasync def wait():\n    await asyncio.Event().wait()';
    const { result } = await runPython(program, { check: { code: 'import asyncio\nasyncio.run(wait())' } });
    expect(result.check?.passed).toBe(false);
    expect(result.check?.message).toMatch(/^The check could not run: WaitsForever/);
  });

  it('leaves runs without a check alone', async () => {
    const { result } = await runPython('x = 1');
    expect(result).toEqual({ ok: true, time: 0 });
  });

  it('leaves nothing to the next run: what the program and its check never awaited is not reported there', async () => {
    // A starting code that never awaits its coroutines, and a check that makes more: the
    // page's shared interpreter runs the next example next, whose output is its own.
    const program = 'import asyncio\nasync def stuck():\n    await asyncio.Event().wait()\njobs = {"a": stuck()}\nprint("given")';
    const { result, stdout } = await runPython(program, { check: { code: 'pending = stuck()\nassert False, "not yet"' } });
    expect(stdout).toBe('given\n');
    expect(result.check).toEqual({ passed: false, message: 'not yet' });
    const next = await runPython('print("next")');
    expect(next.output).toBe('next\n');
  });

  it('leaves nothing to the next run after a program that printed past its limit either', async () => {
    const program =
      'import asyncio\nasync def stuck():\n    await asyncio.Event().wait()\njobs = {"a": stuck()}\nfor i in range(50):\n    print(i)';
    const { result } = await runPython(program, { maxOutputLines: 10 });
    expect(result.ok || result.error.type).toBe('OutputLimitExceeded');
    const next = await runPython('print("next")');
    expect(next.output).toBe('next\n');
  });
});
