/**
 * Registers the service worker (offline use, cross-origin isolation on plain static
 * hosts) once Python is not booting and the page is idle, and says when a new version
 * of the site is ready. The page only switches versions when the reader asks, so it
 * never mixes two builds.
 */
import { UPDATE } from '../../service-worker/messages.ts';
import { whenNotBooting } from './python-state.ts';

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
  // whole site, and it took the cores from a first visit's boot (click to first output
  // was a second slower).
  addEventListener('load', () => void whenNotBooting().then(() => idle(() => void register())));
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
