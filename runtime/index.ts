/**
 * The runtime's one door for the site: create the page's runtime, run code, listen.
 * (`src/` imports from here only; Node tools use `node/node-runtime.ts`.)
 */
export { createBrowserRuntime } from './page/browser.ts';
export type { RunEvent, RunHandle, RunOutcome, RunRequest, RunStatus, RuntimeOptions } from './page/api.ts';
export type { Runtime } from './page/runtime.ts';
export type {
  BootInfo,
  CheckVerdict,
  ExerciseCheck,
  LoopCallback,
  LoopTimer,
  LoopTurn,
  NetworkAction,
  RunError,
  RunOptions,
  RunResult,
  TaskAtTurn,
  TraceEvent,
  WaitTarget,
  WatchedSocket,
} from './protocol/index.ts';
