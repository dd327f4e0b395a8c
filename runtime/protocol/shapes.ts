/**
 * The shapes that cross from Python to TypeScript, checked where they cross. Python
 * builds results and trace events as dicts and sends them as JSON; a field renamed on
 * one side only would otherwise surface far away, as an `undefined` in the page. Here
 * it fails at once, naming the field.
 *
 * A small hand-written schema (not a library): the runtime also runs in the page's
 * worker, and these few shapes do not justify a dependency there.
 */
import type {
  CheckVerdict,
  LoopCallback,
  LoopTimer,
  LoopTurn,
  NetworkAction,
  RunError,
  RunResult,
  TaskAtTurn,
  TraceEvent,
  WaitTarget,
  WatchedSocket,
} from './index.ts';

/** Python sent something `protocol.ts` does not describe: a bug of the runtime, not of the reader. */
export class ProtocolError extends Error {
  readonly type = 'ProtocolError';
  constructor(what: string, path: string, value: unknown) {
    super(`the runtime's ${what} does not match protocol.ts at ${path}: got ${preview(value)}`);
    this.name = 'ProtocolError';
  }
}

/** Reads `value` as a T, or throws a ProtocolError naming where it differs. */
type Schema<T> = (value: unknown, path: string) => T;

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function is<T>(what: string, test: (value: unknown) => boolean): Schema<T> {
  return (value, path) => {
    if (!test(value)) throw new ProtocolError(what, path, value);
    return value as T;
  };
}

const string = is<string>('string', (v) => typeof v === 'string');
const number = is<number>('number', (v) => typeof v === 'number' && Number.isFinite(v));
const boolean = is<boolean>('boolean', (v) => typeof v === 'boolean');

function literal<const T extends string | boolean>(...allowed: T[]): Schema<T> {
  return is<T>(allowed.map((a) => JSON.stringify(a)).join(' or '), (v) => (allowed as unknown[]).includes(v));
}

function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, path) => (value === null ? null : schema(value, path));
}

function array<T>(schema: Schema<T>): Schema<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new ProtocolError('list', path, value);
    return value.map((item, i) => schema(item, `${path}[${i}]`));
  };
}

type Fields<T> = { [K in keyof T]-?: Schema<T[K]> };

/**
 * An object with exactly these fields (`optional` ones may be missing). Extra fields are
 * refused too: they mean the two sides have drifted apart.
 */
function object<T>(fields: Fields<T>, optional: (keyof T)[] = []): Schema<T> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProtocolError('object', path, value);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(key in fields)) throw new ProtocolError(`object without "${key}"`, path, value);
    }
    for (const [key, schema] of Object.entries(fields) as [string, Schema<unknown>][]) {
      if (!(key in record)) {
        if ((optional as string[]).includes(key)) continue;
        throw new ProtocolError(`field "${key}"`, path, value);
      }
      schema(record[key], `${path}.${key}`);
    }
    return value as T;
  };
}

/** One of several object shapes, told apart by the field `tag`. */
function tagged<T>(tag: string, shapes: Record<string, Schema<T>>): Schema<T> {
  return (value, path) => {
    const kind = (value as Record<string, unknown> | null)?.[tag];
    const shape = typeof kind === 'string' ? shapes[kind] : undefined;
    if (!shape) throw new ProtocolError(`${tag} (${Object.keys(shapes).join(', ')})`, `${path}.${tag}`, kind);
    return shape(value, path);
  };
}

const runError = object<RunError>({ type: string, message: string, line: nullable(number), traceback: string, exitStatus: number }, [
  'exitStatus',
]);
const checkVerdict = object<CheckVerdict>({ passed: boolean, message: string });

const runResultSchema: Schema<RunResult> = (value, path) => {
  const ok = (value as { ok?: unknown } | null)?.ok;
  if (ok === true)
    return object<RunResult & { ok: true }>({ ok: literal(true), time: number, check: checkVerdict, value: string }, ['check', 'value'])(
      value,
      path,
    );
  return object<RunResult & { ok: false }>({ ok: literal(false), time: number, error: runError, check: checkVerdict }, ['check'])(
    value,
    path,
  );
};

const waitTarget = tagged<WaitTarget>('kind', {
  sleep: object({ kind: literal('sleep'), until: nullable(number) }),
  task: object({ kind: literal('task'), task: string }),
  gather: object({ kind: literal('gather'), tasks: array(string) }),
  yield: object({ kind: literal('yield') }),
  future: object({ kind: literal('future'), via: nullable(string) }),
  network: object({
    kind: literal('network'),
    action: literal<NetworkAction>('read', 'connect', 'drain', 'close', 'serve'),
    peer: nullable(string),
  }),
});

const loopCallbackFields = {
  kind: literal<LoopCallback['kind']>('step', 'wake', 'sleep', 'callback'),
  task: nullable(string),
  name: string,
};
const loopCallback = object<LoopCallback>(loopCallbackFields);
const loopTimer = object<LoopTimer>({ ...loopCallbackFields, at: nullable(number) });
const watchedSocket = object<WatchedSocket>({ fd: number, events: string, socket: string, callback: string });
const taskAtTurn = object<TaskAtTurn>({
  task: string,
  state: literal<TaskAtTurn['state']>('ready', 'running', 'waiting', 'done', 'cancelled', 'failed'),
  on: nullable(waitTarget),
  line: nullable(number),
});
const loopTurn = object<LoopTurn>({
  type: literal('turn'),
  n: number,
  t: number,
  ran: array(loopCallback),
  ready: array(loopCallback),
  timers: array(loopTimer),
  io: array(watchedSocket),
  tasks: array(taskAtTurn),
  more: object<LoopTurn['more']>({ ran: number, ready: number, timers: number, io: number, tasks: number }),
});

type Event<K extends TraceEvent['type']> = Extract<TraceEvent, { type: K }>;
const traceEventSchema = tagged<TraceEvent>('type', {
  task: object<Event<'task'>>({ type: literal('task'), task: string, coro: string, t: number }),
  step: object<Event<'step'>>({ type: literal('step'), task: string, t: number }),
  wait: object<Event<'wait'>>({ type: literal('wait'), task: string, t: number, on: waitTarget }),
  done: object<Event<'done'>>(
    { type: literal('done'), task: string, t: number, result: string, exception: string, cancelled: literal(true) },
    ['result', 'exception', 'cancelled'],
  ),
  block: object<Event<'block'>>({ type: literal('block'), task: nullable(string), t: number, seconds: number }),
  output: object<Event<'output'>>({
    type: literal('output'),
    stream: literal('stdout', 'stderr'),
    task: nullable(string),
    t: number,
    text: string,
  }),
  limit: object<Event<'limit'>>({ type: literal('limit'), t: number, shown: number, total: number }),
  turn: loopTurn,
  turnLimit: object<Event<'turnLimit'>>({ type: literal('turnLimit'), t: number, shown: number, total: number }),
});
const traceBatchSchema = array(traceEventSchema);

/** A run's result as Python sent it (JSON), checked against {@link RunResult}. */
export function readRunResult(json: string): RunResult {
  return checkRunResult(JSON.parse(json));
}

/** A batch of trace events as Python sent it (a JSON array), each checked against {@link TraceEvent}. */
export function readTraceBatch(json: string): TraceEvent[] {
  return checkTraceEvents(JSON.parse(json));
}

/** A value (from the worker, say) checked against {@link RunResult}. */
export function checkRunResult(value: unknown): RunResult {
  return runResultSchema(value, 'result');
}

/** A value checked as a list of {@link TraceEvent}. */
export function checkTraceEvents(value: unknown): TraceEvent[] {
  return traceBatchSchema(value, 'events');
}
