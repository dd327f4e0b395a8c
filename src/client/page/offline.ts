/**
 * Registers the service worker (offline use, cross-origin isolation on plain static
 * hosts) once Python is not booting (or has booted: see below) and the page is idle, and says when a new version
 * of the site is ready. The page only switches versions when the reader asks, so it
 * never mixes two builds.
 */
import { UPDATE } from '../../service-worker/messages.ts';
import { DATA, EXAMPLE_TAG } from '../example/dom-names.ts';
import { readSwitch } from '../storage/settings.ts';
import { earlyStartSettled } from './boot-early.ts';
import { bootsEarly, deviceHints } from './boot-policy.ts';
import { whenBooted, whenNotBooting } from './python-state.ts';

const idle = (callback: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(callback, { timeout: 5000 }) : setTimeout(callback, 2000);

async function register(): Promise<void> {
  const { Workbox } = await import('workbox-window');
  const workbox = new Workbox(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/sw.js`);
  workbox.addEventListener('waiting', () =>
    showUpdateNotice(() => {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSW(UPDATE);
    }),
  );
  try {
    await workbox.register();
  } catch {
    // No offline copy (private browsing, or blocked): the site still works online.
  }
}

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // Not while Python boots (python-state.ts): installing the service worker caches the
  // whole site (8 MB), and it took the cores from a first visit's boot (click to first
  // output was a second slower). When Python starts while the page is read
  // (boot-policy.ts), after that boot. When the browser asks to save data (or the link
  // is slow, or the device small), only once the reader has started Python: a reader
  // who only reads fetches the page, not the site.
  const saving = !bootsEarly(deviceHints(), null) && readSwitch('bootEarly') !== true;
  // A page without examples starts no Python: nothing to wait for.
  const examples = document.querySelector(`${EXAMPLE_TAG}[${DATA.runnable}="true"]`) !== null;
  const ready = saving ? whenBooted() : (examples ? earlyStartSettled() : Promise.resolve()).then(whenNotBooting);
  addEventListener('load', () => void ready.then(() => idle(() => void register())));
}

function showUpdateNotice(update: () => void): void {
  const notice = document.createElement('div');
  notice.className = 'update-notice';
  notice.setAttribute('role', 'status');
  notice.textContent = 'A new version of this site is ready. ';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload to update';
  reload.addEventListener('click', () => {
    reload.disabled = true;
    update();
  });
  notice.append(reload);
  document.body.append(notice);
  // A page swapped in after a link (page-swap.ts) has a body of its own: the notice stays.
  document.addEventListener('astro:after-swap', () => document.body.append(notice));
}
