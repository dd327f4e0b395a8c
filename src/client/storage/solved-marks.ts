/**
 * Which exercises this reader has solved, kept in the browser (localStorage). One entry
 * per exercise, keyed by page and example id, like saved edits. Anything unreadable is
 * treated as "not solved", never as an error.
 */

import { exampleKey, storage } from './storage.ts';

export const SOLVED_PREFIX = 'asyncio-live:solved:';

/** Dispatched on the document when an exercise is solved: the sidebar's count follows at once. */
export const SOLVED_EVENT = 'asyncio-live:solved';

export function solvedKey(page: string, id: string): string {
  return exampleKey(SOLVED_PREFIX, page, id);
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
  document.dispatchEvent(new CustomEvent(SOLVED_EVENT));
}

