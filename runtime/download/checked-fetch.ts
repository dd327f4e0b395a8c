import { CHECKED_HERE } from '../protocol/fetch-headers.ts';

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
 * does the fetch fail, saying so. (WebAssembly, compiled as it arrives, is instantiated
 * only once its copy hashes right; a wrong one fails the boot instead, and the next
 * boot gets the replaced copy.)
 */
export type Integrity = Record<string, string>;

type Fetch = typeof fetch;

/** Bytes that are not the build's. */
export class NotAsBuilt extends Error {
  constructor(url: string) {
    super(`${url} did not arrive as the site built it (damaged, or changed in the browser's cache): reload the page.`);
    this.name = 'NotAsBuilt';
  }
}

/**
 * Reads `url` whole and checks it, natively (a stream pumped chunk by chunk on this
 * thread, which the boot keeps busy, made the snapshot a second late). `alongside` gets
 * a copy of the response as it arrives (the snapshot inflates while it downloads); what
 * it makes is returned only if the bytes are the build's. Null for a response that is
 * not ok.
 */
export async function readChecked<T>(
  original: Fetch,
  url: string,
  metadata: string,
  alongside?: (copy: Response) => Promise<T>,
): Promise<{ response: Response; bytes: Uint8Array; value: T | undefined } | null> {
  for (const reload of [false, true]) {
    const response = await original(url, reload ? { cache: 'reload' } : { headers: { [CHECKED_HERE]: 'sha256' } });
    if (!response.ok || !response.body) return null;
    const made = alongside?.(response.clone());
    made?.catch(() => {});
    try {
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (await isAsBuilt(bytes, metadata)) return { response, bytes, value: await made };
    } catch (error) {
      // Broken off: once more, the checked way.
      if (reload) throw error;
    }
  }
  throw new NotAsBuilt(url);
}

/**
 * WebAssembly compiled from the moment its response arrives, by the stand-in Response
 * that `checkedFetch` gave for it. Pyodide's loader fetches its module early but starts
 * compiling only once the snapshot is in (its `instantiateStreaming` comes after): the
 * boot waited for one, then the other. Now both come at once.
 */
type Compiled = Promise<WebAssembly.Module>;

/**
 * `fetch`, with each response for a URL in `integrity` checked. What Pyodide's loader
 * reads whole anyway is read whole here and asked for again if wrong. WebAssembly is
 * compiled as it arrives (natively: a stream pumped here fed the compiler only when this
 * busy thread had time), while a copy is hashed; `compiled` gets the module for the
 * stand-in Response returned, once the hash is right. A wrong copy calls `onWrong`
 * instead, once its replacement is fetched (Pyodide's loader waits forever on a failed
 * compile, so the boot must fail by other means).
 */
export function checkedFetch(
  original: Fetch,
  integrity: Integrity,
  onWrong: (error: NotAsBuilt) => void,
  compiled = new WeakMap<Response, Compiled>(),
): Fetch {
  return async (input, init) => {
    const url = urlOf(input);
    const metadata = integrity[url];
    if (!metadata || (init?.method && init.method !== 'GET')) return original(input, init);
    if (url.endsWith('.wasm')) {
      const response = await original(url, { headers: { [CHECKED_HERE]: 'sha256' } });
      if (!response.ok || !response.body) return response;
      const copy = response.clone();
      const module = WebAssembly.compileStreaming(response);
      const checked = copy.arrayBuffer().then(async (bytes) => {
        if (await isAsBuilt(new Uint8Array(bytes), metadata)) return;
        const error = new NotAsBuilt(url);
        await original(url, { cache: 'reload' }).then(
          (again) => again.body?.cancel(),
          () => {},
        );
        onWrong(error);
        throw error;
      });
      const standIn = new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
      const ready = Promise.all([module, checked]).then(([made]) => made);
      ready.catch(() => {});
      compiled.set(standIn, ready);
      return standIn;
    }
    const read = await readChecked(original, url, metadata);
    if (!read) return original(input, init);
    const { response, bytes } = read;
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/**
 * Runs `boot` with `scope.fetch` replaced by `checkedFetch` (Pyodide's loader looks
 * `fetch` up when it calls it), and `WebAssembly.instantiateStreaming` taught to use the
 * module compiled early for a stand-in Response; then puts both back. The boot fails if
 * a file that streamed in was not the build's.
 */
export async function withCheckedFetch<T>(
  scope: { fetch?: Fetch; WebAssembly?: typeof WebAssembly },
  integrity: Integrity,
  boot: () => Promise<T>,
): Promise<T> {
  const original = scope.fetch;
  if (!original || Object.keys(integrity).length === 0) return boot();
  let fail!: (error: NotAsBuilt) => void;
  const wrong = new Promise<never>((_, reject) => (fail = reject));
  const compiled = new WeakMap<Response, Compiled>();
  scope.fetch = checkedFetch(original.bind(scope), integrity, fail, compiled);
  const wasm = scope.WebAssembly;
  const instantiateStreaming = wasm?.instantiateStreaming;
  if (wasm && instantiateStreaming) {
    wasm.instantiateStreaming = async (source, imports) => {
      const response = await source;
      const early = compiled.get(response);
      if (!early) return instantiateStreaming.call(wasm, response, imports);
      const module = await early;
      return { module, instance: await WebAssembly.instantiate(module, imports) };
    };
  }
  try {
    return await Promise.race([boot(), wrong]);
  } finally {
    scope.fetch = original;
    if (wasm && instantiateStreaming) wasm.instantiateStreaming = instantiateStreaming;
  }
}

const digestsIn = (metadata: string) =>
  metadata
    .split(/\s+/)
    .filter((token) => token.startsWith('sha256-'))
    .map((token) => token.slice('sha256-'.length));

/** Do `bytes` hash to one of the digests in `metadata`? */
async function isAsBuilt(bytes: Uint8Array, metadata: string): Promise<boolean> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return digestsIn(metadata).includes(btoa(String.fromCharCode(...hash)));
}

function urlOf(input: RequestInfo | URL): string {
  const url = input instanceof URL ? input.href : typeof input === 'string' ? input : input.url;
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url;
  }
}
