/** The pages this reader has opened (keys.ts): the sidebar marks them (course-progress.ts). */
import { visitedKey } from './keys.ts';

export function markVisited(store: Storage, page: string): void {
  try {
    store.setItem(visitedKey(page), '1');
  } catch {
    // storage full: the visit is just not remembered
  }
}

export function wasVisited(store: Storage, page: string): boolean {
  return store.getItem(visitedKey(page)) !== null;
}
