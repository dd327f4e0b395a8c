import type { loadPyodide as LoadPyodide } from 'pyodide';
import { withCheckedFetch } from '../download/checked-fetch.ts';
import { keepingFetch } from '../download/keep-fetched.ts';
import { countingFetch, throttled } from '../download/progress.ts';
import { withCompiledModule } from './compiled-module.ts';
import { Engine } from './engine.ts';
import { downloadSnapshot } from '../download/snapshot-download.ts';
import {
  INPUT,
  OUTPUT_BATCH_MS,
  PROGRESS_MS,
  TEXT_LIMITS,
  failedRun,
  unhandled,
  type BootTiming,
  type OutputChunk,
  type PageToWorker,
  type RunResult,
  type WorkerToPage,
} from '../protocol/index.ts';

/** The two ends of the message channel, whatever carries it (a Web Worker, a Node worker thread). */
export interface WorkerPort {
  postMessage(message: WorkerToPage): void;
  onMessage(handler: (message: PageToWorker) => void): void;
}

/**
 * The worker's side of the runtime: boots one interpreter, then runs one request at a
 * time, streaming output and trace events back as they come. A run is a promise (its
 * threads switch stacks, threads.py), so the requests queue behind it.
 */
export function serveWorker(port: WorkerPort, loadPyodide: typeof LoadPyodide): void {
  let engine: Engine | null = null;
  let interrupt: Int32Array | null = null;
  let input: Int32Array | null = null;
  let fatal = false;
  let clearTimers = () => {};
  // The snapshot, when the page downloads it (snapshot-download.ts): it comes in a
  // message of its own, while the boot already waits for it.
  let snapshotFromPage!: (bytes: Uint8Array | null) => void;
  const pageSnapshot = new Promise<Uint8Array | null>((resolve) => (snapshotFromPage = resolve));
  // The run going on, if any: the next one starts when it has ended.
  let runs: Promise<void> = Promise.resolve();

  port.onMessage(async (message) => {
    switch (message.type) {
      case 'worker/port':
        // Handed over on the worker itself, before serving began (browser-entry.ts): one
        // that comes through the port hands over nothing.
        return;
      case 'worker/snapshot': {
        snapshotFromPage(message.bytes);
        return;
      }
      case 'worker/boot': {
        const started = performance.now();
        let module: WebAssembly.Module | null = null;
        try {
          const { snapshotURL } = message;
          // The snapshot is checked as it downloads (and inflates); Pyodide's files as its loader fetches them.
          const { [snapshotURL ?? '']: snapshotIntegrity, ...integrity } = message.integrity ?? {};
          // Counted under the checks, so the page can show how far the download is.
          const plainFetch = globalThis.fetch;
          if (plainFetch) {
            const report = throttled((loaded) => port.postMessage({ type: 'worker/progress', id: message.id, loaded }), PROGRESS_MS);
            // What the boot fetches is also kept for the service worker when the page asks
            // (the cache is reached before lockDown takes `caches` from the program's reach).
            const storage = message.keepIn ? globalThis.caches : undefined;
            const fetched = storage ? keepingFetch(plainFetch.bind(globalThis), message.keepIn!, storage) : plainFetch.bind(globalThis);
            globalThis.fetch = countingFetch(fetched, report);
          }
          try {
            const snapshot = message.snapshotFromPage
              ? () => pageSnapshot
              : snapshotURL
                ? () => downloadSnapshot(fetch, snapshotURL, snapshotIntegrity)
                : undefined;
            const booted = await withCheckedFetch(globalThis, integrity, () =>
              withCompiledModule(globalThis, message.module ?? null, () =>
                Engine.boot(loadPyodide, message.indexURL, message.files, snapshot),
              ),
            );
            engine = booted.value;
            module = booted.module;
          } finally {
            if (plainFetch) globalThis.fetch = plainFetch;
          }
          interrupt = message.interruptBuffer;
          if (interrupt) engine.setInterruptBuffer(interrupt);
          input = message.inputBuffer ?? null;
          // Python is loaded: from here on the worker needs no network and no way out
          // but its port. Readers' code (`import js`) then cannot reach either.
          lockDown(globalThis as unknown as Record<string, unknown>);
          clearTimers = trackTimers(globalThis as unknown as Record<string, unknown>);
          port.postMessage({
            type: 'worker/ready',
            id: message.id,
            boot: {
              bootMs: performance.now() - started,
              fromSnapshot: engine.fromSnapshot,
              phases: engine.phases,
              timing: bootTiming(started),
            },
            module,
          });
        } catch (error) {
          port.postMessage({ type: 'worker/failed', id: message.id, message: describe(error) });
        }
        return;
      }
      case 'worker/packages':
        // Installed by the engine when a run first imports one of them.
        engine?.providePackages(message.files);
        return;
      case 'run/start':
        runs = runs.then(() => run(message));
        return;
      default:
        unhandled(message);
    }
  });

  async function run(message: Extract<PageToWorker, { type: 'run/start' }>): Promise<void> {
    const { id } = message;
    if (!engine || fatal) {
      port.postMessage({ type: 'run/done', id, result: crashed('Python is not running in this worker.'), memory: 0, fatal: true });
      return;
    }
    // A stop written after the previous run ended must not stop this one.
    if (interrupt) Atomics.store(interrupt, 0, 0);
    clearTimers();
    let result: RunResult;
    const output = new Outbox((chunks) => port.postMessage({ type: 'run/output', id, chunks }));
    try {
      result = await engine.run(
        message.code,
        message.options,
        (chunk) => output.add(chunk),
        message.trace
          ? (events) => {
              // Output held for its batch goes first: Python may not write again for
              // a long while (a silent loop), and nothing else would send it.
              output.send();
              port.postMessage({ type: 'run/trace', id, events });
            }
          : undefined,
        input
          ? waitForAnswer(input, (prompt) => {
              // What the program printed must reach the page before the worker blocks.
              output.send();
              port.postMessage({
                type: 'run/input',
                id,
                prompt: prompt.length > TEXT_LIMITS.prompt ? prompt.slice(0, TEXT_LIMITS.prompt) : prompt,
              });
            })
          : undefined,
      );
    } catch (error) {
      // Only a crash of the interpreter itself gets here: the runner catches every
      // Python exception. Deep C recursion is the usual cause.
      fatal = true;
      result = crashed(
        'Python crashed (the interpreter ran out of stack or memory) and was restarted. ' +
          'Very deep recursion is the usual cause. ' +
          describe(error),
      );
    }
    output.send();
    // A timer the program set (`js.setInterval`) would fire after it ended, into
    // the next run's interpreter: programs end with their timers.
    clearTimers();
    port.postMessage({ type: 'run/done', id, result, memory: fatal ? 0 : engine.memory, fatal, retire: engine.retired });
  }
}

/**
 * What the reader's Python could use, through `import js`, to reach beyond the worker
 * or to leave something behind for later visits: the network, fonts (a font URL is a
 * request), new workers, channels to other pages, storage shared with the site's pages
 * (Cache Storage holds the offline copy of the site), or the worker's own port.
 */
const ESCAPE_HATCHES = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'postMessage',
  'close',
  'caches',
  'CacheStorage',
  'Cache',
  'indexedDB',
  'IDBFactory',
  'fonts',
  'FontFace',
  'FontFaceSet',
  'Notification',
  'StorageManager',
  'FileSystemHandle',
  'FileSystemDirectoryHandle',
  'FileSystemFileHandle',
  'FileSystemSyncAccessHandle',
  'LockManager',
  'ServiceWorkerContainer',
  // Storage buckets: IndexedDB, Cache Storage and the file system again, by another door.
  'StorageBucketManager',
  'StorageBucket',
  // The old file system API (a `filesystem:` file outlives the worker).
  'webkitRequestFileSystem',
  'webkitRequestFileSystemSync',
  'webkitResolveLocalFileSystemURL',
  'webkitResolveLocalFileSystemSyncURL',
  'FileSystemObserver',
  // Callbacks that fire later, after the run has ended (timers are tracked instead: Pyodide uses them).
  'scheduler',
  'Scheduler',
  'TaskController',
  'TaskSignal',
  'requestAnimationFrame',
  'cancelAnimationFrame',
];

/** The same, on `navigator`: origin storage (and its file system), locks shared with the site's pages, devices. */
const NAVIGATOR_HATCHES = ['storage', 'storageBuckets', 'locks', 'serviceWorker', 'usb', 'hid', 'serial', 'bluetooth', 'gpu', 'sendBeacon'];

/** On `Atomics`: `waitAsync` calls back after the run (the runtime's own waits are `wait`). */
const ATOMICS_HATCHES = ['waitAsync'];

/**
 * Removes the worker's escape hatches: from the global scope and from every prototype
 * it inherits them from (`WorkerGlobalScope.prototype.fetch.call(self, url)` would
 * otherwise still work), then pins them to undefined so nothing can put them back.
 * Entries taken before (the port) keep working.
 */
export function lockDown(scope: Record<string, unknown>): void {
  strip(scope, ESCAPE_HATCHES);
  const navigator = scope.navigator as Record<string, unknown> | undefined;
  if (navigator) strip(navigator, NAVIGATOR_HATCHES);
  const atomics = scope.Atomics as Record<string, unknown> | undefined;
  if (atomics) strip(atomics, ATOMICS_HATCHES);
}

/**
 * Makes every timer set from now on (by a reader's program, through `import js`: the
 * runtime itself sets none after boot) one that the returned function clears.
 */
export function trackTimers(scope: Record<string, unknown>): () => void {
  const live = new Map<unknown, (id: unknown) => void>();
  const pairs = [
    ['setTimeout', 'clearTimeout'],
    ['setInterval', 'clearInterval'],
  ] as const;
  const wrapped: Record<string, unknown> = {};
  for (const [set, clear] of pairs) {
    const original = scope[set] as (...args: unknown[]) => unknown;
    const cancel = scope[clear] as (id: unknown) => void;
    if (typeof original !== 'function' || typeof cancel !== 'function') continue;
    wrapped[set] = (...args: unknown[]) => {
      const id = original.apply(scope, args);
      live.set(id, (timer) => cancel.call(scope, timer));
      return id;
    };
  }
  for (const [name, value] of Object.entries(wrapped)) pin(scope, name, value);
  return () => {
    for (const [id, cancel] of live) cancel(id);
    live.clear();
  };
}

function strip(target: Record<string, unknown>, names: string[]): void {
  for (const name of names) pin(target, name, undefined);
}

/**
 * Sets `target[name]` to `value` for good: removed from every prototype `target`
 * inherits it from, then defined on `target` itself, not to be changed again (where the
 * global allows it: Node's timers cannot be redefined, only replaced).
 */
function pin(target: Record<string, unknown>, name: string, value: unknown): void {
  for (
    let level: object | null = Object.getPrototypeOf(target);
    level && level !== Object.prototype;
    level = Object.getPrototypeOf(level)
  ) {
    if (Object.hasOwn(level, name)) Reflect.deleteProperty(level, name);
  }
  try {
    Object.defineProperty(target, name, { value, configurable: false, writable: false, enumerable: false });
  } catch {
    if (value === undefined) Reflect.deleteProperty(target, name);
    else target[name] = value;
  }
}

/**
 * Output of a run on its way to the page: sent when {@link OUTPUT_BATCH_MS} have passed
 * since the last message, and when the run ends. (Python runs synchronously, so no
 * timer could fire in between: the clock is read as chunks come.)
 */
class Outbox {
  #chunks: OutputChunk[] = [];
  // The first chunk goes at once: the first line a reader sees is never held back.
  #sentAt = -Infinity;
  readonly #post: (chunks: OutputChunk[]) => void;

  constructor(post: (chunks: OutputChunk[]) => void) {
    this.#post = post;
  }

  add(chunk: OutputChunk): void {
    this.#chunks.push(chunk);
    if (performance.now() - this.#sentAt >= OUTPUT_BATCH_MS) this.send();
  }

  send(): void {
    this.#sentAt = performance.now();
    if (this.#chunks.length === 0) return;
    const chunks = this.#chunks;
    this.#chunks = [];
    this.#post(chunks);
  }
}

function crashed(message: string): RunResult {
  return failedRun('FatalError', message);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // A Python error's message is its traceback: the line that says what happened is the last.
  const lines = error.message.split('\n').filter((line) => line.trim());
  return (lines[0]?.startsWith('Traceback') ? lines.at(-1) : lines[0]) ?? error.name;
}

/**
 * `input()`'s way to the page: ask, then block this thread until the page answers on
 * `buffer` (protocol.ts's INPUT). The answer's text; false when the reader stopped the run.
 */
function waitForAnswer(buffer: Int32Array, ask: (prompt: string) => void): (prompt: string) => string | false {
  return (prompt) => {
    Atomics.store(buffer, 0, INPUT.WAITING);
    ask(prompt);
    while (Atomics.load(buffer, 0) === INPUT.WAITING) Atomics.wait(buffer, 0, INPUT.WAITING);
    const state = Atomics.load(buffer, 0);
    Atomics.store(buffer, 0, INPUT.WAITING);
    if (state !== INPUT.ANSWERED) return false;
    // Copied out first: a decoder does not read shared memory.
    const bytes = new Uint8Array(buffer.buffer, INPUT.BYTES_AT, Atomics.load(buffer, 1)).slice();
    return new TextDecoder().decode(bytes);
  };
}

/** When this worker started and fetched its files, on the epoch's clock, which the page shares. */
function bootTiming(bootStarted: number): BootTiming {
  const origin = performance.timeOrigin;
  const files = (performance.getEntriesByType?.('resource') ?? []) as PerformanceResourceTiming[];
  return {
    workerStarted: origin,
    bootRequested: origin + bootStarted,
    files: files.map((file) => ({
      name: file.name.slice(file.name.lastIndexOf('/') + 1),
      start: origin + file.startTime,
      end: origin + file.responseEnd,
    })),
  };
}
