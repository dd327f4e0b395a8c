import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { HEADER_POLICY, ISOLATION_HEADERS } from '../../src/security/policy.ts';

/**
 * Serves the built site on localhost for browser tests, as a static host would:
 * with the headers `npm start` sends (`isolated`: isolation and the header policy),
 * or with none, like a host that cannot set headers. `validators: false` is a host that
 * sends no ETag and no Last-Modified (a copy cannot be revalidated, only fetched again).
 */
export async function serveDist(
  dir: string,
  isolated: boolean,
  { validators = true }: { validators?: boolean } = {},
): Promise<{
  url: string;
  /** Paths the server was asked for, in order. */
  served: string[];
  /** Paths whose whole body the server sent (status 200), with its bytes, in order. */
  sent: { path: string; bytes: number }[];
  close(): Promise<void>;
}> {
  const served: string[] = [];
  const sent: { path: string; bytes: number }[] = [];
  const files = sirv(dir, {
    // Files are read per request (no caching between test runs of different builds), and
    // sent with an ETag: a page's browser revalidates its copies as a reader's does,
    // and keeps Python's compiled WebAssembly between the pages of one visit.
    dev: true,
    etag: validators,
    setHeaders(response) {
      if (!validators) response.removeHeader('Last-Modified');
      if (!isolated) return;
      for (const [name, value] of Object.entries(ISOLATION_HEADERS)) response.setHeader(name, value);
      response.setHeader('Content-Security-Policy', HEADER_POLICY);
    },
  });
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    served.push(path);
    response.on('finish', () => {
      if (response.statusCode === 200) sent.push({ path, bytes: Number(response.getHeader('Content-Length') ?? 0) });
    });
    files(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
