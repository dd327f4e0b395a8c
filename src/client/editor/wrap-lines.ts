/**
 * "Wrap" on narrow screens: long lines of code wrap instead of scrolling sideways, in
 * every example of every page (one setting, kept in this browser). The static code wraps
 * by CSS (`.wrap-code`, live-example.css); an open editor listens for the change.
 */
import { readSwitch, writeSwitch } from '../storage/settings.ts';
import { actionButton, STATE } from '../example/dom-names.ts';
import { dispatch, WRAP } from '../example/example-events.ts';

export const wrapsLines = (): boolean => document.documentElement.classList.contains(STATE.wrapCode);

function apply(on: boolean): void {
  document.documentElement.classList.toggle(STATE.wrapCode, on);
  for (const button of document.querySelectorAll<HTMLButtonElement>(actionButton('wrap'))) button.setAttribute('aria-pressed', String(on));
  dispatch(document, WRAP, on);
}

/** Reads the reader's choice and wires each example's Wrap button (idempotent per button). */
export function wireWrap(root: HTMLElement): void {
  if (!document.documentElement.dataset.wrapRead) {
    document.documentElement.dataset.wrapRead = '1';
    if (readSwitch('wrap') === true) apply(true);
  }
  const button = root.querySelector<HTMLButtonElement>(actionButton('wrap'));
  if (!button) return;
  button.setAttribute('aria-pressed', String(wrapsLines()));
  button.addEventListener('click', () => {
    const on = !wrapsLines();
    writeSwitch('wrap', on);
    apply(on);
  });
}
