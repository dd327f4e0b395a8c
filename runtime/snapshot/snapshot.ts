import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { loadPyodide, version as pyodideVersion } from 'pyodide';
import { Engine } from '../worker/engine.ts';
import { sparse } from './sparse-memory.ts';
import type { PythonFiles } from '../protocol/index.ts';

/**
 * Memory snapshots, made at build time in Node: the interpreter's whole memory once
 * Pyodide has booted and the runtime is installed and warmed up. A browser restores it
 * in a fraction of a second instead of booting Python from scratch (seconds), then
 * only writes the runtime's files and reseeds what must differ per reader.
 *
 * This is Pyodide's private API (`_makeSnapshot`, `makeMemorySnapshot`, `_loadSnapshot`),
 * and a snapshot only fits the exact Pyodide build that made it: the name below
 * changes with Pyodide's version and the runtime's files, and the worker falls back to
 * an ordinary boot whenever a snapshot does not restore.
 */

/** Bumped when what goes into a snapshot changes in a way the inputs below do not show. */
const FORMAT = 2;

/**
 * `python-<hash>.snapshot`: a new name whenever Pyodide or the runtime changes. Its
 * bytes are gzipped, but the name does not say so: a host then sends them as they are
 * (many send a `.gz` file with `Content-Encoding: gzip`), so the browser and the
 * service worker's cache hold 6 MB, not 31, and the worker inflates them as they arrive.
 */
export function snapshotName(files: PythonFiles): string {
  const hash = createHash('sha256').update(`${FORMAT}\0${pyodideVersion}\0`);
  for (const path of Object.keys(files).sort()) hash.update(`${path}\0${files[path]}\0`);
  return `python-${hash.digest('hex').slice(0, 16)}.snapshot`;
}

/**
 * Boots Pyodide from `indexURL` (a folder of its files), installs the runtime, and
 * returns the interpreter's memory without its zero pages (sparse-memory.ts), gzipped.
 */
export async function makeSnapshot(indexURL: string, files: PythonFiles): Promise<Uint8Array> {
  const pyodide = await loadPyodide({
    indexURL,
    stdout: () => {},
    stderr: () => {},
    // What a browser's Pyodide calls itself. In Node it would be the path of the
    // script that made the snapshot, and that path would then show in every reader's
    // `sys.executable` and `os.environ["_"]`.
    _sysExecutable: './this.program',
    _makeSnapshot: true,
  } as Parameters<typeof loadPyodide>[0]);
  Engine.install(pyodide, files);
  const memory = (pyodide as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
  return gzipSync(sparse(memory));
}
