import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSnapshot, PYODIDE_DIR, pythonFiles, snapshotName } from '../../runtime/node/node-runtime.ts';

/** Where snapshots are kept between builds and test runs (npm's usual cache folder). */
const CACHE = join(import.meta.dirname, '../../node_modules/.cache/asyncio-live');

/**
 * The runtime's memory snapshot (runtime/snapshot/snapshot.ts): made once, then kept under its
 * name, which changes with Pyodide's version and the runtime's files, so a kept one is
 * always the one these inputs make. The build and the tests share it: booting Python to
 * make one costs seconds.
 */
export async function cachedSnapshot(files = pythonFiles()): Promise<{ name: string; path: string; bytes: Uint8Array }> {
  const name = snapshotName(files);
  const path = join(CACHE, name);
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true });
    // Written beside, then renamed: a reader never sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, await makeSnapshot(PYODIDE_DIR, files));
    renameSync(partial, path);
  }
  return { name, path, bytes: readFileSync(path) };
}
