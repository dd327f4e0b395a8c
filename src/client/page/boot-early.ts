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

/** Start Python once an example of this page is in view and the page is idle; `prepare` loads what a first Run needs besides. */
export function bootWhileReading(prepare: () => void): void {
  if (!bootsEarly(deviceHints(), readSwitch('bootEarly'))) return;
  const examples = document.querySelectorAll(`${EXAMPLE_TAG}[${DATA.runnable}="true"]`);
  if (examples.length === 0 || typeof IntersectionObserver === 'undefined') return;
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    whenIdle(() => {
      void import('./page-intent.ts').then(({ onFirstIntent }) => onFirstIntent());
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
