/**
 * The editor of one example, opened on demand: Monaco on desktop, CodeMirror on touch
 * devices (Monaco is not made for phones: touch-editor.ts). It shows the example's code and hands
 * the reader's typing back to it.
 */
import { offsetAtPoint, type CodeEditor } from './code-editor.ts';
import { keepTyping, type TypedEarly } from '../example/typed-early.ts';
import type { ExampleCode } from '../example/example-code.ts';
import { downloadedText } from '../example/download-text.ts';
import { CODE, DATA, find, MICROSCOPE, selector, taskColourClass } from '../example/dom-names.ts';
import { TASK_COLOURS, type LineMark } from '../microscope/steps.ts';
import { downloadEditor } from './editor-download.ts';
import { StaticCode } from './static-code.ts';

/** How long the editor may take to come before its progress bar shows. */
const SHOW_AFTER_MS = 200;

export const isTouch = (): boolean => matchMedia('(pointer: coarse)').matches;

export class ExampleEditor {
  readonly #host: HTMLElement;
  readonly #code: ExampleCode;
  readonly #label: string;
  readonly #onRun: () => void;
  #opening: Promise<CodeEditor> | null = null;
  #editor: CodeEditor | null = null;
  /** The code before the editor opens: the build's, or (a link, a saved edit) drawn here. */
  readonly #static: StaticCode;
  /** An error marked in the static view, to mark again in the editor when it opens. */
  #pendingError: { line: number; note: string; message: string } | null = null;

  constructor(host: HTMLElement, code: ExampleCode, label: string, onRun: () => void) {
    this.#host = host;
    this.#code = code;
    this.#label = label;
    this.#onRun = onRun;
    // Code put in from elsewhere (Reset, a solution, a link) reaches an open editor, or,
    // before it opens, the static view.
    this.#static = new StaticCode(host, code.original);
    code.onChange((value) => {
      if (this.#editor) {
        if (this.#editor.getValue() !== value) this.#editor.setValue(value);
      } else if (!this.#opening) this.#static.show(value);
    });
    this.#static.show(code.value);
  }

  /** The editor, opened once (the first call loads it). */
  open(): Promise<CodeEditor> {
    this.#opening ??= (async () => {
      const made = isTouch()
        ? (await import('./touch-editor.ts')).createTouchEditor(this.#host, this.#code.value, this.#label, this.#onRun)
        : await this.#openMonaco();
      made.onChange((value) => {
        // setValue above reports a change too: only the reader's own typing is an edit.
        if (value === this.#code.value) return;
        this.#code.set(value);
        // The mark of the last error says a line number the edit may have moved: it goes
        // (the output pane keeps the run's error as it was).
        made.clearError();
      });
      this.#editor = made;
      this.#static.clearError();
      if (this.#pendingError) {
        const { line, note, message } = this.#pendingError;
        made.markError(line, note, message);
      }
      return made;
    })();
    return this.#opening;
  }

  /** Monaco, with a progress bar over the code while its 3.4 MB come down. */
  async #openMonaco(): Promise<CodeEditor> {
    const box = this.#host.nextElementSibling?.matches(selector(CODE.editorDownload))
      ? (this.#host.nextElementSibling as HTMLElement)
      : null;
    const progress = box?.querySelector('progress');
    const bytes = box && find(box, CODE.editorBytes);
    // Shown only when the download takes a while: from the cache it is over before a
    // reader could read it, and a box that flashes is noise.
    const show = setTimeout(() => {
      if (!box) return;
      box.hidden = false;
      find(box, CODE.editorStatus)!.textContent = 'Loading the editor…';
    }, SHOW_AFTER_MS);
    try {
      await downloadEditor(({ loaded, total }) => {
        if (!progress || !bytes) return;
        progress.max = total;
        progress.value = loaded;
        bytes.textContent = downloadedText(loaded, total);
      });
      return await (await import('./monaco-editor.ts')).createMonacoEditor(this.#host, this.#code.value, this.#label, this.#onRun);
    } finally {
      clearTimeout(show);
      if (box) box.hidden = true;
    }
  }

  /**
   * Open the editor and put the caret where the reader clicked (or where it was). What
   * they type while it comes (Monaco took 2.5 to 5 s on a first visit under load) is
   * typed into it once it is there: it was lost.
   */
  async focus(at?: { x: number; y: number }, typedBefore?: TypedEarly, from: Element | null = document.activeElement): Promise<void> {
    // Where the reader clicked, in the static code (it is still there: the editor opens).
    const offset = at && !this.#editor ? (offsetAtPoint(this.#host, at) ?? undefined) : undefined;
    const typed = typedBefore ?? (this.#opening ? null : keepTyping(this.#host));
    const editor = await this.#openUnlessFocusMoved(from);
    const text = typed?.stop() ?? '';
    editor?.focus(offset);
    if (editor && text) editor.insert(text);
  }

  /** Open the editor with the caret on a line of the shown code. */
  async focusLine(line: number): Promise<void> {
    const editor = await this.#openUnlessFocusMoved();
    editor?.focusLine(line);
  }

  /**
   * The editor, once open; null when the reader put the focus elsewhere meanwhile (on a
   * first visit Monaco takes a second or more to come): the caret stays where they put
   * it, or what they type next would land in this editor, not where they are typing.
   */
  async #openUnlessFocusMoved(before: Element | null = document.activeElement): Promise<CodeEditor | null> {
    const editor = await this.open();
    const now = document.activeElement;
    return now === before || now === null || now === document.body || this.#host.contains(now) ? editor : null;
  }

  /** Mark an error at a line of the shown code, opening the editor (code-editor.ts). */
  /**
   * Mark an error at a line of the shown code: in the editor when it is open (or opening),
   * else in the static view, without opening one (Monaco's start held a slow phone's main
   * thread for over a second, after the run). The mark moves into the editor when it opens.
   */
  async markError(line: number, note: string, message: string): Promise<void> {
    if (this.#opening) {
      (await this.#opening).markError(line, note, message);
      return;
    }
    this.#static.markError(line, note, message);
    this.#pendingError = { line, note, message };
  }

  clearError(): void {
    this.#pendingError = null;
    this.#static.clearError();
    this.#editor?.clearError();
  }

  /**
   * Mark the lines tasks are suspended at (the loop microscope): in the editor when it is
   * open, else on the static code (stepping needs no editor, and Monaco is 3.4 MB).
   */
  markLines(marks: readonly LineMark[]): void {
    if (this.#editor) {
      this.#editor.markLines(marks);
      return;
    }
    const lines = this.#host.querySelectorAll<HTMLElement>(`pre ${selector(CODE.line)}`);
    for (const line of this.#host.querySelectorAll<HTMLElement>(selector(MICROSCOPE.line))) {
      line.classList.remove(MICROSCOPE.line, ...Array.from({ length: TASK_COLOURS }, (_, colour) => taskColourClass(colour)));
      line.removeAttribute(DATA.tasks);
    }
    for (const { line, tasks, colour } of marks) {
      const element = lines[line - 1];
      if (!element) continue;
      element.classList.add(MICROSCOPE.line, taskColourClass(colour));
      element.setAttribute(DATA.tasks, tasks.join(', '));
    }
  }

  /** Let go of the editor (its page was swapped for another), once it is open. */
  dispose(): void {
    void this.#opening?.then(
      (editor) => editor.dispose(),
      () => undefined,
    );
  }
}
