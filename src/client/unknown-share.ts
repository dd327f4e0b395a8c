/**
 * A share link for an example this page does not have (renamed, removed, or a link cut
 * short): say so once, instead of showing the lesson as if nothing had been asked.
 */
import { readExampleElement } from './example-element.ts';
import { isSharedWith, shareTarget } from './share-link.ts';

export function noticeUnknownShare(): void {
  if (!shareTarget(location.hash)) return;
  const examples = [...document.querySelectorAll<HTMLElement>('live-example[data-runnable="true"]')].map(readExampleElement);
  if (examples.some((example) => isSharedWith(location.hash, example))) return;
  const notice = document.createElement('div');
  notice.className = 'update-notice share-notice';
  notice.setAttribute('role', 'status');
  notice.textContent =
    'This link carries code for an example that is not on this page (it may have been renamed or removed, ' +
    'or the link was cut short). The lesson is shown as it is. ';
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => notice.remove());
  notice.append(dismiss);
  document.body.append(notice);
}
