/**
 * Programs and what CPython prints for them, as input/output pairs in programs/.
 * Each .out was produced by CPython 3.13 on this machine, the net_*.py ones over real
 * loopback sockets (the asyncio behaviour these
 * programs touch is the same in 3.14); times are what the deterministic clock makes
 * exact, where CPython printed them with microseconds of drift (1.5024... -> 1.5).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPython } from './run-python';

const dir = join(import.meta.dirname, 'programs');
const programs = readdirSync(dir).filter((name) => name.endsWith('.py'));

describe('programs print what CPython prints', () => {
  it('has programs to run', () => {
    expect(programs.length).toBeGreaterThanOrEqual(8);
  });

  it.each(programs)('%s', async (name) => {
    const code = readFileSync(join(dir, name), 'utf8');
    const expected = readFileSync(join(dir, name.replace(/\.py$/, '.out')), 'utf8');
    const { output, result } = await runPython(code);
    expect(output).toBe(expected);
    expect(result.ok).toBe(true);
  });
});
