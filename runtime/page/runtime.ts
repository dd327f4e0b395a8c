import { keepingFetch } from '../download/keep-fetched.ts';
import { countingFetch, throttled } from '../download/progress.ts';
import { downloadSnapshot } from '../download/snapshot-download.ts';
import {
  PROGRESS_MS,
  TEXT_LIMITS,
  failedRun,
  unhandled,
  type BootInfo,
  type PythonFiles,
  type RunMessage,
  type RunResult,
} from '../protocol/index.ts';
import { importsPackages } from '../vendor/packages.ts';
import type { RunHandle, RunRequest, RunStatus, RuntimeOptions } from './api.ts';
import { answerInput, stopWaitingForInput } from './input-buffer.ts';
import { Run } from './run.ts';
import { WorkerSession, type PageSnapshot } from './worker-session.ts';
import { cut } from './worker-messages.ts';

/** How often a stop is written again until the run ends (CPython can lose a write). */
const STOP_REPEAT_MS = 50;
const SIGINT = 2;

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
    for (const run of this.#queue.splice(0)) run.finish(failedRun('Stopped', 'The page closed the runtime.'), true);
    this.#current?.finish(failedRun('Stopped', 'The page closed the runtime.'), true);
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
    const session: WorkerSession = new WorkerSession(this.#options, this.#files, snapshot, this.#module, {
      progress: (loaded) => this.#bootProgress(session, loaded),
      run: (message) => this.#fromRun(session, message),
      died: (why) => this.#workerDied(session, why),
    });
    void session.ready.then(
      () => (this.#module ??= session.module),
      () => {},
    );
    return session;
  }

  /**
   * The snapshot, fetched and inflated once; a copy for each worker (its buffer is
   * transferred to that worker). Null: none, or not the build's (that worker boots from scratch).
   */
  #pageSnapshot(url: string): PageSnapshot {
    return async (onProgress) => {
      if (!this.#snapshot) {
        const counted = countingFetch(this.#keeping(globalThis.fetch.bind(globalThis)), throttled(onProgress, PROGRESS_MS));
        this.#snapshot = downloadSnapshot(counted, url, this.#options.integrity[url]).catch(() => null);
        // A failed download is tried again by the next worker.
        void this.#snapshot.then((bytes) => {
          if (bytes === null) this.#snapshot = null;
        });
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
      this.#end(run, failedRun('BootError', `Python could not start: ${(error as Error).message}`));
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
    run.answerWith = input ? (text) => answerInput(input, text) : null;
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

  /** While `session` boots for the run under way, how much it has downloaded, told to that run. */
  #bootProgress(session: WorkerSession, loaded: number): void {
    const run = this.#current;
    if (run?.session === session && run.status === 'booting') run.emit({ type: 'download', loaded, total: this.#options.bootBytes });
  }

  /**
   * What `session`'s worker says of a run, already checked against the protocol and cut
   * to its limits (worker-messages.ts). Only the worker of the run under way is heard,
   * and only about that run.
   */
  #fromRun(session: WorkerSession, message: RunMessage): void {
    const run = this.#current;
    if (!run || run.session !== session || message.id !== run.id || run.status !== 'running') return;
    switch (message.type) {
      case 'run/output':
        if (!run.received(message.chunks)) this.#overflowed(run);
        return;
      case 'run/trace':
        run.receivedTrace(message.events);
        return;
      case 'run/input':
        run.waitsForInput = true;
        run.emit({ type: 'input', prompt: message.prompt });
        return;
      case 'run/done':
        if (message.fatal || message.retire || message.memory > this.#options.memoryLimit) this.#replaceWorker(session);
        this.#end(run, message.result);
        return;
      default:
        unhandled(message);
    }
  }

  /**
   * The worker sent more output than the run's limits allow: its runtime caps output
   * before it sends it, so a program has taken over its worker's JavaScript. The run
   * ends with its worker.
   */
  #overflowed(run: Run): void {
    this.#endSession(run.session);
    this.#end(
      run,
      failedRun(
        'OutputLimitExceeded',
        "this program sent more output than a run may print, past the runtime's own limit, so the page ended it.",
        run.lastLoopTime(),
      ),
      true,
    );
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
      run.finish(failedRun('Stopped', 'Stopped before it started.'), true);
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
      stopWaitingForInput(woken);
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
    this.#end(run, failedRun('Stopped', 'You stopped the program.', run.lastLoopTime()), true);
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
    if (run?.session === session)
      this.#end(run, failedRun('FatalError', `Python stopped working${reason} and will be restarted.`, run.lastLoopTime()), true);
  }
}
