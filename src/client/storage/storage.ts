/** The reader's localStorage, or null where the browser refuses it (privacy settings, a sandboxed frame). */
export function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The most keys read from storage: the site keeps a few hundred (an edit and a solved
 * mark per example, a visit per page); 87,000 planted keys took 5.5 s to list.
 */
const MAX_KEYS = 5_000;

/** The keys `store` holds under `prefix` (a reader's edits, solved marks, visits), of its first MAX_KEYS. */
export function keysUnder(store: Storage, prefix: string): string[] {
  return Array.from({ length: Math.min(store.length, MAX_KEYS) }, (_, i) => store.key(i)).filter(
    (key): key is string => key?.startsWith(prefix) ?? false,
  );
}
