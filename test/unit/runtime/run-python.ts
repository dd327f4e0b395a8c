import type { Engine } from '../../../runtime/worker/engine.ts';
import { restoredEngine } from '../../python.ts';
import type { RunOptions, RunResult } from '../../../runtime/protocol/index.ts';

let engine: Promise<Engine> | undefined;

/** One interpreter for a whole test file, as one page shares one runtime. */
export function sharedEngine(): Promise<Engine> {
  engine ??= restoredEngine();
  return engine;
}

export interface Ran {
  result: RunResult;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in the order written, then the traceback, as CPython prints them. */
  output: string;
}

/** Runs a program (indentation of the template literal removed), deterministic by default. */
export async function runPython(code: string, options: Partial<RunOptions> = {}): Promise<Ran> {
  const ran: Ran = { result: { ok: true, time: 0 }, stdout: '', stderr: '', output: '' };
  ran.result = await (await sharedEngine()).run(dedent(code), { deterministic: true, ...options }, (chunk) => {
    ran[chunk.stream] += chunk.text;
    ran.output += chunk.text;
  });
  if (!ran.result.ok) {
    ran.stderr += ran.result.error.traceback;
    ran.output += ran.result.error.traceback;
  }
  return ran;
}

export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
