/**
 * The worker's boot fetches, checked against the build's digests (runtime/download/checked-fetch.ts):
 * the right bytes pass unchanged, a wrong copy is asked for again the way the service
 * worker checks itself, and a wrong copy never reaches its end in the consumer. A fake
 * `fetch` stands in for the network and the service worker.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHECKED_HERE } from '../../../runtime/protocol/fetch-headers';
import { checkedFetch, NotAsBuilt, readChecked, withCheckedFetch } from '../../../runtime/download/checked-fetch';

const URL_ZIP = 'http://site.test/pyodide/python_stdlib.zip';
const URL_WASM = 'http://site.test/pyodide/pyodide.asm.wasm';
const GOOD = new Uint8Array(200_000).map((_, i) => (i * 7) % 251);
const BAD = GOOD.map((byte, i) => (i === 150_000 ? byte ^ 1 : byte));
/** A valid WebAssembly module: the header, then a custom section "x" of 100 KB. */
const GOOD_WASM = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0,
  0,
  0,
  0x00,
  0xa2,
  0x8d,
  0x06,
  0x01,
  0x78,
  ...new Uint8Array(100_000).map((_, i) => i % 251),
]);
const BAD_WASM = GOOD_WASM.map((byte, i) => (i === 90_000 ? byte ^ 1 : byte));
const integrityOf = (bytes: Uint8Array) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
const INTEGRITY = { [URL_ZIP]: integrityOf(GOOD), [URL_WASM]: integrityOf(GOOD_WASM) };

/** A body in 16 KB chunks, as a network delivers it. */
function chunked(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + 16_384));
      at += 16_384;
    },
  });
}

/** A fetch that answers with `copies` in turn (the last one again after that), recording each request. */
function fakeFetch(...copies: Uint8Array[]) {
  const requests: { url: string; checkedHere: string | null; cache: RequestCache | undefined }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    requests.push({ url, checkedHere: new Headers(init?.headers).get(CHECKED_HERE), cache: init?.cache });
    const bytes = copies[Math.min(requests.length - 1, copies.length - 1)];
    const type = url.endsWith('.wasm') ? 'application/wasm' : 'application/zip';
    return new Response(chunked(bytes), { headers: { 'Content-Type': type } });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('checked boot fetches', () => {
  it("passes the build's bytes on unchanged, telling the service worker it checks them; leaves other URLs alone", async () => {
    const { fetch, requests } = fakeFetch(GOOD);
    const checked = checkedFetch(fetch, INTEGRITY, () => {});
    expect(await bytesOf(await checked(URL_ZIP))).toEqual(GOOD);
    await checked('http://site.test/other.json');
    expect(requests).toEqual([
      { url: URL_ZIP, checkedHere: 'sha256', cache: undefined },
      { url: 'http://site.test/other.json', checkedHere: null, cache: undefined },
    ]);
  });

  it("asks once more, the checked way (cache: reload), for a copy that is not the build's", async () => {
    const { fetch, requests } = fakeFetch(BAD, GOOD);
    expect(await bytesOf(await checkedFetch(fetch, INTEGRITY, () => {})(URL_ZIP))).toEqual(GOOD);
    expect(requests.map(({ checkedHere, cache }) => [checkedHere, cache])).toEqual([
      ['sha256', undefined],
      [null, 'reload'],
    ]);
  });

  it('fails, saying why, when the reloaded copy is wrong too', async () => {
    const { fetch } = fakeFetch(BAD);
    const failure = checkedFetch(fetch, INTEGRITY, () => {})(URL_ZIP);
    await expect(failure).rejects.toBeInstanceOf(NotAsBuilt);
    await expect(failure).rejects.toThrow(`${URL_ZIP} did not arrive as the site built it`);
  });

  it('compiles WebAssembly as it arrives, but instantiates only the build’s bytes; a wrong copy fails the boot once replaced', async () => {
    for (const [copies, right] of [
      [[GOOD_WASM], true],
      [[BAD_WASM, GOOD_WASM], false],
    ] as const) {
      const { fetch, requests } = fakeFetch(...copies);
      // The scope's own WebAssembly, so that the test leaves the global one alone.
      const scope = { fetch, WebAssembly: Object.create(WebAssembly) as typeof WebAssembly };
      let instantiated = false;
      // A boot that, like Pyodide's loader after a failed instantiation, never ends by itself.
      const boot = withCheckedFetch(scope, INTEGRITY, async () => {
        try {
          await scope.WebAssembly.instantiateStreaming(scope.fetch(URL_WASM), {});
          instantiated = true;
          return 'booted';
        } catch {
          return new Promise<never>(() => {});
        }
      });
      if (right) {
        expect(await boot).toBe('booted');
        expect(requests).toEqual([{ url: URL_WASM, checkedHere: 'sha256', cache: undefined }]);
      } else {
        await expect(boot).rejects.toThrow(`${URL_WASM} did not arrive as the site built it`);
        expect(instantiated).toBe(false);
        expect(requests.at(-1)).toEqual({ url: URL_WASM, checkedHere: null, cache: 'reload' });
      }
      expect(scope.fetch).toBe(fetch);
      expect(
        Object.hasOwn(scope.WebAssembly, 'instantiateStreaming')
          ? scope.WebAssembly.instantiateStreaming
          : WebAssembly.instantiateStreaming,
      ).toBe(WebAssembly.instantiateStreaming);
    }
  });

  it('reads a body whole, with a copy used alongside, whose use is kept only for the build’s bytes (the snapshot, inflated as it arrives)', async () => {
    const { fetch } = fakeFetch(BAD, GOOD);
    const sizes: number[] = [];
    const read = await readChecked(fetch, URL_ZIP, INTEGRITY[URL_ZIP], async (copy) => {
      const bytes = new Uint8Array(await copy.arrayBuffer());
      sizes.push(bytes.length);
      return bytes[150_000];
    });
    expect(read?.bytes).toEqual(GOOD);
    expect(read?.value).toBe(GOOD[150_000]);
    // Both copies were used as they came; only the right one's use came back.
    expect(sizes).toEqual([BAD.length, GOOD.length]);
  });
});
