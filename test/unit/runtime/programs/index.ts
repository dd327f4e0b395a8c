import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A program of this folder by name (`gather_squares`), shared by tests and benchmarks. */
export function program(name: string): string {
  return readFileSync(join(import.meta.dirname, `${name}.py`), 'utf8');
}
