/** Says on a button what its press did ("Copied"), then puts its own label back. */
export function flash(button: HTMLButtonElement, text: string, label: string, ms: number): void {
  button.textContent = text;
  setTimeout(() => (button.textContent = label), ms);
}
