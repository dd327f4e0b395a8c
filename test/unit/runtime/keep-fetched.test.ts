import { describe, expect, it } from 'vitest';
import { keepingFetch } from '../../../runtime/download/keep-fetched';

/** A CacheStorage of one cache, enough for keepingFetch: what it was given to keep, read whole. */
function fakeStorage() {
  const kept = new Map<string, Promise<string>>();
  const cache = { put: async (url: string, response: Response) => void kept.set(url, response.text()) };
  const storage = { open: async () => cache } as unknown as CacheStorage;
  return { storage, kept };
}

describe('a boot keeps what it fetches for the service worker', () => {
  it('puts a whole copy of each ok GET into the cache, and the caller still reads the response', async () => {
    const { storage, kept } = fakeStorage();
    const original = (async (input: RequestInfo | URL) => new Response(`bytes of ${String(input)}`)) as typeof fetch;
    const fetched = keepingFetch(original, 'handoff', storage);
    const response = await fetched('https://site.example/pyodide/python_stdlib.zip');
    // Read at once, as the boot does: the copy was taken before.
    expect(await response.text()).toBe('bytes of https://site.example/pyodide/python_stdlib.zip');
    await expect.poll(() => kept.size).toBe(1);
    expect(await kept.get('https://site.example/pyodide/python_stdlib.zip')).toBe(
      'bytes of https://site.example/pyodide/python_stdlib.zip',
    );
  });

  it('keeps nothing that failed, and nothing but a GET', async () => {
    const { storage, kept } = fakeStorage();
    const failing = keepingFetch((async () => new Response('gone', { status: 404 })) as typeof fetch, 'handoff', storage);
    expect((await failing('https://site.example/missing')).status).toBe(404);
    const posting = keepingFetch((async () => new Response('ok')) as typeof fetch, 'handoff', storage);
    await posting('https://site.example/form', { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(kept.size).toBe(0);
  });
});
