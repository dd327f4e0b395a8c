/**
 * Monaco, in the colours of the static code (the same Shiki themes through
 * @shikijs/monaco) and at its size, so nothing on the page moves when it opens.
 * Loaded only when a reader shows intent on a desktop.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { shikiToMonaco } from '@shikijs/monaco';
import { CODE_THEMES } from '../../fence/highlight-themes.ts';
import { escapeThenTab, focusOutside, type CodeEditor } from './code-editor.ts';
import { pythonHighlighter } from './python-highlighter.ts';
import { wrapsLines } from './wrap-lines.ts';
import { CODE, MICROSCOPE, selector, STATE, taskColourClass } from '../example/dom-names.ts';
import { listen, WRAP } from '../example/example-events.ts';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

const ready = pythonHighlighter().then((highlighter) => shikiToMonaco(highlighter, monaco));

const pageTheme = () => (document.documentElement.dataset.theme === 'light' ? CODE_THEMES.light : CODE_THEMES.dark);
// Follow Starlight's theme switch.
new MutationObserver(() => monaco.editor.setTheme(pageTheme())).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ['data-theme'],
});

export async function createMonacoEditor(host: HTMLElement, code: string, label: string, onRun: () => void): Promise<CodeEditor> {
  await ready;
  // Measure the static code before it is replaced (a detached element has no style).
  const pre = host.querySelector('pre');
  const style = pre ? getComputedStyle(pre) : null;
  const fontFamily = style?.fontFamily || 'monospace';
  const fontSize = style ? parseFloat(style.fontSize) : 14;
  const lineHeight = style ? parseFloat(style.lineHeight) : fontSize * 1.6;
  const padding = style ? parseFloat(style.paddingTop) : 12;
  const background = style?.backgroundColor ?? '';
  const height = host.offsetHeight;
  const mount = document.createElement('div');
  mount.className = CODE.monaco;
  mount.style.height = `${height}px`;
  // The padding before the line numbers shows the code's own background.
  mount.style.background = background;
  // The editor starts invisible over the static code, which stays until the editor has
  // its colours: Monaco paints its first frames before its tokens, and the code went
  // grey for a fraction of a second. (Invisible, not hidden: it has focus, and what the
  // reader types meanwhile goes into it.) Only when the static code is the code the
  // editor opens with: a solution or a reader's saved edit has other lines, and shows at once.
  const sameCode = pre !== null && pre.textContent?.replace(/\n$/, '') === code.replace(/\n$/, '');
  if (sameCode) {
    host.classList.add(STATE.opening);
    host.append(mount);
  } else host.replaceChildren(mount);
  const editor = monaco.editor.create(mount, {
    value: code,
    language: 'python',
    theme: pageTheme(),
    ariaLabel: label,
    fontFamily,
    fontSize,
    lineHeight,
    padding: { top: padding, bottom: padding },
    // Numbered as the static code is (live-example.css): the lines the reader sees.
    lineNumbers: 'on',
    lineNumbersMinChars: 2,
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: '1ch',
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    overviewRulerLanes: 0,
    renderLineHighlight: 'none',
    scrollbar: { vertical: 'hidden', verticalScrollbarSize: 0, horizontalScrollbarSize: 10, alwaysConsumeMouseWheel: false },
    automaticLayout: true,
    tabSize: 4,
    insertSpaces: true,
    stickyScroll: { enabled: false },
    guides: { indentation: false, bracketPairs: false },
    contextmenu: false,
    // No pop-up suggestions: Tab and Enter do what a learner expects (indent, new line).
    quickSuggestions: false,
    suggestOnTriggerCharacters: false,
    wordBasedSuggestions: 'off',
    parameterHints: { enabled: false },
  });
  // Shiki colours brackets like any other punctuation; Monaco's rainbow would make the
  // code change colour the moment it becomes editable. (A model option: the editor
  // option of the same name does not reach the model in the standalone editor.)
  editor.getModel()!.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } });
  // Grow with the code: the page scrolls, not the editor. A horizontal scrollbar sits in
  // the bottom padding, as in the static code, instead of adding height.
  const growToContent = () => {
    mount.style.height = `${editor.getContentHeight()}px`;
  };
  // Long lines wrap when the reader asks (wrap-lines.ts, narrow screens): the height
  // follows the wrapped lines.
  const wrap = () => editor.updateOptions({ wordWrap: wrapsLines() && matchMedia('(max-width: 50rem)').matches ? 'on' : 'off' });
  const stopWrapping = listen(document, WRAP, wrap);
  wrap();
  editor.onDidContentSizeChange(growToContent);
  growToContent();
  if (sameCode) {
    void showWhenColoured(mount, pre, () => {
      pre?.remove();
      host.classList.remove(STATE.opening);
    });
  }
  // An action, not addCommand: Monaco keeps one keybinding service for every editor on the
  // page, so a command added by the last editor opened ran for all of them (Ctrl+Enter in
  // one example ran another; microsoft/monaco-editor#2947). An action is its editor's own.
  editor.addAction({
    id: 'asyncio-live.run',
    label: 'Run the example',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    run: onRun,
  });
  const leave = escapeThenTab();
  editor.onKeyDown((event) => {
    // Ctrl+K opens the site's search, in the editor as anywhere on the page: Monaco took
    // it for the start of a chord, and the next letter typed went into the code.
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.browserEvent.key.toLowerCase() === 'k') {
      event.preventDefault();
      event.stopPropagation();
      openSearch();
      return;
    }
    const direction = leave({ key: event.browserEvent.key, shiftKey: event.shiftKey });
    if (direction) {
      event.preventDefault();
      event.stopPropagation();
      focusOutside(host, direction);
    }
  });
  const model = editor.getModel()!;
  // The lines the loop microscope marks: where each task is suspended.
  const taskLines = editor.createDecorationsCollection();
  // The error's message under the code, with its line (the squiggle's hover needs a
  // pointer), as the plain editor shows it.
  const message = document.createElement('p');
  message.className = CODE.editorError;
  return {
    getValue: () => editor.getValue(),
    // An edit, not Monaco's setValue (which forgets the undo stack): Ctrl+Z after a Reset
    // or a solution put in brings the reader's code back.
    setValue(value) {
      editor.pushUndoStop();
      editor.executeEdits('asyncio-live', [{ range: model.getFullModelRange(), text: value }]);
      editor.pushUndoStop();
    },
    focus(offset) {
      editor.focus();
      if (offset !== undefined) editor.setPosition(model.getPositionAt(offset));
    },
    insert: (text) => editor.trigger('keyboard', 'type', { text }),
    focusLine(line) {
      const lineNumber = Math.min(Math.max(1, line), model.getLineCount());
      editor.setPosition({ lineNumber, column: model.getLineFirstNonWhitespaceColumn(lineNumber) || 1 });
      editor.revealLineInCenterIfOutsideViewport(lineNumber);
      editor.focus();
    },
    markError(line, note, text) {
      message.textContent = `Line ${line}: ${note}`;
      host.append(message);
      monaco.editor.setModelMarkers(model, 'asyncio-live', [
        {
          startLineNumber: line,
          endLineNumber: line,
          startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
          endColumn: model.getLineMaxColumn(line),
          message: text,
          severity: monaco.MarkerSeverity.Error,
        },
      ]);
      editor.revealLineInCenterIfOutsideViewport(line);
    },
    clearError: () => {
      monaco.editor.setModelMarkers(model, 'asyncio-live', []);
      message.remove();
    },
    markLines(marks) {
      taskLines.set(
        marks.map(({ line, tasks, colour }) => ({
          range: new monaco.Range(line, 1, line, model.getLineMaxColumn(line)),
          options: {
            isWholeLine: true,
            className: `${MICROSCOPE.line} ${taskColourClass(colour)}`,
            after: { content: `  ← ${tasks.join(', ')}`, inlineClassName: `${MICROSCOPE.lineTasks} ${taskColourClass(colour)}` },
          },
        })),
      );
      if (marks.length) editor.revealLineInCenterIfOutsideViewport(marks[0].line);
    },
    onChange: (listener) => editor.onDidChangeModelContent(() => listener(editor.getValue())),
    // Monaco keeps every model and editor in services of its own, for the page's life.
    dispose() {
      stopWrapping();
      editor.dispose();
      model.dispose();
    },
  };
}

/** Starlight's search dialog, opened as its button opens it. */
function openSearch(): void {
  document.querySelector<HTMLButtonElement>('site-search button[data-open-modal]')?.click();
}

/**
 * Calls `show` once the editor draws the code in as many colours as the static code
 * has (Shiki's, the same theme), or after a second whatever it draws (code in a single
 * colour never gets there).
 */
function showWhenColoured(mount: HTMLElement, pre: HTMLElement | null, show: () => void): Promise<void> {
  const colours = (spans: Iterable<Element>) => new Set([...spans].map((span) => getComputedStyle(span).color)).size;
  const wanted = pre ? Math.min(colours(pre.querySelectorAll(`${selector(CODE.line)} > span`)), 3) : 0;
  const started = performance.now();
  return new Promise((resolve) => {
    const look = () => {
      const drawn = colours(mount.querySelectorAll('.view-lines span span'));
      if (drawn >= wanted || performance.now() - started > 1000) {
        show();
        resolve();
      } else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}
