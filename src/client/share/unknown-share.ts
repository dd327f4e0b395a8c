/**
 * A share link for an example this page does not have (renamed, removed, or a link cut
 * short): say so once, instead of showing the lesson as if nothing had been asked.
 */
import { EXAMPLE_TAG, STATE } from '../example/dom-names.ts';
import { exampleAnchor, isExampleAnchor, readExampleElement } from '../example/example-element.ts';
import { isSharedWith, shareTarget } from './share-link.ts';

export function noticeUnknownShare(): void {
  const hash = location.hash;
  if (isExampleAnchor(hash)) {
    // A permalink to an example: the browser has scrolled to it, if it is here.
    if (!document.getElementById(decoded(hash.slice(1)))) {
      notify('This link points to an example that is not on this page (it may have been renamed or removed). ');
    }
    return;
  }
  if (!shareTarget(hash)) return;
  const examples = [...document.querySelectorAll<HTMLElement>(EXAMPLE_TAG)].map(readExampleElement).filter((example) => example.runnable);
  const shared = examples.find((example) => isSharedWith(hash, example));
  if (shared) {
    // A share link lands on its example, however far down the page, and marks it.
    const element = document.getElementById(exampleAnchor(shared.id));
    element?.classList.add(STATE.linkedTo);
    element?.scrollIntoView({ block: 'start' });
    // A page loaded again for the link (live-example.ts) gets the reader's old scroll back
    // from the browser at its load, now and then after this: land on the example again then.
    if (document.readyState !== 'complete') {
      addEventListener('load', () => requestAnimationFrame(() => element?.scrollIntoView({ block: 'start' })), { once: true });
    }
    return;
  }
  notify(
    'This link carries code for an example that is not on this page (it may have been renamed or removed, ' +
      'or the link was cut short). The lesson is shown as it is. ',
  );
}

/** A fragment as the browser matches it to an id; as it is when it does not decode (`%E0%A4%A`). */
function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function notify(text: string): void {
  const notice = document.createElement('div');
  notice.className = 'update-notice share-notice';
  notice.setAttribute('role', 'status');
  notice.textContent = text;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => notice.remove());
  notice.append(dismiss);
  document.body.append(notice);
}
