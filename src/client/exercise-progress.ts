/**
 * Which exercises this reader has solved, kept in the browser (localStorage). One entry
 * per exercise, keyed by page and example, like saved edits. Anything unreadable is
 * treated as "not solved", never as an error.
 */

const PREFIX = 'asyncio-live:solved:';

export function solvedKey(page: string, index: number): string {
  return `${PREFIX}${page}#${index}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (privacy settings, sandboxed frame)
  }
}

export function isSolved(key: string): boolean {
  const raw = storage()?.getItem(key);
  if (!raw) return false;
  try {
    return typeof (JSON.parse(raw) as { at?: unknown }).at === 'number';
  } catch {
    return false;
  }
}

export function markSolved(key: string): void {
  try {
    storage()?.setItem(key, JSON.stringify({ at: Date.now() }));
  } catch {
    // quota exceeded: solved on this page view, just not remembered
  }
}

