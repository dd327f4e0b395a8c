/**
 * The fetches a worker makes while it boots (Pyodide's files, the snapshot), checked
 * here in the worker against the build's digests (Subresource Integrity notation,
 * `sha256-...`). The site's service worker, told so by a request header, then gives
 * its cached copy unread instead of reading and hashing 45 MB itself first: that cost
 * every page 2 s. (The browser's own `fetch(url, { integrity })` checks too, but
 * slower than this.)
 *
 * A copy that is not the build's (damaged, or rewritten in the cache by a script of the
 * site) is asked for again with `cache: 'reload'`, which the service worker answers
 * only with bytes it checked itself (replacing the bad copy); only if that fails too
 * does the fetch fail, saying so. (WebAssembly, which streams on, fails the boot
 * instead, and the next boot gets the replaced copy.)
 */
export type Integrity = Record<string, string>;

type Fetch = typeof fetch;

/** The request header that tells the site's service worker the requester checks what it gets. */
export const CHECKED_HERE = 'X-Asyncio-Live-Checked';

/** Bytes that are not the build's. */
export class NotAsBuilt extends Error {
  constructor(url: string) {
    super(`${url} did not arrive as the site built it (damaged, or changed in the browser's cache): reload the page.`);
    this.name = 'NotAsBuilt';
  }
}

/**
 * Reads `url` with `consume` (which gets the body as a stream), checked: the stream's
 * last chunk is held back until all of it is hashed, so `consume` never sees the end of
 * a wrong copy. Null for a response that is not ok.
 */
export async function readChecked<T>(
  original: Fetch,
  url: string,
  metadata: string,
  consume: (body: ReadableStream<Uint8Array>) => Promise<T>,
): Promise<{ response: Response; value: T } | null> {
  const expected = digestsIn(metadata);
  for (const reload of [false, true]) {
    const response = await original(url, reload ? { cache: 'reload' } : { headers: { [CHECKED_HERE]: 'sha256' } });
    if (!response.ok || !response.body) return null;
    try {
      return { response, value: await consume(heldUntilChecked(response.body, expected, url)) };
    } catch (error) {
      // Wrong, or broken off: either way, once more the checked way.
      if (reload) throw error;
    }
  }
  throw new NotAsBuilt(url);
}

/**
 * `fetch`, with each response for a URL in `integrity` checked. What Pyodide's loader
 * reads whole anyway is read whole here and asked for again if wrong; WebAssembly
 * streams on (it compiles as it arrives), and a wrong copy of it calls `onWrong`
 * instead, once its replacement is fetched (Pyodide's loader waits forever on a failed
 * compile, so the boot must fail by other means).
 */
export function checkedFetch(original: Fetch, integrity: Integrity, onWrong: (error: NotAsBuilt) => void): Fetch {
  return async (input, init) => {
    const url = urlOf(input);
    const metadata = integrity[url];
    if (!metadata || (init?.method && init.method !== 'GET')) return original(input, init);
    if (url.endsWith('.wasm')) {
      const response = await original(url, { headers: { [CHECKED_HERE]: 'sha256' } });
      if (!response.ok || !response.body) return response;
      const body = heldUntilChecked(response.body, digestsIn(metadata), url, (error) => {
        void original(url, { cache: 'reload' }).then(
          (again) => again.body?.cancel().finally(() => onWrong(error)),
          () => onWrong(error),
        );
      });
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    const read = await readChecked(original, url, metadata, async (body) => new Uint8Array(await new Response(body).arrayBuffer()));
    if (!read) return original(input, init);
    const { response, value } = read;
    return new Response(value, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/**
 * Runs `boot` with `scope.fetch` replaced by `checkedFetch` (Pyodide's loader looks
 * `fetch` up when it calls it), then puts the original back. The boot fails if a file
 * that streamed in was not the build's.
 */
export async function withCheckedFetch<T>(scope: { fetch?: Fetch }, integrity: Integrity, boot: () => Promise<T>): Promise<T> {
  const original = scope.fetch;
  if (!original || Object.keys(integrity).length === 0) return boot();
  let fail!: (error: NotAsBuilt) => void;
  const wrong = new Promise<never>((_, reject) => (fail = reject));
  scope.fetch = checkedFetch(original.bind(scope), integrity, fail);
  try {
    return await Promise.race([boot(), wrong]);
  } finally {
    scope.fetch = original;
  }
}

const digestsIn = (metadata: string) =>
  metadata
    .split(/\s+/)
    .filter((token) => token.startsWith('sha256-'))
    .map((token) => token.slice('sha256-'.length));

/**
 * `body` passed on as it comes, but its last chunk only once all of it hashes to one of
 * `expected`; else the stream fails (and `onWrong` hears why).
 */
function heldUntilChecked(
  body: ReadableStream<Uint8Array>,
  expected: string[],
  url: string,
  onWrong: (error: NotAsBuilt) => void = () => {},
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let held: Uint8Array | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Each pull must pass something on (or end): the first chunk is only held.
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        const passed = held;
        held = value;
        if (passed) return controller.enqueue(passed);
      }
      if (!expected.includes(await digest(chunks))) {
        const error = new NotAsBuilt(url);
        onWrong(error);
        controller.error(error);
        return;
      }
      if (held) controller.enqueue(held);
      controller.close();
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

async function digest(chunks: Uint8Array[]): Promise<string> {
  let whole = chunks[0] ?? new Uint8Array();
  if (chunks.length > 1) {
    whole = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.length;
    }
  }
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', whole as Uint8Array<ArrayBuffer>));
  return btoa(String.fromCharCode(...hash));
}

function urlOf(input: RequestInfo | URL): string {
  const url = input instanceof URL ? input.href : typeof input === 'string' ? input : input.url;
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url;
  }
}
