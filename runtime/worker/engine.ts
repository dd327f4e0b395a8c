import type { loadPyodide, PyodideAPI } from 'pyodide';
import {
  RUN_OPTIONS_SCHEMA,
  runOptions,
  type BootPhases,
  type OutputChunk,
  type PythonFiles,
  type RunOptions,
  type RunResult,
  type TraceEvent,
} from '../protocol/index.ts';
import { importsPackages } from '../vendor/packages.ts';
import { readRunResult, readTraceBatch } from '../protocol/shapes.ts';
import { dense } from '../snapshot/sparse-memory.ts';
import { startStack } from './stacks.ts';

/** Where the runtime's Python package lives inside the interpreter's file system. */
const PACKAGE_DIR = '/home/pyodide/asyncio-live';

/**
 * One interpreter with the runtime's loop installed. Framework-free: the browser worker
 * and Node (tests, command line) both drive Python through this class.
 */
export class Engine {
  #pyodide: PyodideAPI;
  /**
   * runner.py's `run_json`: the options as one JSON object, results and trace events back
   * as JSON. Called with stack switching (`callPromising`), so that the program's threads
   * each get a stack of their own (threads.py).
   */
  #run: {
    callPromising(
      code: string,
      options: string,
      onOutput: (stream: 'stdout' | 'stderr', text: string, t: number) => void,
      onTrace: ((batch: string) => void) | undefined,
      onInput: ((prompt: string) => string | false | undefined) | undefined,
      start: typeof startStack,
    ): Promise<string>;
  };
  #listener: ((chunk: OutputChunk) => void) | null = null;
  /** The packages that come with the runtime (python-packages.ts), once given; installed on first import. */
  #packages: PythonFiles | (() => PythonFiles) | null = null;
  #packagesInstalled = false;

  /**
   * A run of this interpreter started threads on stacks of their own: its C stack is no
   * longer one a later run can trust (runner.py's run_json), and its worker is replaced.
   */
  retired = false;

  /** This interpreter was restored from a memory snapshot (see snapshot.ts), not booted. */
  readonly fromSnapshot: boolean;
  /** When each step of the boot ended, in ms from its start (BootInfo.phases). */
  phases: BootPhases = {};

  private constructor(pyodide: PyodideAPI, fromSnapshot: boolean) {
    this.#pyodide = pyodide;
    this.fromSnapshot = fromSnapshot;
    // The program's output comes through the runner (with its loop time). What reaches
    // the real streams is the interpreter's own (a crash report), passed on as it is.
    for (const stream of ['stdout', 'stderr'] as const) {
      const decoder = new TextDecoder();
      const write = (bytes: Uint8Array) => {
        const text = decoder.decode(bytes, { stream: true });
        if (text) this.#listener?.({ stream, text, t: null });
        return bytes.length;
      };
      if (stream === 'stdout') pyodide.setStdout({ write });
      else pyodide.setStderr({ write });
    }
    // Results and trace events cross as JSON: None stays null, and no proxy leaks.
    this.#run = pyodide.pyimport('asyncio_live.runner').run_json;
  }

  /**
   * Boots Pyodide from the site's copy of its files and installs the runtime: from a
   * memory snapshot (gzipped, see snapshot.ts) when one is given and restores, else
   * from scratch. A snapshot that is missing, damaged or made by another Pyodide
   * build costs the reader nothing but the ordinary boot.
   */
  static async boot(
    load: typeof loadPyodide,
    indexURL: string,
    files: PythonFiles,
    snapshot?: () => Promise<Uint8Array | null>,
  ): Promise<Engine> {
    const quiet = { indexURL, stdout: () => {}, stderr: () => {} };
    const started = performance.now();
    const phases: BootPhases = {};
    const mark = (phase: keyof BootPhases) => (phases[phase] = Math.round(performance.now() - started));
    if (snapshot) {
      try {
        // Pyodide takes the snapshot as a promise and awaits it only once its own script
        // is loaded: the download overlaps that. No snapshot fails the restore, below.
        const memory = snapshot().then(async (data) => {
          mark('snapshotDownloaded');
          if (!data) throw new Error('no snapshot');
          const inflated = dense(await inflate(data));
          mark('snapshotInflated');
          return inflated;
        });
        // Handled where load awaits it; this only keeps a failure before then from going unhandled.
        memory.catch(() => {});
        const pyodide = await load({ ...quiet, _loadSnapshot: memory } as Parameters<typeof loadPyodide>[0]);
        mark('pyodideLoaded');
        // Installing runs the warm-up program: a restore that went wrong fails here.
        return Engine.#create(pyodide, files, true, phases, mark);
      } catch {
        // Fall through to an ordinary boot.
      }
    }
    const pyodide = await load(quiet);
    mark('pyodideLoaded');
    return Engine.#create(pyodide, files, false, phases, mark);
  }

  /** An interpreter with the runtime installed (and set up anew after a restore). */
  static #create(
    pyodide: PyodideAPI,
    files: PythonFiles,
    fromSnapshot: boolean,
    phases: BootPhases,
    mark: (phase: keyof BootPhases) => void,
  ): Engine {
    Engine.install(pyodide, files);
    mark('installed');
    const engine = new Engine(pyodide, fromSnapshot);
    engine.phases = phases;
    return engine;
  }

  /**
   * Writes the runtime's Python package into the interpreter and sets it up. After a
   * snapshot restore the modules are already imported, but the file system is not part
   * of a snapshot, and setup redoes what must differ per interpreter (a fresh random
   * seed, the warm-up that compiles the hot WebAssembly code).
   */
  static install(pyodide: PyodideAPI, files: PythonFiles): void {
    for (const [path, source] of Object.entries(files)) {
      const full = `${PACKAGE_DIR}/${path}`;
      pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
      pyodide.FS.writeFile(full, source);
    }
    // A restore runs Pyodide's start-up again, which adds its entries to sys.path again:
    // keep one of each.
    pyodide.runPython(
      `import sys\nsys.path[:] = dict.fromkeys([${JSON.stringify(PACKAGE_DIR)}, *sys.path])\n` +
        `import asyncio_live.runner as r; r.setup(${JSON.stringify(JSON.stringify(RUN_OPTIONS_SCHEMA))})`,
    );
  }

  /** Gives the interpreter the packages that come with the runtime (or a way to read them), for programs that import them. */
  providePackages(files: PythonFiles | (() => PythonFiles)): void {
    this.#packages ??= files;
  }

  async #installPackagesFor(code: string, check: string | undefined): Promise<void> {
    if (this.#packagesInstalled || this.#packages === null || !importsPackages(code, check)) return;
    const files = typeof this.#packages === 'function' ? this.#packages() : this.#packages;
    this.#packages = null;
    try {
      // With stack switching, as every run is: a plain call between two runs would use the
      // C stack where a stack left waiting by the last run (a thread never ended) lives.
      await this.#pyodide.pyimport('asyncio_live.packages').install.callPromising(JSON.stringify(files));
      this.#packagesInstalled = true;
    } catch {
      // Not installed: the program's import fails with Python's own message, and the
      // interpreter is as it was (nothing was adopted).
    }
  }

  /** Lets the page stop a run by writing 2 (SIGINT) into `buffer`. */
  setInterruptBuffer(buffer: Int32Array): void {
    this.#pyodide.setInterruptBuffer(buffer);
  }

  /** Bytes of memory the interpreter holds (WebAssembly memory only grows). */
  get memory(): number {
    return (this.#pyodide as unknown as { _module: { HEAPU8: Uint8Array } })._module.HEAPU8.length;
  }

  /**
   * Runs one program; `onOutput` gets its stdout and stderr as they are written, and
   * `onTrace`, when given, the events of the run's trace in batches (tracing costs time: only
   * ask for it when something shows it).
   * `onInput`, when given, answers `input(prompt)` (blocking until it has an answer);
   * without it, `input()` says it cannot wait for typing here.
   */
  async run(
    code: string,
    options: Partial<RunOptions> = {},
    onOutput: (chunk: OutputChunk) => void = () => {},
    onTrace?: (events: TraceEvent[]) => void,
    onInput?: (prompt: string) => string | false | undefined,
  ): Promise<RunResult> {
    await this.#installPackagesFor(code, options.check?.code);
    this.#listener = onOutput;
    try {
      const result = await this.#run.callPromising(
        code,
        JSON.stringify(runOptions(options)),
        (stream, text, t) => onOutput({ stream, text, t }),
        // undefined becomes None in Python (null would become a JsNull object).
        onTrace ? (batch) => onTrace(readTraceBatch(batch)) : undefined,
        // `input()`'s answer: text, undefined at the end of input (EOFError), false when stopped.
        onInput,
        startStack,
      );
      // What the runner says of the interpreter rather than of the program (runner.py).
      const { retire, ...rest } = JSON.parse(result) as { retire?: boolean };
      this.retired ||= retire === true;
      return readRunResult(JSON.stringify(rest));
    } finally {
      this.#listener = null;
    }
  }
}

/**
 * A snapshot's bytes, gunzipped. It is stored gzipped (31 MB of memory, 6 MB gzipped);
 * a host that sent it with `Content-Encoding: gzip` has already inflated it.
 */
async function inflate(data: Uint8Array): Promise<Uint8Array> {
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data;
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
