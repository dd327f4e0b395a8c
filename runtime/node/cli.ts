#!/usr/bin/env node
/**
 * `npx asyncio-live run FILE.py [--trace] [--steps] [--deterministic] [--notebook]`: runs a program on the
 * runtime in Node, printing its stdout and stderr as CPython would (run-file.ts). Exits
 * as CPython does: 1 when the program raised, its status when it exited
 * (`sys.exit(3)`), 2 on a usage error.
 *
 * --trace prints the run's trace instead, as JSON lines on stdout (the program's
 * output is in its `output` events), ending with a `result` line.
 * --steps adds the loop's state at the end of each turn to that trace (`turn` events).
 * --deterministic makes computation cost no loop time, as the doc-tests do.
 * --notebook runs the file as a Jupyter notebook cell: in a loop that is already
 * running, with top-level `await`, its last expression's value shown.
 */
import { readFileSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bootNodeEngine } from './node-runtime.ts';
import { runFile } from './run-file.ts';

const usage = 'usage: asyncio-live run FILE.py [--trace] [--steps] [--deterministic] [--notebook]';

function fail(message: string): never {
  process.stderr.write(`asyncio-live: ${message}\n${usage}\n`);
  process.exit(2);
}

let parsed: ReturnType<
  typeof parseArgs<{
    allowPositionals: true;
    options: { deterministic: { type: 'boolean' }; notebook: { type: 'boolean' }; trace: { type: 'boolean' }; steps: { type: 'boolean' } };
  }>
>;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { deterministic: { type: 'boolean' }, notebook: { type: 'boolean' }, trace: { type: 'boolean' }, steps: { type: 'boolean' } },
  });
} catch (error) {
  fail((error as Error).message);
}
const [command, file, ...rest] = parsed.positionals;
if (command !== 'run' || !file || rest.length > 0) fail('expected one command, run, and one file');

let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

const engine = await bootNodeEngine();
process.exitCode = await runFile(engine, bytes, file, parsed.values, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readLine: stdinLines(),
});

/** Lines of standard input, read as `input()` asks for them (the run blocks meanwhile, as CPython's does). */
function stdinLines(): () => string | undefined {
  const chunk = Buffer.alloc(64 * 1024);
  let pending = Buffer.alloc(0);
  let ended = false;
  return () => {
    for (;;) {
      const newline = pending.indexOf(10);
      if (newline >= 0) {
        const line = pending.subarray(0, newline + 1).toString('utf8');
        pending = pending.subarray(newline + 1);
        return line;
      }
      if (ended) {
        if (pending.length === 0) return undefined;
        const rest = pending.toString('utf8');
        pending = Buffer.alloc(0);
        return rest;
      }
      let read = 0;
      try {
        read = readSync(0, chunk, 0, chunk.length, null);
      } catch (error) {
        // A terminal or pipe with nothing yet: wait for it (EAGAIN); anything else ends input.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        read = 0;
      }
      if (read === 0) ended = true;
      else pending = Buffer.concat([pending, chunk.subarray(0, read)]);
    }
  };
}
