import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { cachedSnapshot } from '../src/integrations/snapshot-cache.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The runtime's memory snapshot (runtime/snapshot/snapshot.ts), made once for the whole run. */
    pythonSnapshot: {
      /** Its file, for engines booted in the test's own thread. */
      path: string;
      /** The same file over HTTP on loopback, for runtimes on worker threads (they fetch it, as a page does). */
      url: string;
    };
  }
}

/**
 * Vitest global setup of the Node projects: Python boots once, here, into a memory
 * snapshot (kept between runs, and shared with the build: src/integrations/snapshot-cache.ts);
 * every test file restores its interpreter from it (about 0.4 s instead of 2-3 s a boot).
 */
export default async function pythonSnapshot(project: TestProject): Promise<() => Promise<void>> {
  const { path, bytes } = await cachedSnapshot();
  const server = createServer((_request, response) => response.end(bytes));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('pythonSnapshot', { path, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/python.snapshot.gz` });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
