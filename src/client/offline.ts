/**
 * Registers the service worker (offline use, cross-origin isolation on plain static
 * hosts) once the page is idle, and says when a new version of the site is ready.
 * The page only switches versions when the reader asks, so it never mixes two builds.
 */
const idle = (callback: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(callback, { timeout: 5000 }) : setTimeout(callback, 2000);

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () =>
    idle(async () => {
      const { Workbox } = await import('workbox-window');
      const workbox = new Workbox(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/sw.js`);
      workbox.addEventListener('waiting', () =>
        showUpdateNotice(() => {
          workbox.addEventListener('controlling', () => location.reload());
          workbox.messageSW({ type: 'asyncio-live/update' });
        }),
      );
      try {
        await workbox.register();
      } catch {
        // No offline copy (private browsing, or blocked): the site still works online.
      }
    }),
  );
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
}
