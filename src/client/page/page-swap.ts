/**
 * Once Python has booted, a link to another page of the site swaps the page in place
 * (page-navigation.ts) instead of loading a new document. Code that reads the page
 * (the sidebar's progress marks, the exercises page, an example's saved edit, which is
 * kept under the page's path) runs again for each page swapped in, through this module.
 *
 * Astro's router puts the new page's body in before it moves the address to the new
 * page: an example connected then would read the old page's path. So work that reads
 * the address waits for the swap to end.
 */
let swapping = false;
document.addEventListener('astro:before-swap', () => (swapping = true));
document.addEventListener('astro:after-swap', () => (swapping = false));

/** Run `work` once the page is settled: now, or when the swap under way ends. */
export function whenSettled(work: () => void): void {
  if (swapping) document.addEventListener('astro:after-swap', () => work(), { once: true });
  else work();
}

/** Run `work` for this page now, and again for every page swapped in later. */
export function forEachPage(work: () => void): void {
  work();
  document.addEventListener('astro:after-swap', () => work());
}
