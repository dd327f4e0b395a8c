/**
 * Share links of one example: Share puts the reader's code in a link (on the clipboard,
 * and in the example's notice); a link's code is shown with a notice, never run by itself, and
 * never replaces the reader's own saved edit of the example.
 */
import { flash } from '../example/button-feedback.ts';
import type { ExampleCode } from '../example/example-code.ts';
import type { ExampleNotice } from '../example/example-notice.ts';
import { PLAYGROUND_EXAMPLE } from './playground-link.ts';
import { readShareFragment, shareFragment, ShareLinkError } from './share-link.ts';

export class ExampleShare {
  readonly #id: string;
  readonly #code: ExampleCode;
  readonly #notice: ExampleNotice;

  /** What the page's own code is called: the lesson's, or (in the playground, which has no lesson) its first program. */
  readonly #original: string;

  constructor(id: string, code: ExampleCode, notice: ExampleNotice) {
    this.#id = id;
    this.#code = code;
    this.#notice = notice;
    this.#original = id === PLAYGROUND_EXAMPLE ? 'the playground’s first program' : 'the lesson’s code';
  }

  /**
   * Put the code in a link, on the clipboard and in the notice to select again. The
   * page's address stays as it was: with the link in it, a reload labelled the reader's
   * own code "came from a link".
   */
  async share(button: HTMLButtonElement): Promise<void> {
    try {
      const link = `${location.origin}${location.pathname}${location.search}${await shareFragment(this.#id, this.#code.value)}`;
      const copied = await navigator.clipboard.writeText(link).then(
        () => true,
        () => false,
      );
      flash(button, copied ? 'Link copied' : 'Link below', 'Share', 2000);
      this.#notice.sayWithLink(
        copied
          ? 'Link copied. Whoever opens it sees this code, and runs it only if they press Run:'
          : 'Copy this link. Whoever opens it sees this code, and runs it only if they press Run:',
        link,
      );
    } catch (error) {
      this.#notice.say(error instanceof ShareLinkError ? `Cannot share: ${error.message}.` : 'Cannot share this code as a link here.');
    }
  }

  /** Say that the code shown came from a link (again, after an Undo brought it back). */
  sayFromLink(): void {
    const playground = this.#id === PLAYGROUND_EXAMPLE;
    const kept = playground ? 'Your own program is kept' : 'Your own edit of this example is kept';
    const yours = this.#code.saved !== null ? ` ${kept}: Reset brings it back.` : ` Reset brings back ${this.#original}.`;
    const from = playground ? 'This code came from a link.' : 'This code came from a link, not from the lesson.';
    this.#notice.say(`${from} Read it before you press Run: it runs only when you do.${yours}`);
  }

  /** Show the code of the link in the page's address. Returns whether there was code to show. */
  async open(): Promise<boolean> {
    try {
      this.#code.showFromLink(await readShareFragment(location.hash));
      this.sayFromLink();
      return true;
    } catch (error) {
      const why = error instanceof ShareLinkError ? error.message : 'it could not be read';
      this.#notice.say(`This share link could not be opened (${why}). Showing ${this.#code.edited ? 'your saved edit' : this.#original}.`);
      return false;
    }
  }
}
