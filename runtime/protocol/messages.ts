/**
 * Every message between the page and the worker, as one union each way. Each side
 * handles each message type in one place, in a switch that ends in `unhandled`: a
 * message type added here and handled nowhere is a type error.
 */
import type { BootInfo, OutputChunk, PythonFiles, RunResult, TraceEvent } from './results.ts';
import type { RunOptions } from './run-options.ts';

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

/** What the page (the client) sends to the worker. Every request carries an `id`. */
export type PageToWorker =
  /**
   * The first message of a browser's worker, on the worker itself: the private
   * MessagePort (transferred with it) that every later message goes through, both ways.
   */
  | { type: 'worker/port'; id: number }
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

/** What the worker sends back; each reply repeats the `id` of its request. */
export type WorkerToPage = BootMessage | RunMessage;

/** What the worker says of its boot: the page's session for that worker hears these. */
export type BootMessage =
  /** Booted; `module`: Pyodide's compiled WebAssembly, for the page's next workers. */
  | { type: 'worker/ready'; id: number; boot: BootInfo; module?: WebAssembly.Module | null }
  /** While it boots: bytes of Pyodide's files and the snapshot downloaded so far (at most every {@link PROGRESS_MS}). */
  | { type: 'worker/progress'; id: number; loaded: number }
  | { type: 'worker/failed'; id: number; message: string };

/** What the worker says of the run under way (`id`: its `run/start`'s): the page's runtime hears these. */
export type RunMessage =
  /** The program called `input(prompt)` and waits for the page's answer on the input buffer. */
  | { type: 'run/input'; id: number; prompt: string }
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
      /** The program ran threads on stacks of their own: replace the worker (engine.ts `retired`). */
      retire?: boolean;
    };

/**
 * The end of an exhaustive switch over messages: reached only by a message type that
 * has no case, which TypeScript refuses to compile (`message` is then not `never`).
 */
export function unhandled(message: never): never {
  throw new Error(`a message nothing handles: ${JSON.stringify(message)}`);
}
