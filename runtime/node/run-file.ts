/**
 * What `asyncio-live run FILE.py` does once Python is up (cli.ts parses the command):
 * reads the file's bytes as CPython would, runs them, writes what CPython would write,
 * and returns the exit status CPython would exit with.
 */
import type { Engine } from '../worker/engine.ts';
import type { OutputChunk, RunResult } from '../protocol/index.ts';
import { decodeSource } from './source.ts';

export interface FileRunOptions {
  /** Print the run's trace as JSON lines instead of its output. */
  trace?: boolean;
  deterministic?: boolean;
  /** Add the loop's state at each turn to the trace (RunOptions.steps; implies `trace`). */
  steps?: boolean;
  /** Run the file as a notebook cell (RunOptions.notebook). */
  notebook?: boolean;
}

export interface Streams {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The next line of standard input (for `input()`), undefined at its end; none: no input. */
  readLine?(): string | undefined;
}

export async function runFile(engine: Engine, bytes: Uint8Array, file: string, options: FileRunOptions, streams: Streams): Promise<number> {
  const source = decodeSource(bytes, file);
  if (!source.ok) {
    streams.stderr(`${source.error}\n`);
    return 1;
  }
  const jsonLine = (value: object) => streams.stdout(`${JSON.stringify(value)}\n`);
  // The interpreter's own report of a crash (`t` null) quotes the runtime's frames
  // around the program's: only the program's are the reader's business.
  let report = '';
  const printReport = () => {
    streams.stderr(
      report
        .split(/(?<=\n)/)
        .filter((line) => !line.includes('/home/pyodide/'))
        .join(''),
    );
    report = '';
  };
  const write = (chunk: OutputChunk) => {
    if (chunk.t === null) report += chunk.text;
    else if (chunk.stream === 'stdout') streams.stdout(chunk.text);
    else streams.stderr(chunk.text);
  };
  const runOptions = { deterministic: options.deterministic, notebook: options.notebook, steps: options.steps };
  // Pyodide reports its own fatal errors on the console, quoting its whole minified
  // source: held back here, and summed up in one line below.
  const console_ = { error: console.error, warn: console.warn };
  console.error = console.warn = () => {};
  let result: RunResult;
  try {
    result =
      options.trace || options.steps
        ? await engine.run(
            source.code,
            runOptions,
            () => {},
            (events) => events.forEach(jsonLine),
          )
        : await engine.run(source.code, runOptions, write, undefined, streams.readLine && (() => streams.readLine!()));
  } catch (error) {
    printReport();
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
    streams.stderr(`asyncio-live: Python crashed while running ${file} (${reason}). Very deep recursion is the usual cause.\n`);
    return 1;
  } finally {
    Object.assign(console, console_);
  }
  printReport();
  if (options.trace || options.steps) jsonLine({ type: 'result', ...result });
  // As CPython does, a program that raised ends with its traceback on stderr.
  else if (!result.ok) streams.stderr(result.error.traceback);
  return result.ok ? 0 : (result.error.exitStatus ?? 1);
}
