/**
 * What a worker sends the page, read as untrusted: a program that has taken over its
 * worker's JavaScript (`import js`, then a patched `postMessage`) can send anything.
 * Each message is checked against the protocol and its text cut to TEXT_LIMITS, so no
 * message can make the page draw megabytes or read a number that is not one. The
 * runtime's own worker already sends messages within these limits.
 */
import {
  TEXT_LIMITS,
  TURN_LIMITS,
  type BootInfo,
  type BootPhases,
  type LoopCallback,
  type LoopTurn,
  type OutputChunk,
  type RunResult,
  type TraceEvent,
  type WaitTarget,
  type WorkerToPage,
} from '../protocol/index.ts';
import { checkRunResult, checkTraceEvents } from '../protocol/shapes.ts';

/** A message the page cannot read: its worker is ended. */
export const MALFORMED = Symbol('malformed');

/** Room past a limit for the runner's own "… (N more characters)": its cut text is not cut again. */
const SUFFIX_ROOM = 40;

/** `text` cut to `limit` characters, saying how much was left out. */
export function cut(text: string, limit: number): string {
  if (text.length <= limit + SUFFIX_ROOM) return text;
  return `${text.slice(0, limit)}… (${(text.length - limit).toLocaleString('en')} more characters)`;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const record = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `data` as a message of the protocol (messages.ts), its text cut to size; MALFORMED when it is not one. */
export function readWorkerMessage(data: unknown): WorkerToPage | typeof MALFORMED {
  try {
    return read(data);
  } catch {
    return MALFORMED;
  }
}

function read(data: unknown): WorkerToPage | typeof MALFORMED {
  if (!record(data) || !finite(data.id) || typeof data.type !== 'string' || !Object.hasOwn(READERS, data.type)) return MALFORMED;
  return READERS[data.type as WorkerToPage['type']](data, data.id);
}

type Reader<Type extends WorkerToPage['type']> = (
  data: Record<string, unknown>,
  id: number,
) => Extract<WorkerToPage, { type: Type }> | typeof MALFORMED;

/** How each message the worker may send is read: one reader per type, or the page would not compile. */
const READERS: { [Type in WorkerToPage['type']]: Reader<Type> } = {
  'worker/ready': (data, id) => {
    const module = typeof WebAssembly === 'object' && data.module instanceof WebAssembly.Module ? data.module : null;
    return { type: 'worker/ready', id, boot: bootInfo(data.boot), module };
  },
  'worker/progress': (data, id) =>
    finite(data.loaded) && data.loaded >= 0 ? { type: 'worker/progress', id, loaded: data.loaded } : MALFORMED,
  'worker/failed': (data, id) =>
    typeof data.message === 'string' ? { type: 'worker/failed', id, message: cut(data.message, TEXT_LIMITS.failure) } : MALFORMED,
  'run/input': (data, id) =>
    typeof data.prompt === 'string' ? { type: 'run/input', id, prompt: cut(data.prompt, TEXT_LIMITS.prompt) } : MALFORMED,
  'run/output': (data, id) => {
    if (!Array.isArray(data.chunks)) return MALFORMED;
    const chunks: OutputChunk[] = [];
    for (const chunk of data.chunks as unknown[]) {
      if (!record(chunk) || typeof chunk.text !== 'string' || (chunk.stream !== 'stdout' && chunk.stream !== 'stderr')) return MALFORMED;
      if (chunk.t !== null && !finite(chunk.t)) return MALFORMED;
      chunks.push({ stream: chunk.stream, text: chunk.text, t: chunk.t });
    }
    return { type: 'run/output', id, chunks };
  },
  'run/trace': (data, id) => ({ type: 'run/trace', id, events: checkTraceEvents(data.events).map(cutEvent) }),
  'run/done': (data, id) => {
    if (!finite(data.memory) || typeof data.fatal !== 'boolean') return MALFORMED;
    return {
      type: 'run/done',
      id,
      result: cutResult(checkRunResult(data.result)),
      memory: data.memory,
      fatal: data.fatal,
      retire: data.retire === true,
    };
  },
};

function bootInfo(value: unknown): BootInfo {
  if (!record(value) || !finite(value.bootMs) || typeof value.fromSnapshot !== 'boolean') throw new Error('boot');
  const phases: BootPhases = {};
  if (record(value.phases)) {
    for (const key of ['snapshotDownloaded', 'snapshotInflated', 'pyodideLoaded', 'installed'] as const) {
      if (finite(value.phases[key])) phases[key] = value.phases[key];
    }
  }
  const boot: BootInfo = { bootMs: value.bootMs, fromSnapshot: value.fromSnapshot, phases };
  const timing = value.timing;
  if (record(timing) && finite(timing.workerStarted) && finite(timing.bootRequested) && Array.isArray(timing.files)) {
    const files = (timing.files as unknown[])
      .slice(0, 100)
      .filter(
        (file): file is { name: string; start: number; end: number } =>
          record(file) && typeof file.name === 'string' && finite(file.start) && finite(file.end),
      )
      .map(({ name, start, end }) => ({ name: cut(name, TEXT_LIMITS.label), start, end }));
    boot.timing = { workerStarted: timing.workerStarted, bootRequested: timing.bootRequested, files };
  }
  return boot;
}

function cutResult(result: RunResult): RunResult {
  const check = result.check ? { passed: result.check.passed, message: cut(result.check.message, TEXT_LIMITS.verdict) } : undefined;
  if (result.ok) {
    const value = result.value === undefined ? {} : { value: cut(result.value, TEXT_LIMITS.value) };
    return check ? { ok: true, time: result.time, check, ...value } : { ok: true, time: result.time, ...value };
  }
  const { type, message, line, traceback, exitStatus } = result.error;
  const error = {
    type: cut(type, TEXT_LIMITS.errorType),
    message: cut(message, TEXT_LIMITS.errorMessage),
    line: line !== null && Number.isSafeInteger(line) && line > 0 ? line : null,
    traceback: cut(traceback, TEXT_LIMITS.traceback),
    ...(exitStatus !== undefined ? { exitStatus } : {}),
  };
  return check ? { ok: false, time: result.time, error, check } : { ok: false, time: result.time, error };
}

const label = (text: string) => cut(text, TEXT_LIMITS.label);

function cutWait(on: WaitTarget): WaitTarget {
  switch (on.kind) {
    case 'task':
      return { kind: 'task', task: label(on.task) };
    case 'gather':
      return { kind: 'gather', tasks: on.tasks.slice(0, 1000).map(label) };
    case 'future':
      return { kind: 'future', via: on.via === null ? null : label(on.via) };
    case 'network':
      return { kind: 'network', action: on.action, peer: on.peer === null ? null : label(on.peer) };
    default:
      return on;
  }
}

/** A callback of the loop, its names cut. */
function cutCallback<C extends LoopCallback>(callback: C): C {
  return { ...callback, task: callback.task === null ? null : label(callback.task), name: label(callback.name) };
}

/** A turn of the loop with every name cut, and no more entries per list than Python sends (microscope.py's MAX_ITEMS, MAX_TASKS). */
function cutTurn(turn: LoopTurn): LoopTurn {
  return {
    ...turn,
    ran: turn.ran.slice(0, TURN_LIMITS.items).map(cutCallback),
    ready: turn.ready.slice(0, TURN_LIMITS.items).map(cutCallback),
    timers: turn.timers.slice(0, TURN_LIMITS.items).map(cutCallback),
    io: turn.io
      .slice(0, TURN_LIMITS.items)
      .map((watched) => ({ ...watched, events: label(watched.events), socket: label(watched.socket), callback: label(watched.callback) })),
    tasks: turn.tasks
      .slice(0, TURN_LIMITS.tasks)
      .map((task) => ({ ...task, task: label(task.task), on: task.on === null ? null : cutWait(task.on) })),
  };
}

/** A trace event with its names cut; loop times must be finite and not negative. */
function cutEvent(event: TraceEvent): TraceEvent {
  if (event.t < 0) throw new Error('a trace event before the run began');
  switch (event.type) {
    case 'task':
      return { ...event, task: label(event.task), coro: label(event.coro) };
    case 'step':
      return { ...event, task: label(event.task) };
    case 'wait':
      return { ...event, task: label(event.task), on: cutWait(event.on) };
    case 'done':
      return {
        ...event,
        task: label(event.task),
        ...(event.result !== undefined ? { result: label(event.result) } : {}),
        ...(event.exception !== undefined ? { exception: label(event.exception) } : {}),
      };
    case 'block':
    case 'output':
      return { ...event, task: event.task === null ? null : label(event.task) };
    case 'turn':
      return cutTurn(event);
    default:
      return event;
  }
}
