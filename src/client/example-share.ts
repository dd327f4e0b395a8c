/**
 * Share links of one example: Share puts the reader's code in the page's address (and
 * on the clipboard); a link's code is shown with a notice, never run by itself, and
 * never replaces the reader's own saved edit of the example.
 */
import { flash } from './button-feedback.ts';
import type { ExampleCode } from './example-code.ts';
import { readShareFragment, shareFragment, ShareLinkError } from './share-link.ts';

export class ExampleShare {
  readonly #id: string;
  readonly #code: ExampleCode;
  readonly #say: (text: string | null) => void;

  constructor(id: string, code: ExampleCode, say: (text: string | null) => void) {
    this.#id = id;
    this.#code = code;
    this.#say = say;
  }

  /** Put the code in a link; the button says where the link went. */
  async share(button: HTMLButtonElement): Promise<void> {
    try {
      const fragment = await shareFragment(this.#id, this.#code.value);
      history.replaceState(null, '', fragment);
      const copied = await navigator.clipboard.writeText(location.href).then(() => true, () => false);
      flash(button, copied ? 'Link copied' : 'Link in address bar', 'Share', 2000);
    } catch (error) {
      this.#say(error instanceof ShareLinkError ? `Cannot share: ${error.message}.` : 'Cannot share this code as a link here.');
    }
  }

  /** Show the code of the link in the page's address. Returns whether there was code to show. */
  async open(): Promise<boolean> {
    try {
      this.#code.showFromLink(await readShareFragment(location.hash));
      const yours = this.#code.saved !== null ? ' Your own edit of this example is kept: Reset brings it back.' : ' Reset brings back the lesson’s code.';
      this.#say(`This code came from a link, not from the lesson. Read it before you press Run: it runs only when you do.${yours}`);
      return true;
    } catch (error) {
      const why = error instanceof ShareLinkError ? error.message : 'it could not be read';
      this.#say(`This share link could not be opened (${why}). Showing ${this.#code.edited ? 'your saved edit' : 'the lesson’s code'}.`);
      return false;
    }
  }
}
