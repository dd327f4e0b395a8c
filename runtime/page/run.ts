import {
  TRACE_LIMIT,
  failedRun,
  runOptions,
  type OutputChunk,
  type RunOptions,
  type RunResult,
  type TraceEvent,
} from '../protocol/index.ts';
import type { RunEvent, RunHandle, RunOutcome, RunRequest, RunStatus } from './api.ts';
import type { WorkerSession } from './worker-session.ts';

/** Beyond a run's output limits, what the runtime's own "output cut" line may add. */
const OUTPUT_SLACK = { lines: 4, chars: 4096 };

/**
 * One run, from the queue to its outcome: what the page asked, the events it has seen
 * (replayed to each new listener), and how it ended. The runtime moves it along.
 */
export class Run implements RunHandle {
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
      if (this.#lines > limits.maxOutputLines + OUTPUT_SLACK.lines || this.#chars > limits.maxOutputBytes + OUTPUT_SLACK.chars)
        return false;
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
    if (this.overTime !== null && !stopped) result = overTimeFailure(this.overTime, result.time);
    const outcome: RunOutcome = {
      result: stopped ? failedRun('Stopped', 'You stopped the program.', result.time) : result,
      stopped,
      wallMs,
      ...(workerEnded ? { workerEnded } : {}),
    };
    this.setStatus('done');
    this.emit({ type: 'done', outcome });
    this.#resolve(outcome);
  }
}

function overTimeFailure(limitMs: number, time: number): RunResult {
  const seconds = Math.round(limitMs / 1000);
  return failedRun(
    'TimeLimitExceeded',
    `this program ran for ${seconds} s without ending, so the page stopped it (a run here may take ${seconds} s at most). ` +
      'Look for a loop that never ends, and give it an end condition or a timeout.',
    time,
  );
}
