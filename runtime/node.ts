import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { loadPyodide } from 'pyodide';
import { Engine, type PythonFiles } from './engine.ts';

/** The runtime in Node: for tests, the command line, and authors checking examples. */

const PYTHON_DIR = join(import.meta.dirname, 'python');

/** The runtime's Python package, read from `runtime/python/`. */
export function pythonFiles(dir = PYTHON_DIR): PythonFiles {
  const files: PythonFiles = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__pycache__') Object.assign(files, pythonFiles(path));
    } else if (name.endsWith('.py')) {
      files[relative(PYTHON_DIR, path)] = readFileSync(path, 'utf8');
    }
  }
  return files;
}

/** Boots Pyodide from the project's own copy of its files (no network) and installs the runtime. */
export async function bootNodeEngine(): Promise<Engine> {
  const indexURL = dirname(createRequire(import.meta.url).resolve('pyodide/package.json')) + '/';
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  return Engine.create(pyodide, pythonFiles());
}
