import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeSnapshot, PYODIDE_DIR, pythonFiles, snapshotName } from '../runtime/node.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The runtime's memory snapshot (runtime/snapshot.ts), made once for the whole run. */
    pythonSnapshot: {
      /** Its file, for engines booted in the test's own thread. */
      path: string;
      /** The same file over HTTP on loopback, for runtimes on worker threads (they fetch it, as a page does). */
      url: string;
    };
  }
}

const CACHE = join(import.meta.dirname, '../node_modules/.cache/asyncio-live');

/**
 * Vitest global setup of the Node projects: Python boots once, here, into a memory
 * snapshot; every test file restores its interpreter from it (about 0.4 s instead of
 * 2-3 s a boot). The snapshot is named by Pyodide's version and the runtime's files, so
 * a cached one is reused until either changes.
 */
export default async function pythonSnapshot(project: TestProject): Promise<() => Promise<void>> {
  const path = join(CACHE, snapshotName(pythonFiles()));
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, await makeSnapshot(PYODIDE_DIR, pythonFiles()));
    renameSync(partial, path);
  }
  const bytes = readFileSync(path);
  const server = createServer((_request, response) => response.end(bytes));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('pythonSnapshot', { path, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/python.snapshot.gz` });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
