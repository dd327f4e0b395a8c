import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import type { RuntimeOptions, WorkerLike } from '../page/api.ts';
import { Runtime } from '../page/runtime.ts';
import { Engine } from '../worker/engine.ts';
import type { PythonFiles } from '../protocol/index.ts';

/** The runtime in Node: for tests, the command line, the site's build, and authors checking examples. */

export { makeSnapshot, snapshotName } from '../snapshot/snapshot.ts';

const PYTHON_DIR = join(import.meta.dirname, '../python');

/** The runtime's Python package, read from `runtime/python/`. */
export function pythonFiles(root = PYTHON_DIR): PythonFiles {
  const files: PythonFiles = {};
  const read = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== '__pycache__') read(path);
      } else if (name.endsWith('.py')) {
        files[relative(root, path)] = readFileSync(path, 'utf8');
      }
    }
  };
  read(root);
  return files;
}

const PACKAGES_DIR = join(import.meta.dirname, '../vendor/site-packages');

/** The packages that come with the runtime (python-packages.ts), read from `runtime/vendor/site-packages/`. */
export function pythonPackages(dir = PACKAGES_DIR): PythonFiles {
  const files: PythonFiles = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (name !== '__pycache__' && name !== 'LICENSES') walk(path);
      } else if (name.endsWith('.py') || name.endsWith('.pem') || name.endsWith('.crt')) {
        files[relative(dir, path)] = readFileSync(path, 'utf8');
      }
    }
  };
  walk(dir);
  return files;
}

/** Pyodide's files in the project's own node_modules: booting needs no network. */
export const PYODIDE_DIR = `${dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`;

/**
 * Boots Pyodide from the project's own copy of its files and installs the runtime;
 * from a memory snapshot (see snapshot.ts) when one is given.
 */
export async function bootNodeEngine(options: { snapshot?: Uint8Array } = {}): Promise<Engine> {
  const { snapshot } = options;
  const engine = await Engine.boot(loadPyodide, PYODIDE_DIR, pythonFiles(), snapshot ? async () => snapshot : undefined);
  engine.providePackages(() => pythonPackages());
  return engine;
}

/** The runtime's worker as a Node worker thread, adapted to what the client expects. */
export function nodeWorker(): WorkerLike {
  const worker = new Worker(new URL('../worker/node-entry.ts', import.meta.url));
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (handler) => worker.on('message', handler),
    onError: (handler) => worker.on('error', (error) => handler(error.message)),
    terminate: () => void worker.terminate(),
  };
}

/** The same client the page uses, on Node worker threads. */
export function createNodeRuntime(options: Partial<RuntimeOptions> = {}): Runtime {
  return new Runtime({ createWorker: nodeWorker, indexURL: PYODIDE_DIR, loadFiles: () => pythonFiles(), ...options });
}
