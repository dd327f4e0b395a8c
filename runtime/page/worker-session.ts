import { unhandled, type BootInfo, type PageToWorker, type PythonFiles, type RunMessage } from '../protocol/index.ts';
import type { WorkerLike } from './api.ts';
import { createInputBuffer } from './input-buffer.ts';
import { MALFORMED, readWorkerMessage } from './worker-messages.ts';

/** What a session tells the runtime that owns it. */
export interface SessionListener {
  /** Bytes the boot has downloaded so far: the worker's, and the page's when it takes the snapshot. */
  progress(loaded: number): void;
  /** What the worker says of a run (checked and cut to size: worker-messages.ts). */
  run(message: RunMessage): void;
  /** The worker died, or sent what the page cannot read; it is ended. */
  died(why: string): void;
}

/** The options a session needs, defaults filled in. */
export interface SessionOptions {
  createWorker(): WorkerLike;
  indexURL: string;
  snapshotURL: string | null;
  integrity: Record<string, string>;
  interrupts: boolean;
  keepFetchedIn: () => string | null;
}

/** The snapshot as the page downloads it, reporting bytes as they come (null: none, or not the build's). */
export type PageSnapshot = (onProgress: (loaded: number) => void) => Promise<Uint8Array | null>;

/**
 * One worker and the interpreter it boots. Every way it can fail (the worker does not
 * load, Python does not start, the runtime's files do not arrive, the page ends it)
 * ends the worker and settles `ready`, so no run waits forever and no worker is left
 * running unseen. It hears its boot's messages itself and passes the run's on.
 */
export class WorkerSession {
  readonly ready: Promise<BootInfo>;
  readonly interrupt: Int32Array | null;
  /** Where answers to `input()` go (input-buffer.ts); null without SharedArrayBuffer. */
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
  #resolve!: (boot: BootInfo) => void;
  #reject!: (error: Error) => void;
  readonly #listener: SessionListener;
  /** The boot's download, counted on both sides when the page takes the snapshot. */
  #workerLoaded = 0;
  #pageLoaded = 0;

  constructor(
    options: SessionOptions,
    files: Promise<PythonFiles>,
    /** The snapshot as the page downloads it (null: the worker fetches it itself, or boots without). */
    snapshot: PageSnapshot | null,
    /** Pyodide's WebAssembly as an earlier worker compiled it, or null. */
    module: WebAssembly.Module | null,
    listener: SessionListener,
  ) {
    this.#listener = listener;
    this.interrupt = options.interrupts ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.input = options.interrupts ? createInputBuffer() : null;
    this.ready = new Promise<BootInfo>((ok, fail) => {
      this.#resolve = ok;
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
    worker.onMessage((data) => this.#heard(data));
    worker.onError((why) => {
      if (this.#ended) return;
      this.end(why);
      listener.died(why);
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
        // Started once the boot request is on its way: begun before, it held that request
        // back on this thread, and the worker started Pyodide's own downloads later.
        if (snapshot) this.#sendSnapshot(snapshot);
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

  /** Every message of the worker's, each type handled here or passed on whole (a run's). */
  #heard(data: unknown): void {
    if (this.#ended) return;
    // Whatever a worker sends is checked and cut to size first: a program may have
    // taken over its JavaScript (worker-messages.ts).
    const message = readWorkerMessage(data);
    if (message === MALFORMED) {
      const why = 'the worker sent the page something it does not understand';
      this.end(why);
      this.#listener.died(why);
      return;
    }
    switch (message.type) {
      case 'worker/progress':
        if (this.isReady) return;
        this.#workerLoaded = message.loaded;
        this.#progress();
        return;
      case 'worker/ready':
        if (this.isReady) return;
        this.isReady = true;
        this.module = message.module ?? null;
        this.#resolve(message.boot);
        return;
      case 'worker/failed':
        this.end(message.message);
        return;
      case 'run/input':
      case 'run/output':
      case 'run/trace':
      case 'run/done':
        this.#listener.run(message);
        return;
      default:
        unhandled(message);
    }
  }

  #progress(): void {
    this.#listener.progress(this.#workerLoaded + this.#pageLoaded);
  }

  #sendSnapshot(download: PageSnapshot): void {
    const counted = (loaded: number) => {
      this.#pageLoaded = loaded;
      this.#progress();
    };
    void download(counted).then((bytes) => this.post({ type: 'worker/snapshot', id: 0, bytes }, bytes ? [bytes.buffer] : []));
  }
}
