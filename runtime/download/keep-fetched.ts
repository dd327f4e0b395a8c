/**
 * A fetch that also puts each whole response it gets into a cache (Cache Storage), as
 * the response streams on: on a reader's first visit the page fetches Python before the
 * site's service worker is there to see it, and the service worker, which keeps Python
 * for offline use, then fetched the same 22 MB again (twice the bytes on a host that
 * sends no validators). It adopts these copies instead, after checking their bytes.
 */
type Fetch = typeof fetch;

export function keepingFetch(original: Fetch, cacheName: string, storage: CacheStorage): Fetch {
  return async (input, init) => {
    const response = await original(input, init);
    if (response.ok && response.status === 200 && (!init?.method || init.method === 'GET')) {
      const url = input instanceof Request ? input.url : String(input);
      // Cloned now: the caller reads the body as soon as it has the response.
      const copy = response.clone();
      void storage
        .open(cacheName)
        .then((cache) => cache.put(url, copy))
        .catch(() => {});
    }
    return response;
  };
}
