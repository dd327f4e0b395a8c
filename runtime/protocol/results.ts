/**
 * What a run produces, in plain serializable objects: the same shapes cross
 * `postMessage` between the page and the worker, and reach Node callers unchanged.
 */

/** What a check made of the reader's program. */
export interface CheckVerdict {
  passed: boolean;
  /** Why not, as a hint for the reader; "" when it passed. */
  message: string;
}

/** The exception that ended a program, described for a person. */
export interface RunError {
  /** The Python exception's class name, for example `RuntimeError`. */
  type: string;
  message: string;
  /** The line of the reader's program where it was raised, when it was there. */
  line: number | null;
  /** The traceback as Python prints it, limited to the reader's own frames. */
  traceback: string;
  /** A program that exited (`sys.exit(3)`, `os._exit(3)`): the status a process would exit with. */
  exitStatus?: number;
}

/** How a run ended. */
export type RunResult =
  | {
      ok: true;
      /** Virtual seconds the run took. */
      time: number;
      check?: CheckVerdict;
      /** A notebook cell's value (its last expression), as its `Out` shows it: the repr the output ends with. */
      value?: string;
    }
  | { ok: false; time: number; error: RunError; check?: CheckVerdict };

/** A run that failed, as the page or the worker says it (no line, no traceback): `time` is the last loop time known. */
export function failedRun(type: string, message: string, time = 0): RunResult & { ok: false } {
  return { ok: false, time, error: { type, message, line: null, traceback: '' } };
}

/** One piece of output, in the order the program wrote it. */
export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  /** Whole lines, or a flushed partial line. */
  text: string;
  /** Loop time (s from the run's start) the text was written at; null for the interpreter's own messages. */
  t: number | null;
}

/** What a task waits on after a step. */
export type WaitTarget =
  | { kind: 'sleep' /** Loop time (s from the run's start) it wakes at; null: never (a deadline at infinity). */; until: number | null }
  | { kind: 'task'; task: string }
  | { kind: 'gather'; tasks: string[] }
  | { kind: 'yield' }
  | { kind: 'future' /** Innermost coroutine awaiting it, e.g. `Queue.get`, `Event.wait`. */; via: string | null }
  | {
      kind: 'network';
      /** What the task waits for on a connection (runtime/python/asyncio_live/network.py). */
      action: NetworkAction;
      /** The other end, `shop.example:80` or `127.0.0.1:8888`; null when not known. */
      peer: string | null;
    };

/** Waits on the virtual network: data to read, a connection to open, room to write (drain), a close, clients. */
export type NetworkAction = 'read' | 'connect' | 'drain' | 'close' | 'serve';

/**
 * One event of a run's trace. `t` is loop time in seconds from the run's start; `task`
 * is a task name (`Task-1`), or null for code outside any task. asyncio's own
 * housekeeping tasks are left out.
 */
export type TraceEvent =
  | { type: 'task'; task: string /** `square(1)` */; coro: string; t: number }
  | { type: 'step'; task: string; t: number }
  | { type: 'wait'; task: string; t: number; on: WaitTarget }
  | { type: 'done'; task: string; t: number; result?: string; exception?: string; cancelled?: true }
  | { type: 'block'; task: string | null; t: number /** a blocking time.sleep */; seconds: number }
  | { type: 'output'; stream: 'stdout' | 'stderr'; task: string | null; t: number; text: string }
  /** The last event of a trace that was cut short, at the loop time of the cut: the first `shown` of `total` events were kept. */
  | { type: 'limit'; t: number; shown: number; total: number }
  | LoopTurn
  /** A stepped run had more turns than it records: the first `shown` of `total` were kept (`t`: where the cut fell). */
  | { type: 'turnLimit'; t: number; shown: number; total: number };

/**
 * The event loop at the end of one of its turns, in a run with the `steps` option
 * (runtime/python/asyncio_live/microscope.py): what the turn ran, and what the loop holds
 * for the next. Turn 0 is the state the loop starts from. Each list holds the first
 * entries; `more` counts the rest.
 */
export interface LoopTurn {
  type: 'turn';
  n: number;
  t: number;
  /** The callbacks this turn ran, in order. */
  ran: LoopCallback[];
  /** The ready queue: what the next turn runs first. */
  ready: LoopCallback[];
  /** The timer heap, earliest first. */
  timers: LoopTimer[];
  /** The sockets the loop's selector watches. */
  io: WatchedSocket[];
  /** The run's first tasks, in the order they were made. */
  tasks: TaskAtTurn[];
  more: { ran: number; ready: number; timers: number; io: number; tasks: number };
}

/** A callback the loop holds or ran: a task's step, its wake-up (what it awaited is done), the end of a sleep, or another callback. */
export interface LoopCallback {
  kind: 'step' | 'wake' | 'sleep' | 'callback';
  /** The task it runs or serves, when there is one. */
  task: string | null;
  /** `Task.__step`, `sleep`, `Timeout._on_timeout`, `_SelectorSocketTransport._read_ready`, a program's function. */
  name: string;
}

/** A timer of the loop's heap: the callback, due at loop time `at` (s from the run's start); null: never (at infinity). */
export interface LoopTimer extends LoopCallback {
  at: number | null;
}

/** A socket the loop's selector watches: `read`, `write` or `read+write`, and the callbacks it wakes. */
export interface WatchedSocket {
  fd: number;
  events: string;
  /** `listening on 127.0.0.1:8888`, `127.0.0.1:50000 → 127.0.0.1:8888`. */
  socket: string;
  callback: string;
}

/** A task at the end of a turn, and the line of the program it is suspended at (null when it is not suspended in the program). */
export interface TaskAtTurn {
  task: string;
  state: 'ready' | 'running' | 'waiting' | 'done' | 'cancelled' | 'failed';
  on: WaitTarget | null;
  line: number | null;
}

/** How an interpreter started. */
export interface BootInfo {
  /** ms from the boot request to ready. */
  bootMs: number;
  /** Restored from a memory snapshot; false after an ordinary boot (no snapshot, or one that failed). */
  fromSnapshot: boolean;
  /** Where the boot's time went (the page benchmark prints it). */
  phases?: BootPhases;
  /** The same on a clock the page shares: ms since the epoch (`performance.timeOrigin` + now). */
  timing?: BootTiming;
}

/** When the worker started, was asked to boot, and fetched each file, in ms since the epoch. */
export interface BootTiming {
  workerStarted: number;
  bootRequested: number;
  files: { name: string; start: number; end: number }[];
}

/**
 * When each step of a boot ended, in ms from the boot request: the snapshot downloaded
 * and inflated (a snapshot boot), Pyodide loaded (its files fetched and compiled, the
 * memory restored), the runtime installed (set up and warmed up).
 */
export interface BootPhases {
  snapshotDownloaded?: number;
  snapshotInflated?: number;
  pyodideLoaded?: number;
  installed?: number;
}

/** The runtime's Python package, as path (relative to its root) -> source. */
export type PythonFiles = Record<string, string>;
