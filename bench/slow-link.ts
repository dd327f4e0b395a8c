import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * A TCP proxy in front of a local server that delivers its replies at the speed of a
 * slower link, shared by every connection as a real link is. Chromium's own network
 * throttling does not reach a page's workers, where Python's files are fetched, so
 * the benchmark slows the server instead.
 */
export async function slowLink(target: string, megabitsPerSecond: number): Promise<{ url: string; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const bytesPerMs = (megabitsPerSecond * 1e6) / 8 / 1000;
  let linkFreeAt = 0;
  const sockets = new Set<Socket>();

  // Each chunk leaves when the link has carried everything queued before it.
  const throttle = () =>
    new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        linkFreeAt = Math.max(performance.now(), linkFreeAt) + chunk.length / bytesPerMs;
        setTimeout(() => done(null, chunk), Math.max(0, linkFreeAt - performance.now()));
      },
    });

  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(throttle()).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
