import type { PyCallable } from 'pyodide/ffi';

/**
 * How the runtime's Python starts a stack of its own (a program's thread, threads.py):
 * `callPromising` runs a Python callable with stack switching, so that it can wait
 * (`run_sync`) while other stacks run. Called from Python, it would hand the promise
 * back to Python, which Pyodide wraps by asking for a current event loop (a thread has
 * none); called here, the promise stays in JavaScript. The callable is a proxy Python
 * made and owns (threads.py destroys it when the run ends, from Python): nothing here
 * calls into the interpreter while other stacks wait, which would run at a place of
 * the C stack that a waiting stack still uses. Given to each run (runner.py), so that
 * nothing of JavaScript's is in Python's memory when a snapshot is made of it.
 */
export function startStack(bootstrap: PyCallable, ident: number): void {
  // The bootstrap catches everything it runs: a rejection here is Pyodide's own.
  bootstrap.callPromising(ident).catch(() => {});
}
