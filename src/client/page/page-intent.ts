/**
 * What the page does once, at the reader's first intent on any example (not once per
 * example), or earlier while the page is read (boot-early.ts): start Python, then let
 * the service worker keep Python and the editor for offline use (it caches them only
 * now, so readers whose Python never starts never download them).
 */
import { WARM } from '../../service-worker/messages.ts';
import { keepAddedHeadElements } from './kept-head.ts';
import { pageRuntime } from './page-runtime.ts';
import { reportBoot, setPythonState } from './python-state.ts';

let started = false;

export function onFirstIntent(): void {
  if (started) return;
  started = true;
  // Before the editor can load: the styles it adds to the head must outlive page swaps.
  keepAddedHeadElements();
  // The page says when Python is ready, how it started and where the time went (tests
  // and the page benchmark read these). While it boots, the service worker waits
  // (offline.ts): its caching took cores from the boot, a second on a first visit.
  setPythonState('booting');
  // Links that keep this page's Python (page-navigation.ts) come with it: fetched while
  // Python boots, in use from the moment it is ready. (Without them, links still work.)
  const navigation = import('./page-navigation.ts').catch(() => null);
  const booted = pageRuntime()
    .preload()
    .then(async (boot) => {
      reportBoot(boot);
      (await navigation)?.keepPythonAcrossPages();
      setPythonState('ready');
    })
    .catch(() => {
      // A failed boot is told to the run that waits for it (the output pane says why).
      setPythonState('failed');
    });
  void booted.then(() => navigator.serviceWorker?.ready).then((registration) => registration?.active?.postMessage(WARM));
}
