/**
 * Lints the runtime's Python package (runtime/python/) with Ruff, through its official
 * WebAssembly build (no Python toolchain needed on the machine). Prints each finding as
 * `path:line:column: CODE message` and exits 1 when there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';

const ROOT = join(import.meta.dirname, '../..');
const PACKAGE = join(ROOT, 'runtime/python');

/** pyflakes (F), pycodestyle errors and warnings (E, W), bugbear (B), and modern syntax (UP). */
const SETTINGS = {
  'line-length': 120,
  'target-version': 'py314',
  lint: { select: ['E', 'F', 'W', 'B', 'UP'] },
};

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__pycache__' ? [] : pythonFiles(path);
    return name.endsWith('.py') ? [path] : [];
  });
}

interface Finding {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
}

const workspace = new Workspace(SETTINGS, PositionEncoding.Utf16);
let count = 0;
const files = pythonFiles(PACKAGE);
for (const path of files) {
  for (const finding of workspace.check(readFileSync(path, 'utf8')) as Finding[]) {
    const { row, column } = finding.start_location;
    console.log(`${relative(ROOT, path)}:${row}:${column}: ${finding.code ?? ''} ${finding.message}`);
    count++;
  }
}
console.log(`ruff ${Workspace.version()}: ${files.length} files, ${count} ${count === 1 ? 'finding' : 'findings'}`);
process.exitCode = count === 0 ? 0 : 1;
