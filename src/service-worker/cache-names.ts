/** The caches the service worker keeps, by what they hold (read by the page too). */

/** Python and the editor, under revisioned keys (sw.ts). */
export const RUNTIME_CACHE = 'asyncio-live-runtime';

/**
 * What a page fetched of Python before the service worker controlled it (the runtime's
 * keep-fetched.ts): the service worker adopts each copy whose bytes are the build's,
 * then deletes this cache.
 */
export const HANDOFF_CACHE = 'asyncio-live-handoff';
