/**
 * Python started while the reader reads (boot-policy.ts says when): once an example is
 * on screen and the page is idle, the page's runtime boots and the example's scripts
 * load, as at a first intent; the reader's first Run then waits for nothing. Loaded with
 * every page (live-example.ts): small, and it fetches nothing heavy by itself.
 */
import { DATA, EXAMPLE_TAG } from '../example/dom-names.ts';
import { readSwitch } from '../storage/settings.ts';
import { bootsEarly, deviceHints } from './boot-policy.ts';

/** How long the page may stay busy before the boot starts anyway (ms). */
const IDLE_TIMEOUT_MS = 2000;

let settle!: () => void;
const settled = new Promise<void>((resolve) => (settle = resolve));

/**
 * Resolves once this page has started Python early, or will not for now (the policy says
 * no, no example is in view, no example at all): the service worker registers only then
 * (offline.ts), not in the middle of a boot.
 */
export function earlyStartSettled(): Promise<void> {
  return settled;
}

/** Start Python once an example of this page is in view and the page is idle; `prepare` loads what a first Run needs besides. */
export function bootWhileReading(prepare: () => void): void {
  const examples = document.querySelectorAll(`${EXAMPLE_TAG}[${DATA.runnable}="true"]`);
  if (!bootsEarly(deviceHints(), readSwitch('bootEarly')) || examples.length === 0 || typeof IntersectionObserver === 'undefined') {
    settle();
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    // The first report says what is in view at load: nothing, and the decision can wait for a scroll.
    if (!entries.some((entry) => entry.isIntersecting)) return settle();
    observer.disconnect();
    whenIdle(() => {
      void import('./page-intent.ts').then(({ onFirstIntent }) => {
        onFirstIntent();
        settle();
      });
      prepare();
    });
  });
  for (const example of examples) observer.observe(example);
  // A page swapped out meanwhile stops watching (its examples are gone).
  document.addEventListener('astro:before-swap', () => observer.disconnect(), { once: true });
}

function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(work, 200);
}
