/**
 * Downloads the build's memory snapshot and inflates it: checked against the build's
 * digest (checked-fetch.ts) and inflated as it arrives, natively. The page does this
 * when it can (browser.ts): the worker's thread is busy with Pyodide's script and the
 * WebAssembly while they download, and the inflate, fed on that thread, finished a
 * second after the last byte had come. The page's thread is idle meanwhile. The worker
 * downloads it itself when the page does not (Node, tests).
 */
import { readChecked } from './checked-fetch.ts';

type Fetch = typeof fetch;

/** The snapshot's bytes, inflated; null when the server does not have it. Throws when they are not the build's. */
export async function downloadSnapshot(fetcher: Fetch, url: string, integrity: string | undefined): Promise<Uint8Array | null> {
  if (integrity) {
    const read = await readChecked(fetcher, url, integrity, inflated);
    return read ? (read.value ?? read.bytes) : null;
  }
  const response = await fetcher(url);
  if (!response.ok) return null;
  return (await inflated(response.clone())) ?? new Uint8Array(await response.arrayBuffer());
}

/**
 * A snapshot's bytes, inflated as they arrive, piped natively (not chunk by chunk through
 * script); null when they are not gzipped (a host that sent them with
 * `Content-Encoding: gzip` has inflated them already: they are taken as they came).
 */
async function inflated(response: Response): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await new Response(response.body!.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  } catch {
    return null;
  }
}
