import { EXAMPLE, EXAMPLE_TAG, find } from './dom-names.ts';

/**
 * Says on a button what its press did ("Copied"), then puts its own label back. A screen
 * reader is told too, once, through the example's hidden status line (a focused
 * button's new name is not reliably read out).
 */
export function flash(button: HTMLButtonElement, text: string, label: string, ms: number): void {
  button.textContent = text;
  const example = button.closest(EXAMPLE_TAG);
  const announcer = example && find(example, EXAMPLE.announce);
  if (announcer) announcer.textContent = text;
  setTimeout(() => {
    button.textContent = label;
    if (announcer?.textContent === text) announcer.textContent = '';
  }, ms);
}
