/**
 * Elements the page adds to its head at run time (Monaco's stylesheet, the styles
 * Monaco makes for its theme and decorations) stay when a link swaps the next page in.
 * Astro's router keeps only the head elements the next page also has: it dropped
 * Monaco's CSS, and every editor after the first link showed its hidden input as a
 * stray box, with the code pushed off the left edge.
 *
 * From the reader's first intent (before the editor can load), each element added to
 * the head is marked with the router's persist attribute; before a swap, the next page
 * gets a stand-in with the same mark, which tells the router to keep ours.
 */
const PERSIST = 'data-astro-transition-persist';
const PREFIX = 'asyncio-live-added-';

let observer: MutationObserver | null = null;
let added = 0;

function mark(records: MutationRecord[]): void {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node instanceof Element && !node.hasAttribute(PERSIST)) node.setAttribute(PERSIST, `${PREFIX}${added++}`);
    }
  }
}

function watch(): void {
  observer?.observe(document.head, { childList: true });
}

/** From now on, what the page adds to its head is kept across swaps. */
export function keepAddedHeadElements(): void {
  if (observer) return;
  observer = new MutationObserver(mark);
  watch();
}

/**
 * Before a swap (`astro:before-swap`): the next page gets a stand-in for each element
 * added so far, and the swap's own head changes are not taken for the page's (watching
 * resumes at `astro:after-swap`, {@link watchAfterSwap}).
 */
export function carryAddedHeadElements(next: Document): void {
  if (observer) {
    mark(observer.takeRecords());
    observer.disconnect();
  }
  for (const element of document.head.querySelectorAll(`[${PERSIST}^="${PREFIX}"]`)) {
    const standIn = next.createElement('meta');
    standIn.setAttribute(PERSIST, element.getAttribute(PERSIST)!);
    next.head.append(standIn);
  }
}

/** After a swap: what the page adds to its head is watched again. */
export function watchAfterSwap(): void {
  watch();
}
