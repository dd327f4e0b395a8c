/// <reference lib="webworker" />
/**
 * The site's service worker (bundled to /sw.js after the build, see
 * src/integrations/service-worker.ts). It makes the site work offline after one visit,
 * and cross-origin isolated on hosts that cannot send headers.
 *
 * - The site (pages, styles, scripts, search index) is precached when it installs.
 * - Python and the editor (about 23 MB) are cached when a reader first shows intent on
 *   an example or while the page is read (the page sends WARM once Python has booted,
 *   messages.ts): readers whose Python never starts (Save-Data, a slow link) never pay.
 *   Each file crosses the network once, whether the page or the cache asked first
 *   (what the page fetched before this worker was there is taken from the HTTP cache).
 * - Every response gets the isolation headers and the header policy, but Python's and
 *   the editor's files (same-origin subresources, on which they have no say).
 * - A cached copy is served only if its bytes are the build's (integrity.ts): a script
 *   that rewrote the cache cannot make the site serve what it wrote. The service worker
 *   checks them itself, or the requester says it does (runtime/download/checked-fetch.ts).
 * - A new build's worker waits until the page asks it to take over (UPDATE, messages.ts),
 *   so one page never mixes two versions; old caches are then removed.
 */
import { addPlugins, cleanupOutdatedCaches, getCacheKeyForURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { cacheNames, type WorkboxPlugin } from 'workbox-core';
import { HEADER_POLICY, ISOLATION_HEADERS } from '../security/policy.ts';
import { HANDOFF_CACHE, RUNTIME_CACHE } from './cache-names.ts';
import { cachedAsBuilt, checkedByRequester, verified } from './integrity.ts';
import { readMessage, UPDATE, WARM } from './messages.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  __RUNTIME_MANIFEST: (PrecacheEntry | string)[];
};

/** Adds the isolation headers and the header policy to a same-origin response. */
function withSiteHeaders(response: Response): Response {
  if (response.type === 'opaque' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  headers.set('Content-Security-Policy', HEADER_POLICY);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const siteHeaders: WorkboxPlugin = {
  handlerWillRespond: async ({ response }) => withSiteHeaders(response),
  // A copy that is not the build's counts as missing: the network is asked instead.
  cachedResponseWillBeUsed: async ({ cacheName, request, cachedResponse }) =>
    (await verified(request.url, cachedResponse, async () => (await caches.open(cacheName)).delete(request))) ?? null,
};

addPlugins([siteHeaders]);
precacheAndRoute(self.__WB_MANIFEST, { cleanURLs: true, directoryIndex: 'index.html', ignoreURLParametersMatching: [/./] });
cleanupOutdatedCaches();

// Python and the editor: kept under revisioned keys in a cache of their own, filled
// on the page's request. (Workbox's precaching fills caches only during install.)
const runtimeKeys = new Map<string, string>(
  self.__RUNTIME_MANIFEST.map((entry) => {
    const { url, revision } = typeof entry === 'string' ? { url: entry, revision: null } : entry;
    const absolute = new URL(url, self.location.href);
    const key = new URL(absolute);
    if (revision) key.searchParams.set('__revision', revision);
    return [absolute.href, key.href];
  }),
);

/**
 * Runtime files on their way into the cache, by cache key. The page's worker asks for
 * Python's files at the moment the page asks for them to be kept: each must cross the
 * network once (they are 20 MB), whoever asked first.
 */
const storing = new Map<string, Promise<void>>();

/**
 * A runtime file: from the cache, or else from the network, once, kept in the cache as
 * it streams to whoever asked. A second request for a file on its way waits for it.
 */
function runtimeFile(url: string, key: string): Promise<Response> {
  const onItsWay = storing.get(key);
  if (onItsWay) return onItsWay.then(async () => (await fromCache(key)) ?? fetch(url));
  // Registered before anything is awaited: a request that comes meanwhile waits for this one.
  let stored!: () => void;
  storing.set(
    key,
    new Promise<void>((resolve) => (stored = resolve)).finally(() => storing.delete(key)),
  );
  return (async () => {
    let copying = false;
    try {
      const cached = await fromCache(key);
      if (cached) return cached;
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok) return response;
      const cache = await caches.open(RUNTIME_CACHE);
      copying = true;
      // The copy is written as the response streams on; the file counts as stored then.
      void cache
        .put(key, response.clone())
        .catch(() => {})
        .finally(stored);
      return response;
    } finally {
      if (!copying) stored();
    }
  })();
}

function fromCache(key: string): Promise<Response | undefined> {
  return cachedAsBuilt(RUNTIME_CACHE, key);
}

/**
 * A copy of `url` the page already fetched, if its bytes are the build's, put in the
 * runtime cache under `key`. On a first visit the page fetches Python before this worker
 * is there to see it: fetching it all again here (revalidated with `no-cache`) sent the
 * 22 MB twice on a host that sends no validators (no ETag, no Last-Modified). The page
 * kept its copies in the handoff cache (cache-names.ts); a script loaded by `import`
 * (pyodide.asm.mjs) is not there, but in the browser's HTTP cache on a host with validators.
 */
async function adoptFetched(url: string, key: string): Promise<boolean> {
  const handoff = await caches.open(HANDOFF_CACHE);
  let copy = await verified(url, await handoff.match(url), () => handoff.delete(url));
  if (!copy) {
    const cached = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => null);
    copy = cached?.ok ? await verified(url, cached, async () => undefined) : undefined;
  }
  if (!copy) return false;
  await (await caches.open(RUNTIME_CACHE)).put(key, copy);
  return true;
}

async function warmRuntime(): Promise<void> {
  // Each page asks at its reader's first intent. What is there already is left unread
  // here (a copy is checked when it is served): reading and hashing 50 MB on every page
  // took the cores from the boot it runs beside.
  const present = new Set((await (await caches.open(RUNTIME_CACHE)).keys()).map((request) => request.url));
  for (const [url, key] of runtimeKeys) {
    if (present.has(key)) continue;
    if (storing.has(key)) {
      await storing.get(key);
      continue;
    }
    if (await adoptFetched(url, key).catch(() => false)) continue;
    const response = await runtimeFile(url, key);
    // Only the cached copy is wanted here; it is written one file at a time.
    void response.body?.cancel().catch(() => {});
    await storing.get(key);
  }
  // Every file is kept now: what the page handed over is no longer needed.
  await caches.delete(HANDOFF_CACHE);
}

/** Drop what an older build cached and this one no longer lists. */
async function pruneRuntime(): Promise<void> {
  const cache = await caches.open(RUNTIME_CACHE);
  const current = new Set(runtimeKeys.values());
  for (const request of await cache.keys()) if (!current.has(request.url)) await cache.delete(request);
}

registerRoute(
  ({ url }) => runtimeKeys.has(`${url.origin}${url.pathname}`),
  async ({ url, request }) => {
    const key = runtimeKeys.get(`${url.origin}${url.pathname}`)!;
    // Served as they are, without the site's headers: they are same-origin subresources
    // (scripts, WebAssembly, data), on which isolation and the page policy have no say;
    // and a Response rebuilt here streams its body through this thread (the snapshot
    // took 1.3 s to come from the cache) and loses the browser's cache of compiled
    // WebAssembly. The runtime's worker checks Python's big files as they arrive: the
    // copy streams from the cache unread (reading and hashing 45 MB here cost every page 2 s).
    if (checkedByRequester(request)) {
      const cached = await (await caches.open(RUNTIME_CACHE)).match(key);
      if (cached) return cached;
    }
    return runtimeFile(url.href, key);
  },
);

// Anything else of the site (a page that is not in the build): the network, with
// headers added; offline, the build's own 404 page. Nothing of it is cached: what is
// not in the build has no digest to check a copy against.
registerRoute(
  ({ url }) => url.origin === self.location.origin,
  async ({ request }) => {
    try {
      return withSiteHeaders(await fetch(request));
    } catch (error) {
      const key = getCacheKeyForURL('/404.html');
      const page = key ? await cachedAsBuilt(cacheNames.precache, key) : undefined;
      if (page) return withSiteHeaders(new Response(page.body, { status: 404, headers: page.headers }));
      throw error;
    }
  },
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = readMessage(event.data);
  if (message === WARM) event.waitUntil(warmRuntime());
  if (message === UPDATE) void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await pruneRuntime();
      // Earlier builds kept pages outside the build here; nothing checks them now.
      await caches.delete('asyncio-live-pages');
      await self.clients.claim();
    })(),
  );
});
