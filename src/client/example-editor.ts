/**
 * The editor of one example, opened on demand: Monaco on desktop, a plain textarea on
 * touch devices (Monaco is not made for phones). It shows the example's code and hands
 * the reader's typing back to it.
 */
import type { CodeEditor } from './code-editor.ts';
import type { ExampleCode } from './example-code.ts';

export const isTouch = (): boolean => matchMedia('(pointer: coarse)').matches;

export class ExampleEditor {
  readonly #host: HTMLElement;
  readonly #code: ExampleCode;
  readonly #label: string;
  readonly #onRun: () => void;
  #opening: Promise<CodeEditor> | null = null;
  #editor: CodeEditor | null = null;

  constructor(host: HTMLElement, code: ExampleCode, label: string, onRun: () => void) {
    this.#host = host;
    this.#code = code;
    this.#label = label;
    this.#onRun = onRun;
    // Code put in from elsewhere (Reset, a solution, a link) reaches an open editor.
    code.onChange((value) => {
      if (this.#editor && this.#editor.getValue() !== value) this.#editor.setValue(value);
    });
  }

  /** The editor, opened once (the first call loads it). */
  open(): Promise<CodeEditor> {
    this.#opening ??= (async () => {
      const made = isTouch()
        ? (await import('./plain-editor.ts')).createPlainEditor(this.#host, this.#code.value, this.#label)
        : await (await import('./monaco-editor.ts')).createMonacoEditor(this.#host, this.#code.value, this.#label, this.#onRun);
      made.onChange((value) => {
        // setValue above reports a change too: only the reader's own typing is an edit.
        if (value !== this.#code.value) this.#code.set(value);
      });
      this.#editor = made;
      return made;
    })();
    return this.#opening;
  }

  /** Open the editor and put the caret where the reader clicked (or where it was). */
  async focus(at?: { x: number; y: number }): Promise<void> {
    (await this.open()).focus(at);
  }

  /** Open the editor with the caret on a line of the shown code. */
  async focusLine(line: number): Promise<void> {
    (await this.open()).focusLine(line);
  }

  /** Mark an error at a line of the shown code (null: not in it), opening the editor. */
  async markError(line: number | null, message: string): Promise<void> {
    (await this.open()).markError(line, message);
  }

  clearError(): void {
    this.#editor?.clearError();
  }
}
