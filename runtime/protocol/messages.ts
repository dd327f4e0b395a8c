/**
 * What a run produces, in plain serializable objects: the same shapes cross
 * `postMessage` between the page and the worker, and reach Node callers unchanged.
 */

/**
 * Options of one run, all of them. Callers give a `Partial<RunOptions>`; what they leave
 * out comes from {@link RUN_DEFAULTS}, the only place defaults live. The whole object
 * crosses to Python as one JSON object (runner.py's `run` reads each field by this name),
 * so adding an option means: a field here, its default below, and the Python that reads it.
 */
export interface RunOptions {
  /**
   * When true, computation costs no virtual time: only waits move the clock, so
   * printed times are exact (doc-tests). When false, the clock also counts the real
   * time Python spent computing, so "the loop is blocked" examples tell the truth.
   */
  deterministic: boolean;
  /** Lines of output (stdout and stderr together) a run may print. */
  maxOutputLines: number;
  /** Bytes of output a run may print. */
  maxOutputBytes: number;
  /** Check an exercise after the program (see {@link ExerciseCheck}), or null. */
  check: ExerciseCheck | null;
  /**
   * Run the code as a Jupyter notebook cell, not as a script: inside an event loop that
   * is already running (the kernel's), with `await` allowed at the top level and the
   * value of a last bare expression shown.
   */
  notebook: boolean;
  /**
   * An example's hidden setup, run around the code in the same namespace: `before` first,
   * `after` last. The code is then compiled on its own, so tracebacks, warnings and the
   * error's line count the lines the reader sees (hidden lines never counted), and the
   * setup's own frames stay out of the reader's traceback, as asyncio's do. Null: the
   * code is the whole program.
   */
  setup: ProgramSetup | null;
}

/** Hidden lines of an example, before and after the code the reader sees and edits. */
export interface ProgramSetup {
  before: string;
  after: string;
}

/** What a run gets for each option it does not set: a reader's run on the page. */
export const RUN_DEFAULTS: Readonly<RunOptions> = Object.freeze({
  deterministic: false,
  maxOutputLines: 10_000,
  maxOutputBytes: 1_000_000,
  check: null,
  notebook: false,
  setup: null,
});

/** `given` completed with the defaults (an explicit `undefined` counts as not given). */
export function runOptions(given: Partial<RunOptions> = {}): RunOptions {
  const set = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return { ...RUN_DEFAULTS, ...set };
}

/**
 * Hidden Python that runs after the reader's program, in a copy of its namespace, with
 * `printed` (what the program wrote to stdout), `prediction` (the reader's guess of it,
 * or "") and `lines(text)` (its non-blank lines, stripped) added. It fails the exercise
 * by raising AssertionError with a hint; its own output is never shown.
 */
export interface ExerciseCheck {
  code: string;
  /** What the reader predicts the program prints (predict exercises). */
  prediction?: string | null;
}

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
  | { kind: 'sleep'; /** Loop time (s from the run's start) it wakes at. */ until: number }
  | { kind: 'task'; task: string }
  | { kind: 'gather'; tasks: string[] }
  | { kind: 'yield' }
  | { kind: 'future'; /** Innermost coroutine awaiting it, e.g. `Queue.get`, `Event.wait`. */ via: string | null }
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
  | { type: 'task'; task: string; /** `square(1)` */ coro: string; t: number }
  | { type: 'step'; task: string; t: number }
  | { type: 'wait'; task: string; t: number; on: WaitTarget }
  | { type: 'done'; task: string; t: number; result?: string; exception?: string; cancelled?: true }
  | { type: 'block'; task: string | null; t: number; /** a blocking time.sleep */ seconds: number }
  | { type: 'output'; stream: 'stdout' | 'stderr'; task: string | null; t: number; text: string }
  /** The last event of a trace that was cut short, at the loop time of the cut: the first `shown` of `total` events were kept. */
  | { type: 'limit'; t: number; shown: number; total: number };

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

/**
 * `input()` in the page: the worker asks (`run/input`) and waits on `inputBuffer` (an
 * Int32Array over a SharedArrayBuffer, so the page must be cross-origin isolated) until
 * the page answers. Int32 0 is the state, Int32 1 the answer's length in bytes, and the
 * answer's UTF-8 bytes follow from byte 8.
 */
export const INPUT = {
  /** The worker is waiting. */
  WAITING: 0,
  /** The page wrote an answer. */
  ANSWERED: 1,
  /** The reader stopped the run instead. */
  STOPPED: 2,
  /** The longest answer, in bytes: enough for any line a learner types. */
  MAX_BYTES: 64 * 1024,
  BYTES_AT: 8,
} as const;

/** Events a run's trace keeps; past them, one `limit` event says how many there were. */
export const TRACE_LIMIT = 10_000;

/**
 * The longest text of each kind that crosses from a run to the page, in characters.
 * The runner cuts at these (runner.py, trace.py: the same numbers), and the page cuts
 * again whatever a worker sends (worker-messages.ts): a 60 MB exception message or a
 * 100 KB task name froze the page for seconds.
 */
export const TEXT_LIMITS = {
  /** An exception's class name. */
  errorType: 200,
  /** An exception's message. */
  errorMessage: 10_000,
  /** A traceback, whole. */
  traceback: 50_000,
  /** A task's name, a coroutine's label, a result or an exception in the trace. */
  label: 200,
  /** What an exercise's check says of the reader's program. */
  verdict: 2_000,
  /** The prompt of `input()`. */
  prompt: 2_000,
  /** A notebook cell's value, as its repr. */
  value: 10_000,
  /** A boot's failure, as the worker tells it. */
  failure: 500,
} as const;

/** How long the worker gathers output before it sends it on: short enough to read as live. */
export const OUTPUT_BATCH_MS = 40;

/** What the page (the client) sends to the worker. Every request carries an `id`. */
export type PageToWorker =
  | {
      type: 'worker/boot';
      id: number;
      /** Where Pyodide's own files are served (the site's copy, never a CDN). */
      indexURL: string;
      files: PythonFiles;
      /** A memory snapshot of the booted runtime to restore (gzipped), or null to boot from scratch. */
      snapshotURL: string | null;
      /** The page downloads the snapshot itself and sends it (`worker/snapshot`): the worker must not. */
      snapshotFromPage?: boolean;
      /** Subresource Integrity metadata of the files the boot fetches, by URL (checked-fetch.ts). */
      integrity?: Record<string, string>;
      /** A cache to put what the boot fetches into, for the site's service worker (keep-fetched.ts); null: none. */
      keepIn?: string | null;
      /** One Int32 on a SharedArrayBuffer that the page writes 2 into to stop a run. */
      interruptBuffer: Int32Array | null;
      /** Where the page writes what the reader types for `input()` (see {@link INPUT}); null: no input. */
      inputBuffer?: Int32Array | null;
      /** Pyodide's WebAssembly, compiled by an earlier worker of the page: instantiated, not compiled again. */
      module?: WebAssembly.Module | null;
    }
  /** The snapshot the page downloaded, inflated (its buffer transferred); null: none, boot from scratch. */
  | { type: 'worker/snapshot'; id: number; bytes: Uint8Array | null }
  /** The packages that come with the runtime (python-packages.ts), sent before the first run that imports one. */
  | { type: 'worker/packages'; id: number; files: PythonFiles }
  | { type: 'run/start'; id: number; code: string; options: Partial<RunOptions>; trace: boolean };

/** How often a booting worker tells the page how much it has downloaded, at most. */
export const PROGRESS_MS = 100;

/** What the worker sends back; each reply repeats the `id` of its request. */
export type WorkerToPage =
  /** Booted; `module`: Pyodide's compiled WebAssembly, for the page's next workers. */
  | { type: 'worker/ready'; id: number; boot: BootInfo; module?: WebAssembly.Module | null }
  /** While it boots: bytes of Pyodide's files and the snapshot downloaded so far (at most every {@link PROGRESS_MS}). */
  | { type: 'worker/progress'; id: number; loaded: number }
  /** The program called `input(prompt)` and waits for the page's answer on the input buffer. */
  | { type: 'run/input'; id: number; prompt: string }
  | { type: 'worker/failed'; id: number; message: string }
  /** Output in order, gathered for up to {@link OUTPUT_BATCH_MS} (a message per line flooded the page). */
  | { type: 'run/output'; id: number; chunks: OutputChunk[] }
  /** Trace events come in batches (one message per event flooded the page). */
  | { type: 'run/trace'; id: number; events: TraceEvent[] }
  | {
      type: 'run/done';
      id: number;
      result: RunResult;
      /** Bytes the interpreter's memory has grown to; it never shrinks. */
      memory: number;
      /** The interpreter crashed and cannot run anything more: replace the worker. */
      fatal: boolean;
    };
