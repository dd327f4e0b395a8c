#!/usr/bin/env node
/**
 * `npx asyncio-live run FILE.py [--trace] [--deterministic]`: runs a program on the
 * runtime in Node, printing its stdout and stderr as CPython would. Exits 1 when the
 * program raised, 2 on a usage error.
 *
 * --trace prints the run's trace instead, as JSON lines on stdout (the program's
 * output is in its `output` events), ending with a `result` line.
 * --deterministic makes computation cost no loop time, as the doc-tests do.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bootNodeEngine } from './node.ts';

const usage = 'usage: asyncio-live run FILE.py [--trace] [--deterministic]';

function fail(message: string): never {
  process.stderr.write(`asyncio-live: ${message}\n${usage}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { deterministic: { type: 'boolean' }, trace: { type: 'boolean' } } });
} catch (error) {
  fail((error as Error).message);
}
const [command, file, ...rest] = parsed.positionals;
if (command !== 'run' || !file || rest.length > 0) fail('expected one command, run, and one file');

let code: string;
try {
  code = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

const engine = await bootNodeEngine();
const options = { deterministic: parsed.values.deterministic ?? false };
const jsonLine = (value: object) => process.stdout.write(JSON.stringify(value) + '\n');
const result = parsed.values.trace
  ? engine.run(code, options, () => {}, jsonLine)
  : engine.run(code, options, (chunk) => (chunk.stream === 'stdout' ? process.stdout : process.stderr).write(chunk.text));
if (parsed.values.trace) jsonLine({ type: 'result', ...result });
// As CPython does, a program that raised ends with its traceback on stderr.
else if (!result.ok) process.stderr.write(result.error.traceback);
process.exitCode = result.ok ? 0 : 1;
