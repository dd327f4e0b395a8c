/**
 * Lints the runtime's Python package (runtime/python/) with Ruff, through its official
 * WebAssembly build (no Python toolchain needed on the machine), with the settings of
 * the repository's ruff.toml (where editors and a local `ruff` find them too). Prints
 * each finding as `path:line:column: CODE message` and exits 1 when there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { parse } from 'smol-toml';

const ROOT = join(import.meta.dirname, '../..');
const PACKAGE = join(ROOT, 'runtime/python');

// `include` says which files a command-line Ruff checks; here, the walk below does.
const { include: _include, ...SETTINGS } = parse(readFileSync(join(ROOT, 'ruff.toml'), 'utf8'));

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
