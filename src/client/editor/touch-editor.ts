/**
 * The editor on touch devices: CodeMirror 6, made for phones (native selection and
 * input, the on-screen keyboard, small), where Monaco is not. In the colours of the static
 * code (GitHub's themes, as Shiki draws them: python-colours.ts), numbered as it is, with
 * the reader's Wrap setting, undo, Tab to indent and Escape then Tab to leave.
 */
import { history, historyKeymap, defaultKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { indentUnit, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import { escapeThenTab, focusOutside, type CodeEditor } from './code-editor.ts';
import { pythonColours } from './python-colours.ts';
import { wrapsLines } from './wrap-lines.ts';
import { CODE, DATA, MICROSCOPE, taskColourClass } from '../example/dom-names.ts';
import type { LineMark } from '../microscope/steps.ts';
import { listen, WRAP } from '../example/example-events.ts';

/** The line an error was raised at (0: none), drawn as a marked line. */
const markLine = StateEffect.define<number>();
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(markLine)) continue;
      const line = effect.value;
      next =
        line > 0 && line <= transaction.state.doc.lines
          ? Decoration.set([Decoration.line({ class: CODE.errorLine }).range(transaction.state.doc.line(line).from)])
          : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The lines the loop microscope marks (steps.ts): each in its task's colour, its tasks named after it. */
const markTasks = StateEffect.define<readonly LineMark[]>();
const taskLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(markTasks)) continue;
      const { doc } = transaction.state;
      next = Decoration.set(
        effect.value
          .filter(({ line }) => line >= 1 && line <= doc.lines)
          .sort((a, b) => a.line - b.line)
          .map(({ line, tasks, colour }) =>
            Decoration.line({
              class: `${MICROSCOPE.line} ${taskColourClass(colour)}`,
              attributes: { [DATA.tasks]: tasks.join(', ') },
            }).range(doc.line(line).from),
          ),
      );
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const dark = () => document.documentElement.dataset.theme !== 'light';

export function createTouchEditor(host: HTMLElement, code: string, label: string, onRun: () => void): CodeEditor {
  const colours = new Compartment();
  const wrapping = new Compartment();
  const wrap = (): Extension => (wrapsLines() ? EditorView.lineWrapping : []);
  const leave = escapeThenTab();
  const listeners: ((code: string) => void)[] = [];
  const view = new EditorView({
    parent: (() => {
      const mount = document.createElement('div');
      mount.className = CODE.touch;
      host.replaceChildren(mount);
      return mount;
    })(),
    state: EditorState.create({
      doc: code,
      extensions: [
        lineNumbers(),
        history(),
        python(),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        colours.of(syntaxHighlighting(pythonColours(dark()))),
        wrapping.of(wrap()),
        errorLine,
        taskLines,
        // Ctrl+Enter runs (a keyboard on a tablet has it); Tab indents, as in Monaco.
        keymap.of([
          {
            key: 'Mod-Enter',
            run: () => {
              onRun();
              return true;
            },
          },
          indentWithTab,
          ...historyKeymap,
          ...defaultKeymap,
        ]),
        EditorView.domEventHandlers({
          keydown(event) {
            const direction = leave(event);
            if (!direction) return false;
            event.preventDefault();
            focusOutside(host, direction);
            return true;
          },
        }),
        EditorView.contentAttributes.of({ 'aria-label': label, autocapitalize: 'off', autocorrect: 'off', spellcheck: 'false' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) for (const listener of listeners) listener(update.state.doc.toString());
        }),
      ],
    }),
  });
  // Follow Starlight's theme switch, and the reader's Wrap.
  const themes = new MutationObserver(() => view.dispatch({ effects: colours.reconfigure(syntaxHighlighting(pythonColours(dark()))) }));
  themes.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const onWrap = () => view.dispatch({ effects: wrapping.reconfigure(wrap()) });
  const stopWrapping = listen(document, WRAP, onWrap);

  const message = document.createElement('p');
  message.className = CODE.editorError;
  const caretAtLine = (line: number) => {
    const target = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
    const indent = target.text.length - target.text.trimStart().length;
    view.dispatch({ selection: { anchor: target.from + indent }, scrollIntoView: true });
  };
  return {
    getValue: () => view.state.doc.toString(),
    // A change like the reader's own, kept in the history: undo brings the code back.
    // New code starts at its left edge, the caret at its start: a view left scrolled
    // sideways by the old code showed a solution put in as a blank column of line numbers.
    setValue: (value) => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value }, selection: { anchor: 0 } });
      // In CodeMirror's own measure cycle: a scroll set before it is restored by it.
      view.requestMeasure({
        read: () => null,
        write: () => {
          view.scrollDOM.scrollLeft = 0;
        },
      });
    },
    focus(offset) {
      if (offset !== undefined) view.dispatch({ selection: { anchor: Math.min(offset, view.state.doc.length) } });
      view.focus();
    },
    insert: (text) => view.dispatch(view.state.replaceSelection(text), { scrollIntoView: true, userEvent: 'input.type' }),
    focusLine(line) {
      caretAtLine(line);
      view.focus();
    },
    markError(line, note) {
      message.textContent = `Line ${line}: ${note}`;
      host.append(message);
      view.dispatch({ effects: markLine.of(line) });
    },
    clearError() {
      message.remove();
      view.dispatch({ effects: markLine.of(0) });
    },
    markLines(marks) {
      view.dispatch({ effects: markTasks.of(marks) });
      if (marks.length) {
        const line = view.state.doc.line(Math.min(marks[0].line, view.state.doc.lines));
        view.dispatch({ effects: EditorView.scrollIntoView(line.from, { y: 'nearest' }) });
      }
    },
    onChange: (listener) => void listeners.push(listener),
    dispose() {
      themes.disconnect();
      stopWrapping();
      view.destroy();
    },
  };
}
