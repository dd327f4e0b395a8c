/**
 * "Wrap" on narrow screens: long lines of code wrap instead of scrolling sideways, in
 * every example of every page (one setting, kept in this browser). The static code wraps
 * by CSS (`.wrap-code`, live-example.css); an open editor listens for the change.
 */
import { storage } from '../storage/storage.ts';

const KEY = 'asyncio-live:wrap';
export const WRAP_EVENT = 'asyncio-live:wrap';

export const wrapsLines = (): boolean => document.documentElement.classList.contains('wrap-code');

function apply(on: boolean): void {
  document.documentElement.classList.toggle('wrap-code', on);
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-action="wrap"]')) button.setAttribute('aria-pressed', String(on));
  document.dispatchEvent(new CustomEvent(WRAP_EVENT, { detail: on }));
}

/** Reads the reader's choice and wires each example's Wrap button (idempotent per button). */
export function wireWrap(root: HTMLElement): void {
  if (!document.documentElement.dataset.wrapRead) {
    document.documentElement.dataset.wrapRead = '1';
    if (storage()?.getItem(KEY) === 'on') apply(true);
  }
  const button = root.querySelector<HTMLButtonElement>('button[data-action="wrap"]');
  if (!button) return;
  button.setAttribute('aria-pressed', String(wrapsLines()));
  button.addEventListener('click', () => {
    const on = !wrapsLines();
    try {
      storage()?.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // storage full: wrapped for this page view only
    }
    apply(on);
  });
}
