/**
 * The notice above an example's code: one sentence at a time (a link's code, a limit, a
 * download), and with it, when the sentence offers one, the link Share made or the
 * Undo of a Reset. Its markup is LiveExample.astro's; this only fills it.
 */
import { NOTICE, part } from './dom-names.ts';

export class ExampleNotice {
  readonly #box: HTMLElement;
  readonly #text: HTMLElement;
  readonly #link: HTMLInputElement;
  readonly #undoButton: HTMLButtonElement;
  #undo: (() => void) | null = null;

  constructor(box: HTMLElement) {
    this.#box = box;
    this.#text = part(box, NOTICE.text);
    this.#link = part<HTMLInputElement>(box, NOTICE.link);
    this.#undoButton = part<HTMLButtonElement>(box, NOTICE.undo);
    this.#link.addEventListener('focus', () => this.#link.select());
  }

  /** Say one sentence (null: say nothing); whatever was offered before goes. */
  say(text: string | null): void {
    this.#text.textContent = text ?? '';
    this.#box.hidden = text === null;
    this.#link.hidden = true;
    this.#link.value = '';
    this.#undoButton.hidden = true;
    this.#undo = null;
  }

  /** Say it, with a link to read and select (the field selects it all when focused). */
  sayWithLink(text: string, link: string): void {
    this.say(text);
    this.#link.value = link;
    this.#link.hidden = false;
  }

  /** Say it, with an Undo button that calls `undo` once. */
  sayWithUndo(text: string, undo: () => void): void {
    this.say(text);
    this.#undo = undo;
    this.#undoButton.hidden = false;
  }

  /** Whether an Undo is on offer (Ctrl+Z outside the editor takes it). */
  get canUndo(): boolean {
    return this.#undo !== null;
  }

  /** The Undo button (or Ctrl+Z) was pressed: undo, once. */
  undo(): void {
    const undo = this.#undo;
    if (!undo) return;
    this.say(null);
    undo();
  }
}
