import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/**
 * Serves the built site on localhost for browser tests, as a static host would:
 * with cross-origin isolation headers (`isolated`), or with none.
 */
export async function serveDist(dir: string, isolated: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const files = sirv(dir, {
    dev: true, // no caching between test runs of different builds
    setHeaders(response) {
      if (!isolated) return;
      response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    },
  });
  const server: Server = createServer((request, response) =>
    files(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
