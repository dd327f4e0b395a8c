import type { PyCallable } from 'pyodide/ffi';

/**
 * How the runtime's Python starts a stack of its own (a program's thread, threads.py):
 * `callPromising` runs a Python callable with stack switching, so that it can wait
 * (`run_sync`) while other stacks run. Called from Python, it would hand the promise
 * back to Python, which Pyodide wraps by asking for a current event loop (a thread has
 * none); called here, the promise stays in JavaScript. The callable outlives the call
 * that passed it (Pyodide destroys an argument's proxy when that call returns): it is
 * copied, and destroyed when its stack ends. Given to each run (runner.py), so that
 * nothing of JavaScript's is in Python's memory when a snapshot is made of it.
 */
export function startStack(bootstrap: PyCallable, ident: number): void {
  const callable = bootstrap.copy() as PyCallable;
  // The bootstrap catches everything it runs: a rejection here is Pyodide's own.
  callable
    .callPromising(ident)
    .catch(() => {})
    .finally(() => callable.destroy());
}
