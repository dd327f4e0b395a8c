/**
 * A stepped run's trace (the `steps` run option), read as steps a reader goes through:
 * one per turn of the event loop, each with the loop's state at the turn's end (the
 * runtime's `turn` event) and what happened during the turn, taken from the trace's own
 * events between two turns (what it printed, the tasks it made, woke and ended). Plain
 * data, no DOM: the view (microscope-view.ts) draws it, the tests read it.
 */
import type { LoopCallback, LoopTurn, TaskAtTurn, TraceEvent } from '../../../runtime/index.ts';
import { describeWait, formatTime } from '../timeline/layout.ts';

export interface Step {
  turn: LoopTurn;
  /** How many events of the trace came before this turn's end: the timeline drawn up to here. */
  events: number;
  /** Characters the program had printed by the turn's end (stdout and stderr): the output shown up to here. */
  printed: number;
  /** What this turn printed, line by line. */
  output: { stream: 'stdout' | 'stderr'; task: string | null; text: string }[];
  /** Tasks this turn made, and tasks that ended in it (how). */
  created: string[];
  ended: { task: string; how: string }[];
}

export interface SteppedRun {
  steps: Step[];
  /** Turns the run made, when it made more than were recorded. */
  cut: { shown: number; total: number } | null;
  /** Every task of the recorded turns, in the order they were made: a task's colour is its place here. */
  tasks: string[];
}

/** The colours tasks take, in turn (live-example.css: `--task-colour-N`). */
export const TASK_COLOURS = 6;

export function readSteps(events: readonly TraceEvent[]): SteppedRun {
  const steps: Step[] = [];
  const tasks: string[] = [];
  let printed = 0;
  let output: Step['output'] = [];
  let created: string[] = [];
  let ended: Step['ended'] = [];
  let cut: SteppedRun['cut'] = null;
  for (const [index, event] of events.entries()) {
    switch (event.type) {
      case 'output':
        printed += event.text.length;
        output.push({ stream: event.stream, task: event.task, text: event.text });
        break;
      case 'task':
        created.push(event.task);
        if (!tasks.includes(event.task)) tasks.push(event.task);
        break;
      case 'done':
        ended.push({
          task: event.task,
          how: event.cancelled ? 'cancelled' : event.exception ? `failed: ${event.exception}` : `returned ${event.result}`,
        });
        break;
      case 'turn':
        steps.push({ turn: event, events: index + 1, printed, output, created, ended });
        output = [];
        created = [];
        ended = [];
        break;
      case 'turnLimit':
        cut = { shown: event.shown, total: event.total };
        break;
      default:
        break;
    }
  }
  return { steps, cut, tasks };
}

/** The colour (0 to TASK_COLOURS - 1) a task is drawn in: by the order tasks were made, as the timeline's lanes. */
export function taskColour(run: SteppedRun, task: string): number {
  const at = run.tasks.indexOf(task);
  return at < 0 ? 0 : at % TASK_COLOURS;
}

/** A line of the shown code and the tasks suspended at it. */
export interface LineMark {
  line: number;
  tasks: string[];
  colour: number;
}

/**
 * The lines the step's live tasks are suspended at, in the reader's numbering
 * (`offset`: the hidden lines above the shown code, when the run counted them), each
 * with its tasks; lines outside the shown code are left out.
 */
export function lineMarks(run: SteppedRun, step: Step, offset: number, shownLines: number): LineMark[] {
  const byLine = new Map<number, string[]>();
  for (const task of step.turn.tasks) {
    if (task.line === null) continue;
    const line = task.line - offset;
    if (line < 1 || line > shownLines) continue;
    byLine.set(line, [...(byLine.get(line) ?? []), task.task]);
  }
  return [...byLine].map(([line, names]) => ({ line, tasks: names, colour: taskColour(run, names[0]) }));
}

/** The callback that stops the loop once what `run_until_complete` runs is done. */
export const RUN_UNTIL_COMPLETE_DONE = '_run_until_complete_cb';

/** asyncio's own callbacks a reader meets in every run, said in words. */
const KNOWN_CALLBACKS: Record<string, string> = {
  [RUN_UNTIL_COMPLETE_DONE]: 'stop the loop: what run_until_complete ran is done',
  'BaseEventLoop.shutdown_asyncgens': 'asyncio.run’s clean-up: close async generators left open',
  'BaseEventLoop.shutdown_default_executor': 'asyncio.run’s clean-up: shut down the default thread pool',
  'BaseEventLoop._create_server_getaddrinfo': 'start_server: look up the address to listen on',
  'BaseSelectorEventLoop._accept_connection2': 'the server sets up the connection it accepted',
};

/** A callback of the loop in a reader's words. */
export function describeCallback(callback: LoopCallback): string {
  switch (callback.kind) {
    case 'step':
      return `${callback.task}: next step`;
    case 'wake':
      // Woken because what it awaited is over: done, failed or cancelled.
      return `${callback.task}: wake up (what it awaited is over)`;
    case 'sleep':
      return callback.task ? `end ${callback.task}’s sleep` : 'end a sleep';
    case 'callback': {
      const name = KNOWN_CALLBACKS[callback.name] ?? callback.name;
      return callback.task ? `${name} (for ${callback.task})` : name;
    }
  }
}

/** When a timer is due, in words: `at 1 s`, or `never` for a deadline at infinity. */
export function timerTime(at: number | null): string {
  return at === null ? 'never' : `at ${formatTime(at)}`;
}

/** A task's state at a turn's end, in words. */
export function describeTask(task: TaskAtTurn): string {
  switch (task.state) {
    case 'waiting':
      return task.on ? describeWait(task.on) : 'waiting';
    case 'ready':
      return 'ready: runs next turn';
    case 'running':
      return 'running';
    case 'done':
      return 'done';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return 'failed';
  }
}

/** One line for screen readers when a step is shown: where the loop is, and what it ran. */
export function announceStep(step: Step, total: number): string {
  const { turn } = step;
  const ran = turn.ran.length === 0 ? 'nothing has run yet' : `ran ${turn.ran.map(describeCallback).join('; ')}`;
  const printed = step.output.length ? `; printed ${step.output.length} ${step.output.length === 1 ? 'line' : 'lines'}` : '';
  return `Turn ${turn.n} of ${total - 1}, at ${formatTime(turn.t)}: ${ran}${printed}.`;
}
