/// <reference lib="webworker" />
/**
 * Cache Storage belongs to the whole origin: any script of the site's pages can open the
 * service worker's caches and rewrite what they hold (a page without its policy, a
 * script of someone else's). So the service worker serves a cached copy only when its
 * bytes are the ones the build made: the build writes the SHA-256 of every file into
 * sw.js (src/integrations/service-worker.ts), and sw.js itself is never in Cache
 * Storage. A copy that does not match is deleted, and the network asked instead.
 */

import { CHECKED_HERE } from '../../runtime/protocol/fetch-headers.ts';

declare const self: ServiceWorkerGlobalScope & { __SITE_INTEGRITY: Record<string, string | string[]> };

const INTEGRITY: Record<string, string | string[]> = self.__SITE_INTEGRITY;

/**
 * The build's digests of the file at this URL (cache keys carry a revision: it is
 * ignored). A gzipped file has two: as stored, and inflated by a host that sent it
 * with `Content-Encoding: gzip`.
 */
function expectedDigests(url: string): string[] {
  const expected = INTEGRITY[decodeURIComponent(new URL(url).pathname)];
  return expected === undefined ? [] : ([] as string[]).concat(expected);
}

async function digest(bytes: ArrayBuffer): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let binary = '';
  for (const byte of hash) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The cached response, if its bytes are the build's for `url` (a copy of it: the body
 * is read to check it); undefined otherwise, after deleting it from `cache`.
 */
export async function verified(url: string, response: Response | undefined, forget: () => Promise<unknown>): Promise<Response | undefined> {
  if (!response) return undefined;
  const expected = expectedDigests(url);
  const body = await response.arrayBuffer();
  if (expected.length && response.ok && expected.includes(await digest(body))) {
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  await forget().catch(() => {});
  return undefined;
}

/**
 * Does the requester check the bytes itself (runtime/download/checked-fetch.ts, the runtime's
 * worker as it boots)? Then a cached copy can go to it unread. Only the requester
 * trusts that copy less: any script could claim this, and could as well read the
 * cache itself. A request with `cache: 'reload'` always gets a checked copy.
 */
export function checkedByRequester(request: Request): boolean {
  return request.cache !== 'reload' && request.headers.get(CHECKED_HERE) === 'sha256';
}

/** The copy of `key` in the cache `cacheName`, if it is the build's (see `verified`). */
export async function cachedAsBuilt(cacheName: string, key: string): Promise<Response | undefined> {
  const cache = await caches.open(cacheName);
  return verified(key, await cache.match(key), () => cache.delete(key));
}
