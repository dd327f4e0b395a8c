/**
 * The runtime's public types: how a page creates it (`RuntimeOptions`, `WorkerLike`),
 * asks for a run (`RunRequest`) and follows one (`RunHandle`, its events and outcome).
 */
import type { PageToWorker, PythonFiles, RunOptions, RunResult, TraceEvent, WorkerToPage } from '../protocol/index.ts';

/** A worker as the client needs it: a Web Worker or a Node worker thread, adapted. */
export interface WorkerLike {
  /** `transfer`: buffers that move to the worker rather than being copied (the snapshot's). */
  postMessage(message: PageToWorker, transfer?: Transferable[]): void;
  /** What the worker sends, unchecked: the session reads it as untrusted (worker-messages.ts). */
  onMessage(handler: (message: WorkerToPage) => void): void;
  /** The worker died or failed to load. */
  onError(handler: (message: string) => void): void;
  terminate(): void;
}

export interface RuntimeOptions {
  /** Starts a worker running the worker's side (`worker/serve.ts`; the browser: a module Web Worker). */
  createWorker(): WorkerLike;
  /** Where Pyodide's files are served: the site's own copy. */
  indexURL: string;
  /**
   * A memory snapshot of the booted runtime (made at build time, see snapshot.ts):
   * Python starts in a fraction of the time. Without one, or when it does not restore,
   * the worker boots Python from scratch.
   */
  snapshotURL?: string | null;
  /**
   * The build's Subresource Integrity metadata for the files the worker fetches while it
   * boots (Pyodide's, the snapshot), by URL (see checked-fetch.ts). Default: none.
   */
  integrity?: Record<string, string>;
  /** The runtime's Python package (read once, sent to every worker that boots). */
  loadFiles(): PythonFiles | Promise<PythonFiles>;
  /** Replace the worker after a run leaves its memory above this. Default 1 GiB. */
  memoryLimit?: number;
  /**
   * Stop runs through Pyodide's interrupt buffer. Needs SharedArrayBuffer, which a
   * browser only gives a cross-origin isolated page. Without it, Stop ends the worker
   * and the next run boots a new one. Default: on when SharedArrayBuffer is usable.
   */
  interrupts?: boolean;
  /**
   * How long a stop may take through interrupts before the worker is replaced. Default
   * 200 ms: a reader's Stop must feel instant, and a program with thousands of tasks
   * takes longer than that to cancel them all (the next interpreter boots meanwhile).
   */
  stopTimeoutMs?: number;
  /**
   * Where the build serves the packages that come with the runtime (httpx and what it
   * needs, vendor/packages.ts), fetched when a program first imports one; null: none.
   */
  packagesURL?: string | null;
  /**
   * After a stop ended the worker, how long to wait before booting the next one (a Run
   * meanwhile boots it at once). Default 1000 ms: a boot keeps two cores busy for a
   * second, and the page is drawing what the stop shows (the output, the timeline).
   */
  rebootDelayMs?: number;
  /**
   * How long the page must be idle after a run before the next spare interpreter boots
   * (the one the next edited run takes). Default 500 ms: soon enough to be ready when a
   * reader has edited again, late enough not to slow the drawing of the run just ended.
   */
  spareDelayMs?: number;
  /**
   * Real time a run may take (a wait for `input()` not counted) before it is stopped as
   * a runaway. The clock never stops a program (a ten-hour sleep ends at once), so this
   * does: a share link's endless loop must not keep a reader's machine busy unseen.
   * Default 60 s: no lesson's program computes for more than a few.
   */
  runTimeLimitMs?: number;
  /**
   * A cache (Cache Storage) that a boot puts what it fetches into (keep-fetched.ts), read
   * at each boot: for a service worker that was not there to see the fetches. Default:
   * none.
   */
  keepFetchedIn?: () => string | null;
  /** Bytes a boot downloads (Pyodide's files and the snapshot), for its progress; null: unknown. */
  bootBytes?: number | null;
  /**
   * The page downloads and inflates the snapshot itself and hands it to the worker
   * (snapshot-download.ts): the page's thread is idle while the worker's is busy
   * booting. Default false: the worker downloads it (Node, where the page's thread is
   * the tests').
   */
  snapshotOnPage?: boolean;
}

/** Where a run is: waiting its turn, waiting for Python to start, running, or over. */
export type RunStatus = 'queued' | 'booting' | 'running' | 'done';

/** How a run ended, as the page shows it. */
export interface RunOutcome {
  result: RunResult;
  /** The reader stopped it. */
  stopped: boolean;
  /** Wall-clock ms from the moment it started running (booting excluded). */
  wallMs: number;
  /**
   * Its worker was ended (a Stop that interrupts could not make quick enough, or Python
   * died): `result.time` is then the last loop time the page heard of (0: none), and
   * the next run waits for a new interpreter.
   */
  workerEnded?: boolean;
}

export type RunEvent =
  | { type: 'status'; status: RunStatus }
  /** While Python boots for this run: bytes downloaded so far, of `total` (null: unknown). */
  | { type: 'download'; loaded: number; total: number | null }
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string /** loop time, s */; t: number | null }
  | { type: 'trace'; events: TraceEvent[] }
  /** The program waits in `input(prompt)`: answer it with {@link RunHandle.answer}. */
  | { type: 'input'; prompt: string }
  | { type: 'done'; outcome: RunOutcome };

export interface RunHandle {
  readonly status: RunStatus;
  /** Every event of the run, past ones first; returns a function that unsubscribes. */
  listen(listener: (event: RunEvent) => void): () => void;
  /** Stop the run: drop it from the queue, or interrupt it, or end its worker. */
  stop(): void;
  /** Answer the `input()` the program waits in (an `input` event came); ignored otherwise. */
  answer(text: string): void;
  readonly done: Promise<RunOutcome>;
}

export interface RunRequest extends Partial<RunOptions> {
  /** Also stream the run's trace (costs about as much as the run itself). */
  trace?: boolean;
  /**
   * The code is the site's own, unedited (a lesson's example as built): it may run in
   * the interpreter that every such run shares, warm, its state put back between runs
   * (fresh.py). Any other code (an edit, a share link, the playground) runs in an
   * interpreter that has run nothing before and runs nothing after: a new worker, so
   * neither its Python nor its JavaScript can reach a later run. Default false.
   */
  shared?: boolean;
}
