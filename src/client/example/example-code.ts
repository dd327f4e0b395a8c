/**
 * The code of one example as the reader has it now: the lesson's, their saved edit, or
 * code from a share link. It saves every change of the reader's own (not code from a
 * link, until they edit it) and tells listeners, so the "edited" badge, Reset and the
 * editor follow.
 */
import { loadEdit, saveEdit } from '../storage/saved-edits.ts';

export class ExampleCode {
  /** The lesson's code. */
  readonly original: string;
  readonly #key: string;
  #value: string;
  /** The current code came from a link and is not the reader's own yet. */
  #fromLink = false;
  readonly #listeners: ((code: string) => void)[] = [];

  constructor(original: string, key: string) {
    this.original = original;
    this.#key = key;
    this.#value = loadEdit(key, original) ?? original;
  }

  get value(): string {
    return this.#value;
  }

  get edited(): boolean {
    return this.#value !== this.original;
  }

  /** The reader's saved edit, whatever is shown now (code from a link does not replace it). */
  get saved(): string | null {
    return loadEdit(this.#key, this.original);
  }

  get fromLink(): boolean {
    return this.#fromLink;
  }

  /** The reader changed the code (typing, a solution, Reset): shown and saved. */
  set(code: string): void {
    this.#fromLink = false;
    this.#value = code;
    saveEdit(this.#key, this.original, code);
    this.#changed();
  }

  /** Code from a share link: shown, but saved only once the reader edits it. */
  showFromLink(code: string): void {
    this.#fromLink = true;
    this.#value = code;
    this.#changed();
  }

  /** Back to what the reader had before the link: their saved edit, or the lesson's code. */
  leaveLink(): void {
    this.#fromLink = false;
    this.#value = this.saved ?? this.original;
    this.#changed();
  }

  onChange(listener: (code: string) => void): void {
    this.#listeners.push(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener(this.#value);
  }
}
