/**
 * <live-example>: the part of a live example that loads with the page. It must stay
 * tiny: it reveals the run bar and waits for intent (pointer over the example, focus,
 * a click). Everything heavy (the runtime client, the output pane, the editor) is
 * imported then, from example-session.ts.
 */
import { isAction } from './example/actions.ts';
import { actionButton, CODE, DATA, EXAMPLE_TAG, EXERCISE, find, RUN_BAR, selector, STATE } from './example/dom-names.ts';
import { readExampleElement, type ExampleElement } from './example/example-element.ts';
import type { ExampleSession } from './example/example-session.ts';
import { isSolved, solvedKey } from './storage/solved-marks.ts';
import { adoptLegacyData } from './storage/legacy-data.ts';
import { editKey, hasEdit } from './storage/saved-edits.ts';
import { isSharedWith } from './share/share-link.ts';
import { noticeUnknownShare } from './share/unknown-share.ts';
import { forEachPage, whenSettled } from './page/page-swap.ts';
import { bootWhileReading } from './page/boot-early.ts';
import { wirePrediction } from './exercise/prediction.ts';
import { keepTyping } from './example/typed-early.ts';
import { wireWrap } from './editor/wrap-lines.ts';

type SessionModule = typeof import('./example/example-session.ts');
let sessionModule: Promise<SessionModule> | undefined;
const loadSessions = () => (sessionModule ??= import('./example/example-session.ts'));

class LiveExampleElement extends HTMLElement {
  #session: Promise<ExampleSession> | undefined;
  /** The session is made: its own listeners answer the example's controls. */
  #ready = false;
  #example: ExampleElement | undefined;

  connectedCallback(): void {
    // In a page swapped in, the address still names the page before until the swap ends.
    whenSettled(() => this.#connect());
  }

  disconnectedCallback(): void {
    // Its page was swapped for another: the run stops (its output has nowhere to go).
    if (!this.isConnected) void this.#session?.then((session) => session.leave());
  }

  #connect(): void {
    if (!this.isConnected) return;
    const example = readExampleElement(this);
    if (!example.runnable) {
      this.#copyFragment();
      return;
    }
    if (this.#session) return;
    wirePrediction(this);
    wireWrap(this);
    this.#wireMore();
    this.#example = example;
    const page = location.pathname;
    // A reader's data from before examples had ids moves to this example's id.
    if (example.legacyIndex !== null) adoptLegacyData(page, example.legacyIndex, example.id);
    find(this, RUN_BAR.actions)?.removeAttribute('hidden');
    if (example.exercise) {
      for (const part of this.querySelectorAll(`${selector(EXERCISE.prediction)}, ${actionButton('solution')}`))
        part.removeAttribute('hidden');
      if (isSolved(solvedKey(page, example.id))) find(this, EXERCISE.solved)?.removeAttribute('hidden');
    }
    // The reader edited this example before, or a share link carries code for it:
    // show that code, not the lesson's (it is never run by itself).
    if (hasEdit(editKey(page, example.id)) || isSharedWith(location.hash, example)) void this.session();
    const intent = () => void this.session();
    this.addEventListener('pointerenter', intent, { once: true });
    this.addEventListener('focusin', intent, { once: true });
    this.addEventListener('click', (event) => void this.#onClick(event));
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        // In the prediction box, Ctrl+Enter checks the prediction; elsewhere it runs.
        const inPrediction = (event.target as HTMLElement).closest(selector(EXERCISE.prediction));
        void this.session().then((session) => session.act(inPrediction ? 'check' : 'run'));
        return;
      }
      // Ctrl+Z outside the editor (on Undo, on a button) takes back a Reset; in the editor, Monaco's own undo does.
      const editable = (event.target as HTMLElement).closest('textarea, input, .monaco-editor');
      if (event.key === 'z' && (event.ctrlKey || event.metaKey) && !event.shiftKey && !editable && this.#session) {
        void this.#session.then((session) => {
          if (session.canUndo()) session.act('undo');
        });
        return;
      }
      // Enter (or F2, as in a spreadsheet) on the focused static code opens the editor
      // with the caret in it: a keyboard reader's way in, as a click is a mouse's.
      const onStaticCode = (event.target as HTMLElement).matches(`${selector(CODE.box)} > pre`);
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
      if (onStaticCode && plain && (event.key === 'Enter' || event.key === 'F2')) {
        event.preventDefault();
        void this.session().then((session) => session.edit());
      }
    });
  }

  /** More (narrow screens): shows or hides the actions a reader rarely needs. */
  #wireMore(): void {
    const more = find<HTMLButtonElement>(this, RUN_BAR.more);
    const actions = more?.closest<HTMLElement>(selector(RUN_BAR.actions));
    if (!more || !actions) return;
    const show = (open: boolean) => {
      more.setAttribute('aria-expanded', String(open));
      actions.classList.toggle(STATE.moreOpen, open);
    };
    more.addEventListener('click', () => show(more.getAttribute('aria-expanded') !== 'true'));
    // Escape closes it, as a menu closes, and gives the focus back to More.
    actions.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || more.getAttribute('aria-expanded') !== 'true') return;
      show(false);
      more.focus();
    });
  }

  /** A fragment runs nowhere, but can be copied: its code as shown (line numbers are not text). */
  #copyFragment(): void {
    const button = this.querySelector<HTMLButtonElement>(actionButton('copy-fragment'));
    if (!button) return;
    button.closest(selector(RUN_BAR.actions))?.removeAttribute('hidden');
    button.addEventListener('click', () => {
      const code = this.querySelector(`${selector(CODE.box)} pre`)?.textContent ?? '';
      void navigator.clipboard.writeText(code).then(
        () => (button.textContent = 'Copied'),
        () => (button.textContent = 'Copy failed'),
      );
      setTimeout(() => (button.textContent = 'Copy'), 1500);
    });
  }

  /** The example's interactive side, created on first intent. */
  session(): Promise<ExampleSession> {
    this.#session ??= loadSessions().then((module) => {
      const session = module.createSession(this.#example ?? readExampleElement(this));
      this.#ready = true;
      return session;
    });
    return this.#session;
  }

  async #onClick(event: MouseEvent): Promise<void> {
    const target = event.target as HTMLElement;
    // Playground, clicked before the example's session is there (a tap, with no hover
    // before it): its link does not carry the code yet. The session makes it, then follows it.
    if (target.closest(selector(RUN_BAR.playground)) && !this.#ready) {
      event.preventDefault();
      (await this.session()).openInPlayground();
      return;
    }
    const action = target.closest(`button[${DATA.action}]`)?.getAttribute(DATA.action) ?? undefined;
    const intoCode = target.closest(selector(CODE.box));
    if (!isAction(action) && !intoCode) return;
    // Keys typed from the click on, before the session and its editor are there, are kept.
    const typed = isAction(action) ? undefined : keepTyping(this);
    // Where the focus was at the press: if the reader moves on while the session loads,
    // what the button does must not take the focus back from where they went.
    const from = document.activeElement;
    const session = await this.session();
    if (isAction(action)) session.act(action, from);
    else session.edit({ x: event.clientX, y: event.clientY }, typed);
  }
}

if (!customElements.get(EXAMPLE_TAG)) {
  customElements.define(EXAMPLE_TAG, LiveExampleElement);
  // Module scripts run once the page is parsed: every example is there to compare with.
  forEachPage(noticeUnknownShare);
  // Python starts while the reader reads, unless their browser asks to save data or
  // the device is small (boot-policy.ts): their first Run then waits for nothing.
  forEachPage(() => bootWhileReading(() => void loadSessions()));
  // A share link opened on its own page (pasted into the address bar) changes only the
  // fragment, which opened nothing: load the page again, as from elsewhere. (Share
  // leaves the address alone: its link goes to the clipboard and the notice.)
  addEventListener('hashchange', () => {
    if (location.hash.startsWith('#share-')) location.reload();
  });
}
