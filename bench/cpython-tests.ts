/**
 * CPython's own asyncio tests, run on the runtime: how many pass, and why the others fail.
 *
 *   node bench/cpython-tests.ts --tests DIR [--runtime DIR] [module ...]
 *
 * DIR holds CPython 3.14's `test` package: `test/__init__.py` and `test/support/` from
 * Debian's libpython3.14-stdlib, `test/test_asyncio/` from libpython3.14-testsuite
 * (both unpacked with `ar x` and `tar -xf data.tar.xz`; usr/lib/python3.14/test). It is
 * mounted read-only into the interpreter (Node's file system, not shipped to any page).
 * `--runtime DIR` runs another checkout's runtime/python, one from before threads (to
 * compare before and after). Each module runs in a process of its own, for at most five
 * minutes.
 * Each module is one run of the runtime, as a reader's program is, on the deterministic
 * clock; the numbers are unittest's, printed with the first line of each failure's cause.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadPyodide } from 'pyodide';
import { PYODIDE_DIR, pythonFiles } from '../runtime/node/node-runtime.ts';
import { runOptions } from '../runtime/protocol/index.ts';
import { Engine } from '../runtime/worker/engine.ts';
import { startStack } from '../runtime/worker/stacks.ts';

const { values, positionals } = parseArgs({
  options: { tests: { type: 'string' }, runtime: { type: 'string' }, verbose: { type: 'boolean' } },
  allowPositionals: true,
});
if (!values.tests) throw new Error("--tests DIR: the folder that holds CPython 3.14's test package (see this file's comment)");
const modules = positionals.length
  ? positionals
  : [
      'test_taskgroups',
      'test_sock_lowlevel',
      'test_events',
      'test_threads',
      'test_subprocess',
      'test_streams',
      'test_locks',
      'test_queues',
    ];

/** How long one module may take (LIMIT_S in the environment: another figure). */
const LIMIT_MS = Number(process.env.LIMIT_S ?? 300) * 1000;

if (modules.length > 1) {
  // One process a module, each with a time limit: a test that waits on something the
  // runtime cannot give (a thread computing without ever blocking) would hold the rest.
  for (const module of modules) {
    const args = [process.argv[1], '--tests', values.tests, ...(values.runtime ? ['--runtime', values.runtime] : []), module];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: LIMIT_MS });
    process.stdout.write(child.stdout || '');
    if (child.error) console.log(`${module}: stopped after ${LIMIT_MS / 1000} s (a test that never ends)`);
    else if (!child.stdout) {
      const last = (child.stderr || '')
        .trim()
        .split('\n')
        .filter((line) => line.trim() && line.length < 300)
        .at(-1);
      console.log(`${module}: the interpreter failed: ${last ?? `exit status ${child.status}`}`);
    }
  }
  process.exit(0);
}

const pyodide = await loadPyodide({ indexURL: PYODIDE_DIR, stdout: () => {}, stderr: () => {} });
Engine.install(pyodide, pythonFiles(values.runtime));
pyodide.FS.mkdirTree('/cpython');
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: values.tests }, '/cpython');
const run = pyodide.pyimport('asyncio_live.runner').run_json;

const program = (module: string) =>
  `
import io, json, sys, unittest, importlib, traceback
sys.path.insert(0, "/cpython")
# test.support skips sockets, subprocesses and threads on Emscripten wholesale: the
# runtime has its own, so let the tests find out.
from test import support
support.has_socket_support = support.has_subprocess_support = True
from test.support import threading_helper
threading_helper.can_start_thread = True
counts = {"run": 0, "passed": 0, "failed": 0, "errors": 0, "skipped": 0}
causes = {}
try:
    suite = unittest.defaultTestLoader.loadTestsFromModule(importlib.import_module("test.test_asyncio.${module}"))
    result = unittest.TextTestRunner(stream=sys.stdout if ${values.verbose ? 'True' : 'False'} else io.StringIO(), verbosity=2 if ${values.verbose ? 'True' : 'False'} else 0).run(suite)
    counts.update(run=result.testsRun, failed=len(result.failures), errors=len(result.errors), skipped=len(result.skipped))
    counts["passed"] = result.testsRun - len(result.failures) - len(result.errors) - len(result.skipped) - len(result.expectedFailures)
    for test, text in result.failures + result.errors:
        cause = text.strip().splitlines()[-1][:140]
        causes[cause] = causes.get(cause, 0) + 1
except BaseException as error:
    causes["the module did not load: " + "".join(traceback.format_exception_only(error)).strip()[:200]] = 1
# To the run's own stdout: a test may leave sys.stdout replaced.
print(json.dumps({"counts": counts, "causes": sorted(causes.items(), key=lambda c: -c[1])[:8]}), file=sys.__stdout__)
`;

for (const module of modules) {
  let out = '';
  const options = JSON.stringify(runOptions({ deterministic: true, maxOutputLines: 100_000, maxOutputBytes: 10_000_000 }));
  const started = performance.now();
  const result = JSON.parse(
    await run.callPromising(
      program(module),
      options,
      (_stream: string, text: string) => {
        out += text;
        if (values.verbose) process.stdout.write(text);
      },
      undefined,
      undefined,
      // A runtime from before threads (its run_json takes no fifth callback) gets none.
      ...(values.runtime ? [] : [startStack]),
    ),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // The summary line (stderr may have left a partial line before it, and what the
  // interpreter prints as it collects the last garbage may follow it).
  const at = out.lastIndexOf('{"counts"');
  const line = at >= 0 ? out.slice(at).split('\n')[0] : (out.trim().split('\n').at(-1) ?? '');
  if (!result.ok || !line.startsWith('{')) {
    const why = result.ok
      ? `its output ended with ${JSON.stringify(line.slice(0, 200))}`
      : `${result.error.type}: ${result.error.message.slice(0, 200)}`;
    console.log(`${module}: the run failed (${seconds} s): ${why}`);
    continue;
  }
  const { counts, causes } = JSON.parse(line);
  console.log(
    `${module}: ${counts.passed} of ${counts.run} pass (${counts.failed} failures, ${counts.errors} errors, ${counts.skipped} skipped) in ${seconds} s`,
  );
  for (const [cause, n] of causes) console.log(`    ${n} × ${cause}`);
}
