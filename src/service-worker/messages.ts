/**
 * What a page says to the site's service worker (sw.ts), with `postMessage`. Nothing is
 * said back: the page learns of a new version from the worker's lifecycle (offline.ts,
 * through Workbox), not from a message.
 */

/** A reader showed intent (src/client/page/page-intent.ts): cache Python and the editor now. */
export const WARM = { type: 'asyncio-live/warm' } as const;

/** The reader asked for the new version (src/client/page/offline.ts): the waiting worker takes over. */
export const UPDATE = { type: 'asyncio-live/update' } as const;

export type ServiceWorkerMessage = typeof WARM | typeof UPDATE;

const MESSAGES: readonly ServiceWorkerMessage[] = [WARM, UPDATE];

/** What the service worker received, as the one of these it is (comparable with `===`), or null: anything else is ignored. */
export function readMessage(data: unknown): ServiceWorkerMessage | null {
  const type = (data as { type?: unknown } | null)?.type;
  return MESSAGES.find((message) => message.type === type) ?? null;
}
