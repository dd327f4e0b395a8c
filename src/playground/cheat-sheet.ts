/**
 * The cheat sheet's programs: for each section of its tables, one program that runs the
 * section's lines (src/playground/cheat-sheet/*.py, each checked against CPython 3.13 by
 * test/unit/playground/cheat-sheet.test.ts), opened in the playground by a link under the
 * section's table (src/components/CheatSheetTry.astro).
 */
import asyncIteration from './cheat-sheet/async-iteration.py?raw';
import blocking from './cheat-sheet/blocking.py?raw';
import contextVariables from './cheat-sheet/context-variables.py?raw';
import coordinating from './cheat-sheet/coordinating.py?raw';
import coroutines from './cheat-sheet/coroutines.py?raw';
import debugging from './cheat-sheet/debugging.py?raw';
import hardening from './cheat-sheet/hardening.py?raw';
import httpxClient from './cheat-sheet/httpx-client.py?raw';
import streams from './cheat-sheet/streams.py?raw';
import tasks from './cheat-sheet/tasks.py?raw';
import threadsProcesses from './cheat-sheet/threads-processes.py?raw';
import timeLimits from './cheat-sheet/time-limits.py?raw';
import waiting from './cheat-sheet/waiting.py?raw';

/** Each section's program, by the name the cheat sheet gives it. */
export const CHEAT_SHEET_PROGRAMS = {
  coroutines,
  tasks,
  waiting,
  'time-limits': timeLimits,
  coordinating,
  'context-variables': contextVariables,
  blocking,
  'async-iteration': asyncIteration,
  streams,
  hardening,
  'httpx-client': httpxClient,
  'threads-processes': threadsProcesses,
  debugging,
} as const;

export type CheatSheetSection = keyof typeof CHEAT_SHEET_PROGRAMS;
