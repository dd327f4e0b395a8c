/**
 * What a run produces, in plain serializable objects: the same shapes cross
 * `postMessage` between the page and the worker, and reach Node callers unchanged.
 */

/** Options of one run. */
export interface RunOptions {
  /**
   * When true, computation costs no virtual time: only waits move the clock, so
   * printed times are exact (doc-tests). When false, the clock also counts the real
   * time Python spent computing, so "the loop is blocked" examples tell the truth.
   */
  deterministic?: boolean;
  /** Virtual seconds a run may last before it is stopped as runaway. Default 3600. */
  budget?: number;
  /** Lines of output (stdout and stderr together) a run may print. Default 10,000. */
  maxOutputLines?: number;
  /** Bytes of output a run may print. Default 1,000,000. */
  maxOutputBytes?: number;
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
}

/** How a run ended. */
export type RunResult =
  | { ok: true; /** Virtual seconds the run took. */ time: number }
  | { ok: false; time: number; error: RunError };

/** One piece of output, in the order the program wrote it. */
export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}
