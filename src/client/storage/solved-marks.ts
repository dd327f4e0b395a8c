/**
 * Which exercises this reader has solved, kept in the browser (localStorage). One entry
 * per exercise, keyed by page and example id, like saved edits (keys.ts). Anything
 * unreadable is treated as "not solved", never as an error.
 */
import { EXAMPLE_PREFIXES, exampleKey, pageOfExampleKey } from './keys.ts';
import { keysUnder, storage } from './storage.ts';

/** What every solved mark's key starts with. */
export const SOLVED_PREFIX = EXAMPLE_PREFIXES.solved;

export function solvedKey(page: string, id: string): string {
  return exampleKey('solved', page, id);
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

/** How many exercises of each page (by path) have a solved mark kept. */
export function solvedByPage(store: Storage): Map<string, number> {
  const solved = new Map<string, number>();
  for (const key of keysUnder(store, SOLVED_PREFIX)) {
    const page = pageOfExampleKey('solved', key);
    solved.set(page, (solved.get(page) ?? 0) + 1);
  }
  return solved;
}
