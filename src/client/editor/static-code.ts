/**
 * The code of an example as static, highlighted HTML, for code the build did not draw (a
 * share link's, the reader's saved edit, a Reset): shown without opening the editor, which
 * comes only when the reader clicks or types into the code. Opening Monaco for a share
 * link held a phone's main thread for 500 to 750 ms (4× CPU, bench/floods.ts), before the
 * reader had asked to edit anything.
 */
import { CODE, selector } from '../example/dom-names.ts';

export class StaticCode {
  readonly #host: HTMLElement;
  /** The build's HTML of the lesson's code, and that code. */
  readonly #built: string;
  readonly #builtCode: string;
  #shown: string;
  /** Which call of `show` is the latest: an older highlighting is dropped. */
  #drawing = 0;
  readonly #note = Object.assign(document.createElement('p'), { className: CODE.editorError });

  constructor(host: HTMLElement, builtCode: string) {
    this.#host = host;
    this.#built = host.innerHTML;
    this.#builtCode = builtCode;
    this.#shown = builtCode;
  }

  /** The error's line, marked in the static view, and its note under the code (as the editors mark one). */
  markError(line: number, note: string, message: string): void {
    this.clearError();
    const marked = this.#host.querySelectorAll<HTMLElement>(`pre ${selector(CODE.line)}`)[line - 1];
    if (marked) {
      marked.classList.add(CODE.errorLine);
      marked.title = message;
    }
    this.#note.textContent = `Line ${line}: ${note}`;
    this.#host.append(this.#note);
  }

  clearError(): void {
    for (const marked of this.#host.querySelectorAll<HTMLElement>(selector(CODE.errorLine))) {
      marked.classList.remove(CODE.errorLine);
      marked.removeAttribute('title');
    }
    this.#note.remove();
  }

  /** Draw `code` in place of what the static view shows: plain at once, coloured as soon as the highlighter has loaded. */
  show(code: string): void {
    if (code === this.#shown) return;
    this.#shown = code;
    const drawing = ++this.#drawing;
    if (code === this.#builtCode) {
      this.#host.innerHTML = this.#built;
      return;
    }
    drawCode(
      this.#host,
      code.replace(/\n$/, '').split('\n'),
      new Set(),
      (pre) => drawing === this.#drawing && this.#host.firstElementChild === pre,
    );
  }
}

/**
 * Lines of Python drawn in `box` as the build draws them: plain at once (numbered lines,
 * `dimmed` ones as hidden setup), then highlighted once the highlighter has loaded, if
 * `current` still says so of the plain drawing (another may have come since).
 */
export function drawCode(box: HTMLElement, lines: string[], dimmed: ReadonlySet<number>, current: (pre: HTMLPreElement) => boolean): void {
  const pre = document.createElement('pre');
  pre.className = 'shiki';
  pre.tabIndex = 0;
  const inner = document.createElement('code');
  lines.forEach((text, index) => {
    if (index > 0) inner.append('\n');
    const className = dimmed.has(index + 1) ? `${CODE.line} ${CODE.hiddenLine}` : CODE.line;
    inner.append(Object.assign(document.createElement('span'), { className, textContent: text }));
  });
  pre.append(inner);
  box.replaceChildren(pre);
  void import('./python-highlighter.ts')
    .then(({ highlightPython }) => highlightPython(lines.join('\n'), dimmed))
    .then((html) => {
      if (current(pre)) box.innerHTML = html;
    })
    .catch(() => {});
}
