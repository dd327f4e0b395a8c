import type { PyodideAPI } from 'pyodide';
import type { OutputChunk, PythonFiles, RunOptions, RunResult, TraceEvent } from './protocol.ts';

/** Where the runtime's Python package lives inside the interpreter's file system. */
const PACKAGE_DIR = '/home/pyodide/asyncio-live';

/**
 * One interpreter with the runtime's loop installed. Framework-free: the browser worker
 * and Node (tests, command line) both drive Python through this class.
 */
export class Engine {
  #pyodide: PyodideAPI;
  #run: (
    code: string,
    deterministic: boolean,
    budget: number,
    maxLines: number,
    maxBytes: number,
    onTrace: ((event: string) => void) | undefined,
    onOutput: (stream: 'stdout' | 'stderr', text: string, t: number) => void,
    checkCode: string | undefined,
    prediction: string | undefined,
  ) => string;
  #listener: ((chunk: OutputChunk) => void) | null = null;

  private constructor(pyodide: PyodideAPI) {
    this.#pyodide = pyodide;
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

  /** Installs the runtime's Python package into a booted interpreter. */
  static async create(pyodide: PyodideAPI, files: PythonFiles): Promise<Engine> {
    for (const [path, source] of Object.entries(files)) {
      const full = `${PACKAGE_DIR}/${path}`;
      pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
      pyodide.FS.writeFile(full, source);
    }
    pyodide.runPython(
      `import sys; sys.path.insert(0, ${JSON.stringify(PACKAGE_DIR)})\nimport asyncio_live.runner as r; r.setup()`,
    );
    return new Engine(pyodide);
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
   * `onTrace`, when given, each event of the run's trace (tracing costs time: only
   * ask for it when something shows it).
   */
  run(
    code: string,
    options: RunOptions = {},
    onOutput: (chunk: OutputChunk) => void = () => {},
    onTrace?: (event: TraceEvent) => void,
  ): RunResult {
    this.#listener = onOutput;
    try {
      const result = this.#run(
        code,
        options.deterministic ?? false,
        options.budget ?? 3600,
        options.maxOutputLines ?? 10_000,
        options.maxOutputBytes ?? 1_000_000,
        // undefined becomes None in Python (null would become a JsNull object).
        onTrace ? (event) => onTrace(JSON.parse(event) as TraceEvent) : undefined,
        (stream, text, t) => onOutput({ stream, text, t }),
        options.check?.code,
        options.check?.prediction,
      );
      return JSON.parse(result) as RunResult;
    } finally {
      this.#listener = null;
    }
  }
}
