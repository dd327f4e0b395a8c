/**
 * The reader's way through the course, in the sidebar: each page they have opened is
 * marked, with how many of its exercises they solved (in this browser: localStorage,
 * where the solved marks already are). Runs on every page; small, and it never fails a
 * page: without storage there is simply nothing to show.
 */
import { SOLVED_PREFIX } from './exercise-progress.ts';
import { forEachPage } from './page-swap.ts';
import { keysUnder, storage } from './storage.ts';

const VISITED_PREFIX = 'asyncio-live:visited:';

function markSidebar(store: Storage): void {
  const solved = new Map<string, number>();
  for (const key of keysUnder(store, SOLVED_PREFIX)) {
    const page = key.slice(SOLVED_PREFIX.length).split('#')[0];
    solved.set(page, (solved.get(page) ?? 0) + 1);
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href^="/"]')) {
    const page = new URL(link.href).pathname;
    if (store.getItem(VISITED_PREFIX + page) === null) continue;
    const count = solved.get(page) ?? 0;
    const mark = document.createElement('span');
    mark.className = 'course-progress';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = count > 0 ? ` ✓ ${count}` : ' ✓';
    const said = document.createElement('span');
    said.className = 'sr-only';
    said.textContent = count > 0 ? ` (visited, ${count} solved)` : ' (visited)';
    link.append(said);
    link.append(mark);
  }
}

// Every page the reader reaches, a link's page swapped in too (page-swap.ts).
forEachPage(() => {
  const store = storage();
  if (!store) return;
  try {
    store.setItem(VISITED_PREFIX + location.pathname, '1');
  } catch {
    // storage full: the visit is just not remembered
  }
  markSidebar(store);
});
