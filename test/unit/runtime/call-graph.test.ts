/**
 * asyncio's call graph (CPython 3.14: asyncio/graph.py, run unchanged) over the
 * runtime's tasks. CPython 3.13 has no call graph to compare with: the expected text is
 * what the 3.14 source prints, its ids and the standard library's paths left out.
 */
import { describe, expect, it } from 'vitest';
import { runPython } from './run-python';

describe('call graphs', () => {
  it("prints a task's stack and the TaskGroup task that awaits it", async () => {
    const { stdout, result } = await runPython(`
      import asyncio

      async def test():
          asyncio.print_call_graph()

      async def main():
          async with asyncio.TaskGroup() as g:
              g.create_task(test(), name="test")

      asyncio.run(main())
    `);
    expect(result.ok).toBe(true);
    const lines = stdout
      .replace(/id=0x[0-9a-f]+/g, 'id=X')
      .split('\n')
      .filter((line) => !line.includes('/lib/python'));
    expect(lines).toEqual([
      "* Task(name='test', id=X)",
      '  + Call stack:',
      "  |   File 'main.py', line 4, in async test()",
      '  + Awaited by:',
      "    * Task(name='Task-1', id=X)",
      '      + Call stack:',
      "      |   File 'main.py', line 7, in async main()",
      '',
    ]);
  });

  it('captures another task, awaited by two', async () => {
    const { stdout, result } = await runPython(`
      import asyncio

      async def main():
          sleeper = asyncio.create_task(asyncio.sleep(1), name="sleeper")
          async def waiter():
              await sleeper
          waiters = [asyncio.create_task(waiter(), name=f"waiter {n}") for n in range(2)]
          await asyncio.sleep(0)
          graph = asyncio.capture_call_graph(sleeper)
          print(graph.future.get_name(), sorted(g.future.get_name() for g in graph.awaited_by))
          print([entry.frame.f_code.co_name for entry in graph.awaited_by[0].call_stack])
          await asyncio.gather(*waiters)

      asyncio.run(main())
    `);
    expect(result.ok).toBe(true);
    expect(stdout).toBe("sleeper ['waiter 0', 'waiter 1']\n['waiter']\n");
  });
});
