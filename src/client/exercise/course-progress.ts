/**
 * The reader's way through the course, in the sidebar: each page they have opened is
 * marked, and so is how many of its exercises they solved (in this browser: localStorage,
 * where the solved marks already are). Runs on every page; small, and it never fails a
 * page: without storage there is simply nothing to show.
 */
import { listen, SOLVED } from '../example/example-events.ts';
import { solvedByPage } from '../storage/solved-marks.ts';
import { forEachPage } from '../page/page-swap.ts';
import { storage } from '../storage/storage.ts';
import { markVisited, wasVisited } from '../storage/visits.ts';
import { PROGRESS } from './progress-names.ts';

/**
 * Marks each sidebar link the reader has opened: "○" for a page read, "✓ N" for one with
 * N exercises solved (two marks, not one for both), in the link's own colour so they
 * read on the current page's highlight too. Marks from before are replaced.
 */
function markSidebar(store: Storage): void {
  const solved = solvedByPage(store);
  for (const old of document.querySelectorAll(`nav.sidebar .${PROGRESS.mark}`)) old.remove();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href^="/"]')) {
    const page = new URL(link.href).pathname;
    if (!wasVisited(store, page)) continue;
    const count = solved.get(page) ?? 0;
    const mark = document.createElement('span');
    mark.className = count > 0 ? `${PROGRESS.mark} ${PROGRESS.solved}` : PROGRESS.mark;
    const shown = document.createElement('span');
    shown.setAttribute('aria-hidden', 'true');
    shown.textContent = count > 0 ? `✓ ${count}` : '○';
    const said = document.createElement('span');
    said.className = 'sr-only';
    said.textContent = count > 0 ? ` (read, ${count} ${count === 1 ? 'exercise' : 'exercises'} solved)` : ' (read)';
    mark.title = count > 0 ? `Read; ${count} ${count === 1 ? 'exercise' : 'exercises'} solved` : 'Read';
    mark.append(said, shown);
    // Inside the label, after its last word: the mark wraps with that word, never alone.
    (link.querySelector(':scope > span') ?? link).append(mark);
  }
}

// Every page the reader reaches, a link's page swapped in too (page-swap.ts).
forEachPage(() => {
  const store = storage();
  if (!store) return;
  markVisited(store, location.pathname);
  markSidebar(store);
});

// Solved just now: the count changes at once, not on the next page.
listen(document, SOLVED, () => {
  const store = storage();
  if (store) markSidebar(store);
});
