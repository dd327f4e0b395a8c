/**
 * What the lessons say a reader sees when they press Step: each claim of the passages
 * that walk through a stepped run ("at turn 3 ..."), checked against the runtime's
 * recording of the same example (the `steps` run option, as the page records it). A
 * change to the runtime that moves a turn fails here, naming the passage to rewrite.
 */
import { describe, expect, it } from 'vitest';
import type { LoopCallback, LoopTurn, TraceEvent } from '../../runtime/protocol/index';
import { programToRun } from '../../src/fence/example-data';
import { readSteps, type Step } from '../../src/client/microscope/steps';
import { restoredEngine } from '../python';
import { lessonExamples } from './lesson-examples';

const engine = restoredEngine();
const examples = lessonExamples();

/** The example's run, stepped: its steps by turn number. */
async function stepped(file: string, title: string): Promise<Step[]> {
  const found = examples.find((e) => e.file === file && e.example.title === title);
  if (!found) throw new Error(`no example "${title}" in ${file}`);
  const { code, setup } = programToRun(found.example, found.example.code);
  const events: TraceEvent[] = [];
  const result = await (await engine).run(
    code,
    { deterministic: true, steps: true, setup, notebook: found.example.notebook },
    () => {},
    (batch) => events.push(...batch),
  );
  expect(result.ok).toBe(true);
  return readSteps(events).steps;
}

const calls = (list: LoopCallback[]) => list.map((c) => `${c.kind} ${c.task ?? c.name}`);
const task = (turn: LoopTurn, name: string) => turn.tasks.find((t) => t.task === name);

describe('the passages that step through an example', () => {
  it('lessons/executing-tasks: three squares in one second', async () => {
    const steps = await stepped('content/lessons/executing-tasks.mdx', 'Three squares in one second');
    const turn = (n: number) => steps[n].turn;
    expect(calls(turn(1).ran)).toEqual(['step Task-1']);
    expect(task(turn(1), 'Task-1')).toMatchObject({ state: 'waiting', line: 12, on: { kind: 'gather' } });
    expect(calls(turn(1).ready)).toEqual(['step Task-2', 'step Task-3', 'step Task-4']);
    expect(calls(turn(2).ran)).toEqual(['step Task-2', 'step Task-3', 'step Task-4']);
    expect(steps[2].output.map((o) => o.text)).toEqual(['Square 1\n', 'Square 2\n', 'Square 3\n']);
    expect(turn(2).timers.map((t) => [t.at, t.task])).toEqual([
      [1, 'Task-2'],
      [1, 'Task-3'],
      [1, 'Task-4'],
    ]);
    expect(turn(2).ready).toEqual([]);
    for (const name of ['Task-2', 'Task-3', 'Task-4']) expect(task(turn(2), name)).toMatchObject({ state: 'waiting', line: 6 });
    expect(turn(3).t).toBe(1);
    expect(calls(turn(3).ran)).toEqual(['sleep Task-2', 'sleep Task-3', 'sleep Task-4']);
    expect(calls(turn(3).ready)).toEqual(['wake Task-2', 'wake Task-3', 'wake Task-4']);
    expect(steps[3].output).toEqual([]);
    expect(calls(turn(4).ran)).toEqual(['wake Task-2', 'wake Task-3', 'wake Task-4']);
  });

  it('beyond/under-the-hood: what the loop has to do', async () => {
    const steps = await stepped('content/beyond/under-the-hood.mdx', 'What the loop has to do');
    const turn = (n: number) => steps[n].turn;
    expect(calls(turn(1).ready)).toEqual(['callback say', 'callback say']);
    expect(turn(1).timers.map((t) => [t.at, t.kind, t.task ?? t.name])).toEqual([
      [0.1, 'callback', 'say'],
      [0.2, 'callback', 'say'],
      [0.3, 'sleep', 'Task-1'],
    ]);
    expect(calls(turn(2).ran)).toEqual(['callback say', 'callback say']);
    expect(turn(2).ready).toEqual([]);
    expect([turn(3).t, calls(turn(3).ran)]).toEqual([0.1, ['callback say']]);
    expect([turn(4).t, calls(turn(4).ran)]).toEqual([0.2, ['callback say']]);
    expect([turn(5).t, calls(turn(5).ran), calls(turn(5).ready)]).toEqual([0.3, ['sleep Task-1'], ['wake Task-1']]);
    expect(task(turn(6), 'Task-1')?.state).toBe('done');
    const cleanUp = steps.slice(7).flatMap((s) => s.turn.ran.map((c) => c.name));
    expect(cleanUp).toContain('BaseEventLoop.shutdown_asyncgens');
    expect(cleanUp).toContain('BaseEventLoop.shutdown_default_executor');
  });

  it('beyond/under-the-hood: a cancellation, from the inside out', async () => {
    const steps = await stepped('content/beyond/under-the-hood.mdx', 'A cancellation, from the inside out');
    const turn = (n: number) => steps[n].turn;
    expect(steps[4].output.map((o) => o.text)).toEqual(['cancel() returns True\n']);
    expect(task(turn(4), 'Task-1')).toMatchObject({ state: 'waiting', line: 21 });
    expect(task(turn(4), 'Task-2')).toMatchObject({ line: 5 });
    expect(turn(4).timers.map((t) => [t.at, t.task])).toEqual([[10, 'Task-2']]);
    expect(calls(turn(4).ready)).toEqual(['wake Task-2']);
    expect(calls(turn(5).ran)).toEqual(['wake Task-2']);
    expect(steps[5].output.map((o) => o.text)).toEqual([
      'inner: finally runs on the way out\n',
      "outer: CancelledError arrived through inner's await\n",
    ]);
    expect(task(turn(5), 'Task-2')?.state).toBe('cancelled');
    expect(turn(5).timers).toEqual([]);
  });

  it('os/under-the-hood-io: a server and two clients', async () => {
    const steps = await stepped('content/os/under-the-hood-io.mdx', 'A server and two clients');
    const turn = (n: number) => steps[n].turn;
    const sockets = (n: number) => turn(n).io.map((w) => `${w.socket} ${w.events} ${w.callback}`);
    expect(sockets(4)).toEqual(['listening on 127.0.0.1:8888 read BaseSelectorEventLoop._accept_connection']);
    expect(sockets(7)).toContain('127.0.0.1:40000 → 127.0.0.1:8888 write BaseSelectorEventLoop._sock_connect_cb');
    expect(calls(turn(8).ran)).toEqual([
      'callback BaseSelectorEventLoop._accept_connection',
      'callback BaseSelectorEventLoop._sock_connect_cb',
    ]);
    expect(turn(10).io.map((w) => w.events)).toEqual(['read', 'read', 'read']);
    expect(task(turn(10), 'Task-4')).toMatchObject({ state: 'ready', line: 4 });
    expect(steps[10].created).toContain('Task-4');
    expect(task(turn(11), 'Task-4')).toMatchObject({ state: 'waiting', line: 5, on: { kind: 'network', action: 'read' } });
    expect(task(turn(11), 'alice')).toMatchObject({ state: 'waiting', line: 16, on: { kind: 'network', action: 'read' } });
    expect(turn(11).ready).toEqual([]);
    expect(calls(turn(12).ran)).toEqual(['callback _SelectorSocketTransport._read_ready']);
    expect(calls(turn(12).ready)).toEqual(['wake Task-4']);
    for (let n = 6; n < 19; n++) expect(turn(n).timers.map((t) => [t.at, t.task])).toEqual([[0.1, 'bob']]);
    expect([turn(19).t, calls(turn(19).ran)]).toEqual([0.1, ['sleep bob']]);
    expect(steps.slice(19).flatMap((s) => s.created)).toContain('Task-6');
  });
});
