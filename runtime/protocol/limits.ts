/** How far each thing a run makes may go, and how often the worker reports, on both sides of the worker's boundary. */

/** Events a run's trace keeps; past them, one `limit` event says how many there were. */
export const TRACE_LIMIT = 10_000;

/** A stepped run's bounds (runtime/python/asyncio_live/microscope.py holds the same numbers): turns recorded, entries per list, tasks per turn. */
export const TURN_LIMITS = { turns: 1_000, items: 16, tasks: 24 } as const;

/**
 * The longest text of each kind that crosses from a run to the page, in characters.
 * Python cuts at these (errors.py, trace.py, check.py: the same numbers), and the page cuts
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

/** How often a booting worker tells the page how much it has downloaded, at most. */
export const PROGRESS_MS = 100;
