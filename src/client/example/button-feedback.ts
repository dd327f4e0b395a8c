/**
 * Says on a button what its press did ("Copied"), then puts its own label back. A screen
 * reader is told too, once, through the example's hidden status line (a focused
 * button's new name is not reliably read out).
 */
export function flash(button: HTMLButtonElement, text: string, label: string, ms: number): void {
  button.textContent = text;
  const announcer = button.closest('live-example')?.querySelector('.live-example__announce');
  if (announcer) announcer.textContent = text;
  setTimeout(() => {
    button.textContent = label;
    if (announcer?.textContent === text) announcer.textContent = '';
  }, ms);
}
