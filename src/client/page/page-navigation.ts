/**
 * Once the page's Python has booted, a link to another page of the site swaps the page
 * in place (Astro's router, `astro:transitions/client`) instead of loading a new
 * document. The worker and its interpreter stay: the next page's examples run at once,
 * where a new document booted Python again (2 s from the service worker's cache here).
 *
 * Fetched with Python at the reader's first intent, and in use once Python has booted
 * (page-intent.ts): before that there is nothing to keep, links load pages as usual,
 * and a reader who only reads downloads none of this.
 * A page of another build (the site was updated meanwhile) loads as a new document, so
 * a page never mixes two builds' scripts.
 */
import './no-view-transitions.ts';
import { navigate, type TransitionBeforePreparationEvent, type TransitionBeforeSwapEvent } from 'astro:transitions/client';
import { carryAddedHeadElements, watchAfterSwap } from './kept-head.ts';
import { PYTHON_ATTRIBUTES_PREFIX } from './python-state.ts';

/**
 * The root's attributes that belong to the visit, not the page: Starlight's theme and
 * Python's state (python-state.ts). (The reader's Wrap is read again by each page
 * swapped in, src/client/editor/wrap-lines.ts: its class on the root goes with the old page.)
 */
const VISIT_ATTRIBUTES = new RegExp(`^(data-theme|${PYTHON_ATTRIBUTES_PREFIX})`);

const buildOf = (page: Document) => page.querySelector('meta[name="asyncio-live-build"]')?.getAttribute('content') ?? null;

/**
 * Elements that stay, the same objects, in every page swapped in: Starlight's search
 * (its dialog, and Pagefind once loaded). It listens on the window from its
 * constructor: a second one, made for the new page, answered Ctrl+K too, and failed.
 */
const KEPT_ELEMENTS = ['site-search'];

let installed = false;

export function keepPythonAcrossPages(): void {
  if (installed || !buildOf(document)) return;
  installed = true;
  document.addEventListener('click', onClick);
  document.addEventListener('astro:before-preparation', (event) => loadOnlySameBuild(event as TransitionBeforePreparationEvent));
  document.addEventListener('astro:before-swap', (event) => carryVisitOver((event as TransitionBeforeSwapEvent).newDocument));
  document.addEventListener('astro:after-swap', watchAfterSwap);
  // A search result followed: the search stays with the page, so it must close itself
  // (a new document had none open).
  document.addEventListener('astro:after-swap', () => document.querySelector<HTMLDialogElement>('site-search dialog[open]')?.close());
}

/** A plain click on a link to this site: swap the page (as Astro's ClientRouter component does). */
function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.altKey || event.shiftKey) return;
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement)) return;
  const to = new URL(link.href, location.href);
  const elsewhere = (link.target && link.target !== '_self') || link.hasAttribute('download') || link.dataset.astroReload !== undefined;
  if (elsewhere || to.origin !== location.origin) return;
  event.preventDefault();
  void navigate(to.href, { sourceElement: link });
}

/** A page of another build loads as a new document (the router does so when the loader says no). */
function loadOnlySameBuild(event: TransitionBeforePreparationEvent): void {
  const load = event.loader;
  event.loader = async () => {
    await load();
    if (event.newDocument && buildOf(event.newDocument) !== buildOf(document)) event.preventDefault();
  };
}

function carryVisitOver(next: Document): void {
  carryAddedHeadElements(next);
  for (const { name, value } of document.documentElement.attributes) {
    if (VISIT_ATTRIBUTES.test(name)) next.documentElement.setAttribute(name, value);
  }
  // Moved into the new page before it is swapped in, so no second one is ever made
  // (the router's own way to keep an element makes the new one first, then drops it).
  for (const selector of KEPT_ELEMENTS) {
    const current = document.querySelector(selector);
    const coming = next.querySelector(selector);
    if (current && coming) coming.replaceWith(current);
  }
}
