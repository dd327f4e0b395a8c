import { keepingFetch } from '../download/keep-fetched.ts';
import { INPUT, PROGRESS_MS, TEXT_LIMITS, TRACE_LIMIT, runOptions, type BootInfo, type OutputChunk, type PageToWorker, type PythonFiles, type RunOptions, type RunResult, type TraceEvent, type WorkerToPage } from '../protocol/index.ts';
import { countingFetch, throttled } from '../download/progress.ts';
import { importsPackages } from '../vendor/packages.ts';
import { downloadSnapshot } from '../download/snapshot-download.ts';
import { MALFORMED, cut, readWorkerMessage } from './worker-messages.ts';

/** A worker as the client needs it: a Web Worker or a Node worker thread, adapted. */
export interface WorkerLike {
  /** `transfer`: buffers that move to the worker rather than being copied (the snapshot's). */
  postMessage(message: PageToWorker, transfer?: Transferable[]): void;
  onMessage(handler: (message: WorkerToPage) => void): void;
  /** The worker died or failed to load. */
  onError(handler: (message: string) => void): void;
  terminate(): void;
}

export interface RuntimeOptions {
  /** Starts a worker running `worker-core.ts` (the browser: a module Web Worker). */
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
   * needs, python-packages.ts), fetched when a program first imports one; null: none.
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
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string; /** loop time, s */ t: number | null }
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

const STOP_REPEAT_MS = 50;
const SIGINT = 2;

/** Beyond a run's output limits, what the runtime's own "output cut" line may add. */
const OUTPUT_SLACK = { lines: 4, chars: 4096 };

/**
 * One runtime per page, shared by every example on it, runs taken one at a time in the
 * order asked (FIFO). Its workers:
 * - the shared one runs the site's own examples, unedited (`shared` runs), and nothing else;
 * - every other run takes a worker that has run nothing (the spare, booted while the page
 *   is idle), which is ended when the run ends: a program from a share link cannot leave
 *   anything, in Python or in the worker's JavaScript, for a later run to meet.
 * A spare that no `shared` run has met yet becomes the shared one for the first of them,
 * so a page's first Run boots one interpreter, never two.
 */
export class Runtime {
  readonly #options: Required<Omit<RuntimeOptions, 'interrupts' | 'snapshotURL' | 'packagesURL' | 'bootBytes' | 'keepFetchedIn'>> & {
    keepFetchedIn: () => string | null;
    interrupts: boolean;
    snapshotURL: string | null;
    packagesURL: string | null;
    bootBytes: number | null;
  };
  #packages: Promise<PythonFiles | null> | null = null;
  readonly #queue: Run[] = [];
  /** Runs the site's own examples, and only them. */
  #shared: WorkerSession | null = null;
  /** Booted (or booting), and has run nothing yet. */
  #spare: WorkerSession | null = null;
  #current: Run | null = null;
  #nextId = 1;
  #files: Promise<PythonFiles> | null = null;
  /** The snapshot, downloaded and inflated once per page; each new worker gets a copy. */
  #snapshot: Promise<Uint8Array | null> | null = null;
  /** Pyodide's WebAssembly, compiled by the first worker and handed to the next (no compile again). */
  #module: WebAssembly.Module | null = null;
  #reboot: ReturnType<typeof setTimeout> | undefined;
  /** destroy() was called: no spare boots any more. */
  #destroyed = false;

  constructor(options: RuntimeOptions) {
    this.#options = {
      memoryLimit: 1024 ** 3,
      stopTimeoutMs: 200,
      rebootDelayMs: 1000,
      spareDelayMs: 500,
      runTimeLimitMs: 60_000,
      snapshotURL: null,
      packagesURL: null,
      bootBytes: null,
      snapshotOnPage: false,
      integrity: {},
      keepFetchedIn: () => null,
      interrupts: typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated !== false,
      ...options,
    };
  }

  /** Can Stop interrupt a run, or must it end the worker? */
  get interrupts(): boolean {
    return this.#options.interrupts;
  }

  /** Boot Python in the background, so that the first Run rarely waits. */
  preload(): Promise<BootInfo> {
    const shared = this.#alive(this.#shared);
    return (shared ?? this.#spareSession()).ready;
  }

  /**
   * Boot the interpreter the next run of code that is not the site's own will take (the
   * spare), if there is none: the page asks when a reader starts to edit, so that their
   * Run does not wait for it.
   */
  preloadSpare(): Promise<BootInfo> {
    clearTimeout(this.#reboot);
    return this.#spareSession().ready;
  }

  run(code: string, request: RunRequest = {}): RunHandle {
    clearTimeout(this.#reboot);
    const run = new Run(this.#nextId++, code, request, (target) => this.#stop(target));
    this.#queue.push(run);
    void this.#pump();
    return run;
  }

  /** End the worker and every run. */
  destroy(): void {
    for (const run of this.#queue.splice(0)) run.finish(failure('Stopped', 'The page closed the runtime.'), true);
    this.#current?.finish(failure('Stopped', 'The page closed the runtime.'), true);
    clearTimeout(this.#reboot);
    this.#shared?.end();
    this.#spare?.end();
    this.#current?.session?.end();
    this.#shared = this.#spare = null;
    this.#destroyed = true;
  }

  #alive(session: WorkerSession | null): WorkerSession | null {
    return session && !session.ended ? session : null;
  }

  /** The spare, booted now if there is none. */
  #spareSession(): WorkerSession {
    this.#spare = this.#alive(this.#spare) ?? this.#newSession();
    return this.#spare;
  }

  /** Where `run` runs: the shared worker for the site's own code, else a worker no code has run in. */
  #sessionFor(run: Run): WorkerSession {
    if (run.shared) {
      this.#shared = this.#alive(this.#shared) ?? this.#takeSpare();
      return this.#shared;
    }
    return this.#takeSpare();
  }

  #takeSpare(): WorkerSession {
    const session = this.#spareSession();
    this.#spare = null;
    return session;
  }

  #newSession(): WorkerSession {
    this.#files ??= Promise.resolve(this.#options.loadFiles());
    const snapshot = this.#options.snapshotOnPage && this.#options.snapshotURL ? this.#pageSnapshot(this.#options.snapshotURL) : null;
    // Declared first: the handlers below name the session they belong to.
    const session: WorkerSession = new WorkerSession(
      this.#options,
      this.#files,
      snapshot,
      this.#module,
      (message) => this.#fromWorker(session, message),
      (why) => this.#workerDied(session, why),
    );
    void session.ready.then(() => (this.#module ??= session.module), () => {});
    return session;
  }

  /**
   * The snapshot, fetched and inflated once; a copy for each worker (its buffer is
   * transferred to that worker). Null: none, or not the build's (that worker boots from scratch).
   */
  #pageSnapshot(url: string): (onProgress: (loaded: number) => void) => Promise<Uint8Array | null> {
    return async (onProgress) => {
      if (!this.#snapshot) {
        const counted = countingFetch(this.#keeping(globalThis.fetch.bind(globalThis)), throttled(onProgress, PROGRESS_MS));
        this.#snapshot = downloadSnapshot(counted, url, this.#options.integrity[url]).catch(() => null);
        // A failed download is tried again by the next worker.
        void this.#snapshot.then((bytes) => bytes === null && (this.#snapshot = null));
      }
      const bytes = await this.#snapshot;
      return bytes ? bytes.slice() : null;
    };
  }

  /**
   * Boots the next spare once the page has been idle for spareDelayMs (a run or a draw
   * meanwhile would share the cores with it): the next edited run then starts at once.
   * (The page also asks for one as soon as a reader's code differs from the lesson's.)
   */
  #keepSpare(delay = this.#options.spareDelayMs): void {
    clearTimeout(this.#reboot);
    if (this.#destroyed) return;
    this.#reboot = setTimeout(() => {
      if (this.#current || this.#queue.length > 0) return;
      if (!this.#alive(this.#spare)) void this.#spareSession().ready.catch(() => {});
    }, delay);
  }

  async #pump(): Promise<void> {
    if (this.#current || this.#queue.length === 0) return;
    const run = this.#queue.shift()!;
    this.#current = run;
    const session = this.#sessionFor(run);
    run.session = session;
    if (!session.isReady) run.setStatus('booting');
    try {
      await session.ready;
    } catch (error) {
      // The session has ended its worker; the next run boots a new one.
      if (this.#shared === session) this.#shared = null;
      this.#end(run, failure('BootError', `Python could not start: ${(error as Error).message}`));
      return;
    }
    if (this.#current !== run || run.status === 'done') return;
    if (!session.hasPackages && this.#options.packagesURL && importsPackages(run.code, run.options.check?.code)) {
      const files = await this.#fetchPackages(this.#options.packagesURL);
      // Stopped (or its worker lost) while the packages downloaded.
      if (this.#current !== run || (run.status as RunStatus) === 'done') return;
      // Without them the import fails in Python, with Python's own message.
      if (files) session.post({ type: 'worker/packages', id: run.id, files });
      session.hasPackages = files !== null;
    }
    if (!run.shared) session.ranOthersCode = true;
    run.setStatus('running');
    this.#limitTime(run);
    const input = session.input;
    run.answerWith = input ? (text) => answerInput(input, INPUT.ANSWERED, text) : null;
    session.post({ type: 'run/start', id: run.id, code: run.code, options: run.options, trace: run.trace });
  }

  /** Stops `run` as a runaway once it has run for runTimeLimitMs (waits for input not counted). */
  #limitTime(run: Run): void {
    const limit = this.#options.runTimeLimitMs;
    let spent = 0;
    let last = performance.now();
    const watch = setInterval(
      () => {
        const now = performance.now();
        if (!run.waitsForInput) spent += now - last;
        last = now;
        if (spent < limit) return;
        clearInterval(watch);
        run.overTime = limit;
        this.#stop(run);
      },
      Math.min(1000, limit / 4),
    );
    void run.done.finally(() => clearInterval(watch));
  }

  /** `fetch`, keeping what it gets where the options say (keep-fetched.ts). */
  #keeping(original: typeof fetch): typeof fetch {
    const cacheName = this.#options.keepFetchedIn();
    return cacheName && globalThis.caches ? keepingFetch(original, cacheName, globalThis.caches) : original;
  }

  /** The packages, fetched once per page (a new worker gets the same files). */
  #fetchPackages(url: string): Promise<PythonFiles | null> {
    this.#packages ??= this.#keeping(fetch)(url)
      .then((response) => (response.ok ? (response.json() as Promise<PythonFiles>) : null))
      .catch(() => null)
      .then((files) => {
        // A failed download is tried again by the next run that needs it.
        if (files === null) this.#packages = null;
        return files;
      });
    return this.#packages;
  }

  /**
   * A message from `session`'s worker, already checked against protocol.ts and cut to
   * its limits (worker-messages.ts). Only the worker of the run under way is heard, and
   * only about that run.
   */
  #fromWorker(session: WorkerSession, message: WorkerToPage): void {
    const run = this.#current;
    if (!run || run.session !== session) return;
    if (message.type === 'worker/progress') {
      // The boot's download, told to the run that waits for it.
      if (run.status === 'booting') run.emit({ type: 'download', loaded: message.loaded, total: this.#options.bootBytes });
      return;
    }
    if (message.id !== run.id || run.status !== 'running') return;
    switch (message.type) {
      case 'run/output':
        if (!run.received(message.chunks)) this.#overflowed(run);
        break;
      case 'run/trace':
        run.receivedTrace(message.events);
        break;
      case 'run/input':
        run.waitsForInput = true;
        run.emit({ type: 'input', prompt: message.prompt });
        break;
      case 'run/done':
        if (message.fatal || message.memory > this.#options.memoryLimit) this.#replaceWorker(session);
        this.#end(run, message.result);
        break;
      default:
        break;
    }
  }

  /**
   * The worker sent more output than the run's limits allow: its runtime caps output
   * before it sends it, so a program has taken over its worker's JavaScript. The run
   * ends with its worker.
   */
  #overflowed(run: Run): void {
    this.#endSession(run.session);
    this.#end(run, { ...failure('OutputLimitExceeded', 'this program sent more output than a run may print, past the runtime\'s own limit, so the page ended it.'), time: run.lastLoopTime() }, true);
  }

  #end(run: Run, result: RunResult, workerEnded = false): void {
    run.finish(result, run.stopRequested, workerEnded);
    // A worker that ran code other than the site's runs nothing more.
    if (run.session && run.session !== this.#shared) run.session.end();
    if (this.#current === run) this.#current = null;
    // A reader who runs code of their own will likely run some again: the next worker
    // for it boots while they edit. (One who only runs the lesson's examples needs none.)
    if (!run.shared) this.#keepSpare();
    void this.#pump();
  }

  #stop(run: Run): void {
    if (run.status === 'done') return;
    const queued = this.#queue.indexOf(run);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      run.finish(failure('Stopped', 'Stopped before it started.'), true);
      return;
    }
    if (this.#current !== run) return;
    const session = run.session;
    // The worker is blocked waiting for an answer: wake it, saying the run is stopped.
    // That ends a program that waits at its top level; one inside asyncio.run still needs
    // the interrupts below, which wait a moment: written at once, one landed while the
    // program was already ending and broke its output's last flush ("Exception ignored
    // while finalizing file").
    const woken = run.waitsForInput && session?.input ? session.input : null;
    if (woken) {
      answerInput(woken, INPUT.STOPPED, '');
      run.waitsForInput = false;
    }
    if (run.status === 'running' && session?.interrupt) {
      // CPython reads the flag and then clears it, not atomically: a write can be lost,
      // and asyncio.run needs two (its Runner catches the first). Write until it ends.
      const interrupt = session.interrupt;
      const write = () => Atomics.store(interrupt, 0, SIGINT);
      let repeat: ReturnType<typeof setInterval> | undefined;
      const begin = () => {
        write();
        repeat = setInterval(write, STOP_REPEAT_MS);
      };
      const later = woken ? setTimeout(begin, STOP_REPEAT_MS * 2) : undefined;
      if (!woken) begin();
      const giveUp = setTimeout(() => this.#killCurrent(run), this.#options.stopTimeoutMs);
      void run.done.finally(() => {
        clearTimeout(later);
        clearInterval(repeat);
        clearTimeout(giveUp);
      });
      return;
    }
    this.#killCurrent(run);
  }

  /**
   * Stop without interrupts (or when they were too slow): end the worker itself, and
   * boot the next interpreter soon, so the next Run rarely waits for it.
   */
  #killCurrent(run: Run): void {
    if (this.#current !== run || run.status === 'done') return;
    this.#endSession(run.session);
    this.#end(run, { ...failure('Stopped', 'You stopped the program.'), time: run.lastLoopTime() }, true);
    this.#keepSpare(this.#options.rebootDelayMs);
  }

  #replaceWorker(session: WorkerSession): void {
    this.#endSession(session);
    // Boot the next interpreter now, so the next Run does not wait for it.
    this.#keepSpare(0);
  }

  /** Ends `session`'s worker; the next shared run then takes a new one. */
  #endSession(session: WorkerSession | null): void {
    session?.end();
    if (this.#shared === session) this.#shared = null;
  }

  #workerDied(session: WorkerSession, why: string): void {
    if (this.#shared === session) this.#shared = null;
    if (this.#spare === session) this.#spare = null;
    const run = this.#current;
    // Once code other than the site's has run in a worker, what it says of its own death
    // is that code's to choose (an exception thrown in a JavaScript callback): not told.
    const reason = session.ranOthersCode ? '' : ` (${cut(why, TEXT_LIMITS.failure)})`;
    if (run?.session === session) this.#end(run, { ...failure('FatalError', `Python stopped working${reason} and will be restarted.`), time: run.lastLoopTime() }, true);
  }
}

/**
 * One worker and the interpreter it boots. Every way it can fail (the worker does not
 * load, Python does not start, the runtime's files do not arrive, the page ends it)
 * ends the worker and settles `ready`, so no run waits forever and no worker is left
 * running unseen.
 */
class WorkerSession {
  readonly ready: Promise<BootInfo>;
  readonly interrupt: Int32Array | null;
  /** Where answers to `input()` go (protocol.ts's INPUT); null without SharedArrayBuffer. */
  readonly input: Int32Array | null;
  isReady = false;
  /** Code other than the site's own has run in it: it is ended after that run, and nothing it says is trusted. */
  ranOthersCode = false;
  /** Pyodide's WebAssembly as this worker compiled it (once ready), for the next. */
  module: WebAssembly.Module | null = null;
  /** Its worker has the packages that come with the runtime (sent before the first run that imports one). */
  hasPackages = false;
  #worker: WorkerLike | null = null;
  #ended = false;
  #reject!: (error: Error) => void;

  constructor(
    options: {
      createWorker(): WorkerLike;
      indexURL: string;
      snapshotURL: string | null;
      integrity: Record<string, string>;
      interrupts: boolean;
      keepFetchedIn: () => string | null;
    },
    files: Promise<PythonFiles>,
    /** The snapshot as the page downloads it (null: the worker fetches it itself, or boots without). */
    snapshot: ((onProgress: (loaded: number) => void) => Promise<Uint8Array | null>) | null,
    /** Pyodide's WebAssembly as an earlier worker compiled it, or null. */
    module: WebAssembly.Module | null,
    onMessage: (message: WorkerToPage) => void,
    onDied: (why: string) => void,
  ) {
    this.interrupt = options.interrupts ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.input = options.interrupts ? new Int32Array(new SharedArrayBuffer(INPUT.BYTES_AT + INPUT.MAX_BYTES)) : null;
    let resolve!: (boot: BootInfo) => void;
    this.ready = new Promise<BootInfo>((ok, fail) => {
      resolve = ok;
      this.#reject = fail;
    });
    // A failed boot is reported to the run that waits for it, not as unhandled.
    this.ready.catch(() => {});
    let worker: WorkerLike;
    try {
      worker = options.createWorker();
    } catch (error) {
      this.end(`the worker could not be created: ${(error as Error).message}`);
      return;
    }
    this.#worker = worker;
    // The boot's download, counted on both sides when the page takes the snapshot.
    let workerLoaded = 0;
    let pageLoaded = 0;
    const progress = () => onMessage({ type: 'worker/progress', id: 0, loaded: workerLoaded + pageLoaded });
    // Started once the boot request is on its way: begun before, it held that request
    // back on this thread, and the worker started Pyodide's own downloads later.
    const sendSnapshot = (download: NonNullable<typeof snapshot>) => {
      void download((loaded) => ((pageLoaded = loaded), progress())).then((bytes) =>
        this.post({ type: 'worker/snapshot', id: 0, bytes }, bytes ? [bytes.buffer] : []),
      );
    };
    worker.onMessage((data) => {
      if (this.#ended) return;
      // Whatever a worker sends is checked and cut to size first: a program may have
      // taken over its JavaScript (worker-messages.ts).
      const message = readWorkerMessage(data);
      if (message === MALFORMED) {
        const why = 'the worker sent the page something it does not understand';
        this.end(why);
        onDied(why);
        return;
      }
      if (message.type === 'worker/progress') {
        if (this.isReady) return;
        workerLoaded = message.loaded;
        progress();
      } else if (message.type === 'worker/ready') {
        if (this.isReady) return;
        this.isReady = true;
        this.module = message.module ?? null;
        resolve(message.boot);
      } else if (message.type === 'worker/failed') {
        this.end(message.message);
      } else {
        onMessage(message);
      }
    });
    worker.onError((why) => {
      if (this.#ended) return;
      this.end(why);
      onDied(why);
    });
    void files.then(
      (pythonFiles) => {
        if (this.#ended) return;
        this.post({
          type: 'worker/boot',
          id: 0,
          indexURL: options.indexURL,
          snapshotURL: options.snapshotURL,
          snapshotFromPage: snapshot !== null,
          integrity: options.integrity,
          keepIn: options.keepFetchedIn(),
          files: pythonFiles,
          interruptBuffer: this.interrupt,
          inputBuffer: this.input,
          module,
        });
        if (snapshot) sendSnapshot(snapshot);
      },
      (error: Error) => this.end(`the runtime's files could not be loaded: ${error.message}`),
    );
  }

  /** Has this worker ended (failed, or ended by the page)? */
  get ended(): boolean {
    return this.#ended;
  }

  post(message: PageToWorker, transfer: Transferable[] = []): void {
    if (this.#ended) return;
    this.#worker?.postMessage(message, transfer);
  }

  /** End the worker; a boot still under way fails with `why`. */
  end(why = 'the worker was ended'): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#worker?.terminate();
    // Settles nothing once ready has resolved; otherwise the waiting run hears why.
    this.#reject(new Error(why));
  }
}

class Run implements RunHandle {
  status: RunStatus = 'queued';
  stopRequested = false;
  /** Stopped as a runaway, after this many ms of running (null: not). */
  overTime: number | null = null;
  /** The program waits in `input()` for an answer. */
  waitsForInput = false;
  /** Writes the answer where the worker waits for it (set by the runtime). */
  answerWith: ((text: string) => void) | null = null;
  readonly done: Promise<RunOutcome>;
  readonly id: number;
  readonly code: string;
  readonly options: Partial<RunOptions>;
  readonly trace: boolean;
  /** May run in the shared interpreter (RunRequest.shared). */
  readonly shared: boolean;
  /** The worker it runs in, once it has left the queue. */
  session: WorkerSession | null = null;
  /** What the page took of its output and trace so far (the worker's own limits, checked again here). */
  #lines = 0;
  #chars = 0;
  #traced = 0;
  readonly #requestStop: (run: Run) => void;
  #events: RunEvent[] = [];
  #listeners = new Set<(event: RunEvent) => void>();
  #resolve!: (outcome: RunOutcome) => void;
  #startedAt = 0;

  constructor(id: number, code: string, request: RunRequest, requestStop: (run: Run) => void) {
    this.id = id;
    this.code = code;
    this.#requestStop = requestStop;
    const { trace = false, shared = false, ...options } = request;
    this.options = options;
    this.trace = trace;
    this.shared = shared;
    this.done = new Promise((resolve) => (this.#resolve = resolve));
    this.emit({ type: 'status', status: 'queued' });
  }

  listen(listener: (event: RunEvent) => void): () => void {
    for (const event of this.#events) listener(event);
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stop(): void {
    this.stopRequested = true;
    this.#requestStop(this);
  }

  answer(text: string): void {
    if (!this.waitsForInput || this.status !== 'running') return;
    this.waitsForInput = false;
    this.answerWith?.(text);
  }

  /**
   * Output from the worker, passed on while it stays within the run's limits (with room
   * for the runtime's line that says it cut the output); false once it went past them.
   */
  received(chunks: OutputChunk[]): boolean {
    const limits = runOptions(this.options);
    for (const chunk of chunks) {
      this.#chars += chunk.text.length;
      for (let at = chunk.text.indexOf('\n'); at >= 0; at = chunk.text.indexOf('\n', at + 1)) this.#lines++;
      if (this.#lines > limits.maxOutputLines + OUTPUT_SLACK.lines || this.#chars > limits.maxOutputBytes + OUTPUT_SLACK.chars) return false;
      this.emit({ type: 'output', ...chunk });
    }
    return true;
  }

  /** Trace events from the worker, as many as a trace may hold (TRACE_LIMIT); the rest are dropped. */
  receivedTrace(events: TraceEvent[]): void {
    const room = TRACE_LIMIT + 1 - this.#traced;
    if (room <= 0) return;
    const kept = events.length > room ? events.slice(0, room) : events;
    this.#traced += kept.length;
    this.emit({ type: 'trace', events: kept });
  }

  setStatus(status: RunStatus): void {
    if (status === 'running') this.#startedAt = performance.now();
    this.status = status;
    this.emit({ type: 'status', status });
  }

  emit(event: RunEvent): void {
    this.#events.push(event);
    for (const listener of this.#listeners) listener(event);
  }

  /** The latest loop time this run's output and trace told of; 0 when they told none. */
  lastLoopTime(): number {
    let latest = 0;
    for (const event of this.#events) {
      if (event.type === 'output' && event.t !== null) latest = Math.max(latest, event.t);
      if (event.type === 'trace') for (const traced of event.events) latest = Math.max(latest, traced.t);
    }
    return latest;
  }

  finish(result: RunResult, stopped: boolean, workerEnded = false): void {
    if (this.status === 'done') return;
    const wallMs = this.#startedAt ? performance.now() - this.#startedAt : 0;
    // A stop shows as a stop, whatever Python made of it (KeyboardInterrupt, CancelledError).
    if (this.overTime !== null && !stopped) result = { ...overTimeFailure(this.overTime), time: result.time };
    const outcome: RunOutcome = {
      result: stopped ? { ...failure('Stopped', 'You stopped the program.'), time: result.time } : result,
      stopped,
      wallMs,
      ...(workerEnded ? { workerEnded } : {}),
    };
    this.setStatus('done');
    this.emit({ type: 'done', outcome });
    this.#resolve(outcome);
  }
}

function failure(type: string, message: string): RunResult {
  return { ok: false, time: 0, error: { type, message, line: null, traceback: '' } };
}

function overTimeFailure(limitMs: number): RunResult {
  const seconds = Math.round(limitMs / 1000);
  return failure(
    'TimeLimitExceeded',
    `this program ran for ${seconds} s without ending, so the page stopped it (a run here may take ${seconds} s at most). ` +
      'Look for a loop that never ends, and give it an end condition or a timeout.',
  );
}

/**
 * Writes an answer to `input()` where the worker waits (protocol.ts's INPUT), then wakes
 * it. An answer longer than the buffer is cut at a character's edge.
 */
function answerInput(buffer: Int32Array, state: number, text: string): void {
  // Encoded apart first: an encoder does not write into shared memory (Chromium refuses).
  const encoded = new Uint8Array(INPUT.MAX_BYTES);
  const { written } = new TextEncoder().encodeInto(text, encoded);
  new Uint8Array(buffer.buffer, INPUT.BYTES_AT, INPUT.MAX_BYTES).set(encoded.subarray(0, written));
  Atomics.store(buffer, 1, written);
  Atomics.store(buffer, 0, state);
  Atomics.notify(buffer, 0);
}
