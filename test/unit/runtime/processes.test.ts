/**
 * A run's child processes (processes.py): nothing of the machine is started, and
 * nothing a program changes in the modules that start children outlives its run.
 * Programs whose whole output CPython prints the same are in programs/ (subprocess_*.py).
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPython } from './run-python';

describe('child processes', () => {
  it('os.system runs a child of the run, never a shell of the machine (in Node, Pyodide would run a real one)', async () => {
    const marker = join(tmpdir(), `asyncio-live-escape-${process.pid}-${Date.now()}`);
    const { stdout, result } = await runPython(`
      import os
      print(os.system("echo hi"))
      print(os.system("touch ${marker}") >> 8)
      for name in ("fork", "execv", "spawnv"):
          try:
              getattr(os, name)("/bin/sh", ["sh"]) if name != "fork" else os.fork()
          except OSError as error:
              print(name, error.errno)
    `);
    expect(result.ok).toBe(true);
    expect(stdout).toBe('hi\n0\n127\nfork 38\nexecv 38\nspawnv 38\n');
    expect(existsSync(marker)).toBe(false);
  });

  it('a shell line with more than pipes is refused with a message, not misread', async () => {
    const { stdout } = await runPython(`
      import subprocess
      r = subprocess.run("echo a && echo b", shell=True, capture_output=True, text=True)
      print(r.returncode, repr(r.stdout), r.stderr.startswith("/bin/sh: '&&'"))
    `);
    expect(stdout).toBe("2 '' True\n");
  });

  it("what a program changes in subprocess, select, selectors, queue or the runtime's command table is gone in the next run", async () => {
    await runPython(`
      import subprocess, select, selectors, queue, sys
      subprocess.run = lambda *a, **k: print("PATCHED")
      select.select = selectors.DefaultSelector = None
      queue.Queue.put = None
      sys.executable = "/bin/evil"
      from asyncio_live import processes
      try:
          processes._COMMANDS["echo"] = None
      except TypeError:
          pass
    `);
    const { stdout, result } = await runPython(`
      import subprocess, select, selectors, queue, sys
      q = queue.Queue()
      q.put(1)
      print(subprocess.run(["echo", "fine"], capture_output=True).stdout, sys.executable != "/bin/evil")
      print(select.select([], [], [], 0), selectors.DefaultSelector.__name__, q.get())
    `);
    expect(result.ok).toBe(true);
    expect(stdout).toBe("b'fine\\n' True\n([], [], []) EpollSelector 1\n");
  });

  it("python -m asyncio ps and pstree show the run's tasks in CPython 3.14's own table and tree", async () => {
    const { stdout, result } = await runPython(`
      import asyncio, os, sys

      async def leaf():
          await asyncio.sleep(10)

      async def main():
          async with asyncio.TaskGroup() as tg:
              tg.create_task(leaf(), name="leaf")
              await asyncio.sleep(0.1)
              for command in ("ps", "pstree"):
                  proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "asyncio", command, str(os.getpid()))
                  await proc.wait()
              raise SystemExit

      asyncio.run(main())
    `);
    expect(result.ok).toBe(true);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^tid {8}task id {14}task name {12}coroutine stack/);
    expect(
      lines.find((line) => /\bleaf\s+sleep -> leaf\s+BaseSubprocessTransport\._wait -> Process\.wait -> main Task-1/.test(line)),
    ).toBeDefined();
    expect(stdout).toContain('└── (T) Task-1\n    └──  main main.py:12\n');
    expect(stdout).toContain('└── (T) leaf\n');
  });
});
