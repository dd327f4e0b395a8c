import type { NetworkAction, TraceEvent, WaitTarget } from '../../../runtime/index.ts';

/**
 * A stretch of loop time, in seconds from the run's start. `kFrom` and `kTo` count the
 * events before each end that came at the same loop time as the event before them (see
 * `TimelineLayout.sameTime`): the drawing puts those one after another, so a run in
 * which no time passes (loopback, `sleep(0)`) still shows its order.
 */
export interface Span {
  from: number;
  to: number;
  kFrom: number;
  kTo: number;
}

export interface WaitSpan extends Span {
  /** What the task waits on, for people: "sleep until 1.0 s", "gather of Task-2, Task-3". */
  label: string;
}

/** A printed line, on the lane of the task that printed it. */
export interface Mark {
  t: number;
  /** Events before it at the same loop time as their predecessor (see `Span`). */
  k: number;
  /** Index of the line in the run's output (matches the output pane). */
  line: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface Lane {
  /** `loop` for the loop's own lane, else the task name (or the group's coroutine). */
  id: string;
  label: string;
  /** How many tasks the lane stands for (more than 1 when alike tasks are grouped). */
  count: number;
  steps: Span[];
  waits: WaitSpan[];
  marks: Mark[];
  /** When the task finished, and how. */
  done: { t: number; outcome: string } | null;
}

export interface TimelineLayout {
  /** Loop time at the end of the run. */
  end: number;
  /** Whether any task ran: without one, the first lane is the program, not an event loop. */
  loopRan: boolean;
  /** The loop first, then one lane per task in order of creation (or per group). */
  lanes: Lane[];
  /** Times the loop could not switch tasks: blocking sleeps and long steps. */
  blocked: (Span & { label: string })[];
  /**
   * How many events came at the same loop time as the event before them: the drawing
   * gives each a step of its own along the axis, so order shows when no time passes.
   */
  sameTime: number;
  /** Each loop time at which events came, with the count above at its first event: where a tick at that time goes. */
  instants: { t: number; k: number }[];
  /** Every event in order, for the text view. */
  rows: { t: number; task: string; event: string }[];
  /** The trace was cut short: it kept the first `shown` of `total` events (runtime/protocol/messages.ts). */
  limit: { shown: number; total: number } | null;
}

/** Above this many tasks, alike tasks (same coroutine) share one lane. */
export const MAX_LANES = 24;
/** A step longer than this holds the loop long enough to show as "loop blocked". */
export const LONG_STEP = 0.01;

/** What asyncio's own waits are, for people (by the innermost coroutine that awaits). */
const KNOWN_WAITS: Record<string, string> = {
  'Queue.get': 'queue get',
  'Queue.put': 'queue put',
  'Queue.join': 'queue join',
  'Lock.acquire': 'lock',
  'Semaphore.acquire': 'semaphore',
  'BoundedSemaphore.acquire': 'semaphore',
  'Event.wait': 'event',
  'Condition.wait': 'condition',
  'Barrier.wait': 'barrier',
  'TaskGroup._aexit': 'its task group',
  'TaskGroup.__aexit__': 'its task group',
  'timeout.__aexit__': 'a timeout',
};

/** Waits on a connection, for people; the other end follows (`reading from shop.example:80`). */
const NETWORK_WAITS: Record<NetworkAction, string> = {
  read: 'reading from',
  connect: 'connecting to',
  drain: 'drain: waiting to send to',
  close: 'closing',
  serve: 'serving on',
};

export function describeWait(on: WaitTarget): string {
  switch (on.kind) {
    case 'sleep':
      return on.until === null ? 'sleeps forever' : `sleep until ${formatTime(on.until)}`;
    case 'task':
      return `awaits ${on.task}`;
    case 'gather':
      return on.tasks.length <= 3 ? `gather of ${on.tasks.join(', ')}` : `gather of ${on.tasks.length.toLocaleString('en')} tasks`;
    case 'yield':
      return 'yields to the loop';
    case 'future': {
      return on.via ? (KNOWN_WAITS[on.via] ?? `waits in ${on.via}`) : 'waits on a future';
    }
    case 'network':
      return NETWORK_WAITS[on.action] + (on.peer ? ` ${on.peer}` : '');
  }
}

/** Loop time for people: 250 ms, 1.5 s, 2 min 5 s, 1 h 30 min. */
export function formatTime(seconds: number): string {
  if (seconds === 0) return '0 s';
  if (seconds < 1) return `${Number((seconds * 1000).toPrecision(3))} ms`;
  if (seconds < 60) return `${Number(seconds.toPrecision(3))} s`;
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    const rest = Math.round(seconds - minutes * 60);
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds - hours * 3600) / 60);
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

const NICE_STEPS = [
  0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
  43200, 86400,
];

/**
 * Tick times for an axis from 0 to `end`, about `wanted` of them (never more than
 * twice that), at round values: the steps above, then 1, 2 or 5 times a power of ten
 * days for spans longer than those (a run that slept 10^12 s has a dozen ticks too).
 */
export function ticks(end: number, wanted = 6): number[] {
  const span = end > 0 && Number.isFinite(end) ? end : 1;
  const most = Math.max(1, Math.round(wanted));
  let step = NICE_STEPS.find((candidate) => span / candidate <= most);
  if (step === undefined) {
    const power = 86400 * 10 ** Math.floor(Math.log10(span / 86400 / most));
    step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => span / candidate <= most) ?? span;
  }
  const count = Math.min(Math.floor(span / step + 1e-9), 2 * most);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(6)));
}

const coroutineName = (label: string) => label.slice(0, label.indexOf('(') >= 0 ? label.indexOf('(') : undefined);

/** Turns a run's trace into lanes, blocks, waits and marks. */
export function layoutTrace(events: TraceEvent[], end: number): TimelineLayout {
  const layout = startLayout();
  layout.add(events);
  return layout.finish(end);
}

/** A layout built a slice of events at a time (a page lays out 10,000 events between frames). */
export interface LayoutBuilder {
  add(events: TraceEvent[]): void;
  /** The layout, the run having lasted `end` seconds of loop time. */
  finish(end: number): TimelineLayout;
}

export function startLayout(): LayoutBuilder {
  const loop: Lane = { id: 'loop', label: 'event loop', count: 1, steps: [], waits: [], marks: [], done: null };
  const lanes = new Map<string, Lane>();
  const coroutines = new Map<string, string>();
  const openStep = new Map<string, { t: number; k: number }>();
  const openWait = new Map<string, { from: number; kFrom: number; label: string }>();
  // Blocking sleeps inside a step are drawn as such; only the rest of a long step is computing.
  const sleptInStep = new Map<string, number>();
  const blocked: TimelineLayout['blocked'] = [];
  const sleeps: TimelineLayout['blocked'] = [];
  const rows: TimelineLayout['rows'] = [];
  let limit: TimelineLayout['limit'] = null;
  let line = 0;
  let last = 0;
  // Events so far that came at the same loop time as the one before (Span's k).
  let k = 0;
  let previousT: number | null = null;
  const instants: TimelineLayout['instants'] = [];

  const laneOf = (task: string | null) => (task === null ? loop : (lanes.get(task) ?? loop));
  const closeWait = (task: string, t: number) => {
    const wait = openWait.get(task);
    if (wait) laneOf(task).waits.push({ from: wait.from, to: t, kFrom: wait.kFrom, kTo: k, label: wait.label });
    openWait.delete(task);
  };
  const closeStep = (task: string, t: number) => {
    const open = openStep.get(task);
    if (open === undefined) return;
    const from = open.t;
    laneOf(task).steps.push({ from, to: t, kFrom: open.k, kTo: k });
    if (t - from - (sleptInStep.get(task) ?? 0) >= LONG_STEP)
      blocked.push({ from, to: t, kFrom: open.k, kTo: k, label: `${task} computes` });
    openStep.delete(task);
    sleptInStep.delete(task);
  };

  const add = (events: TraceEvent[]) => {
    for (const event of events) {
      // The loop microscope's turns (a stepped run) are not drawn: the timeline is the tasks'.
      if (event.type === 'turn' || event.type === 'turnLimit') continue;
      last = Math.max(last, event.t);
      if (event.t === previousT) k++;
      else instants.push({ t: event.t, k });
      previousT = event.t;
      switch (event.type) {
        case 'task':
          lanes.set(event.task, {
            id: event.task,
            label: `${event.task} ${event.coro}`,
            count: 1,
            steps: [],
            waits: [],
            marks: [],
            done: null,
          });
          coroutines.set(event.task, coroutineName(event.coro));
          rows.push({ t: event.t, task: event.task, event: `created: ${event.coro}` });
          break;
        case 'step':
          closeWait(event.task, event.t);
          openStep.set(event.task, { t: event.t, k });
          rows.push({ t: event.t, task: event.task, event: 'runs' });
          break;
        case 'wait': {
          closeStep(event.task, event.t);
          const label = describeWait(event.on);
          openWait.set(event.task, { from: event.t, kFrom: k, label });
          rows.push({ t: event.t, task: event.task, event: label });
          break;
        }
        case 'done': {
          closeStep(event.task, event.t);
          const outcome = event.cancelled
            ? 'cancelled'
            : event.exception !== undefined
              ? `raised ${event.exception}`
              : `returned ${event.result}`;
          laneOf(event.task).done = { t: event.t, outcome };
          rows.push({ t: event.t, task: event.task, event: outcome });
          break;
        }
        case 'block':
          if (event.task) sleptInStep.set(event.task, (sleptInStep.get(event.task) ?? 0) + event.seconds);
          sleeps.push({ from: event.t, to: event.t + event.seconds, kFrom: k, kTo: k, label: `time.sleep(${event.seconds})` });
          rows.push({
            t: event.t,
            task: event.task ?? 'main',
            event: `blocks${event.task ? ' the loop' : ''}: time.sleep(${event.seconds})`,
          });
          break;
        case 'output':
          laneOf(event.task).marks.push({ t: event.t, k, line: line++, stream: event.stream, text: event.text.replace(/\n$/, '') });
          rows.push({ t: event.t, task: event.task ?? 'main', event: `prints ${JSON.stringify(event.text.replace(/\n$/, ''))}` });
          break;
        case 'limit':
          limit = { shown: event.shown, total: event.total };
          // What ran after the cut is not known: a step still open is drawn up to it,
          // not through the rest of the run as if the loop had been blocked.
          for (const task of [...openStep.keys()]) closeStep(task, event.t);
          break;
      }
    }
  };

  const finish = (end: number): TimelineLayout => {
    // A sleep the run did not see end (stopped in it, or a trace cut short) ends with the run.
    for (const sleep of sleeps) {
      const to = end > 0 ? Math.min(sleep.to, Math.max(end, sleep.from)) : sleep.to;
      blocked.push({ ...sleep, to });
      last = Math.max(last, to);
    }
    sleeps.length = 0;
    const finished = Math.max(end, last);
    for (const task of [...openStep.keys()]) closeStep(task, finished);
    for (const task of [...openWait.keys()]) closeWait(task, finished);

    let taskLanes = [...lanes.values()];
    if (taskLanes.length > MAX_LANES) taskLanes = group(taskLanes, coroutines);
    const loopRan = taskLanes.length > 0;
    // A program that never started a loop (plain Python, a SyntaxError) still has a story:
    // its prints and its blocking sleeps, on a lane that says what it is.
    if (!loopRan) loop.label = 'the program (no event loop)';
    return { end: finished, loopRan, lanes: [loop, ...taskLanes], blocked, sameTime: k, instants, rows, limit };
  };
  return { add, finish };
}

/** Many tasks of the same coroutine become one lane with a count. */
function group(lanes: Lane[], coroutines: Map<string, string>): Lane[] {
  const groups = new Map<string, Lane>();
  for (const lane of lanes) {
    const name = coroutines.get(lane.id) ?? lane.id;
    const existing = groups.get(name);
    if (!existing) {
      groups.set(name, { ...lane, id: name, steps: [...lane.steps], waits: [...lane.waits], marks: [...lane.marks] });
      continue;
    }
    existing.count++;
    existing.steps.push(...lane.steps);
    existing.waits.push(...lane.waits);
    existing.marks.push(...lane.marks);
    if (lane.done && (!existing.done || lane.done.t > existing.done.t)) existing.done = lane.done;
  }
  for (const lane of groups.values()) {
    if (lane.count > 1) {
      lane.label = `${lane.id}() ×${lane.count.toLocaleString('en')}`;
      lane.steps = merge(lane.steps);
      lane.waits = mergeWaits(lane.waits);
      lane.marks.sort((a, b) => a.line - b.line);
    }
  }
  return [...groups.values()];
}

/** Overlapping spans as one, so a lane of 10,000 tasks draws a handful of shapes. */
export function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from || a.kFrom - b.kFrom);
  const merged: Span[] = [];
  for (const span of sorted) {
    const previous = merged.at(-1);
    if (previous && (span.from < previous.to || (span.from === previous.to && span.kFrom <= previous.kTo))) {
      if (span.to > previous.to || (span.to === previous.to && span.kTo > previous.kTo)) [previous.to, previous.kTo] = [span.to, span.kTo];
    } else merged.push({ ...span });
  }
  return merged;
}

function mergeWaits(waits: WaitSpan[]): WaitSpan[] {
  const labels = new Set(waits.map((wait) => wait.label));
  const label = labels.size === 1 ? [...labels][0] : 'waiting';
  return merge(waits).map((span) => ({ ...span, label }));
}
