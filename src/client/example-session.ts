/**
 * The interactive side of one live example, created on the reader's first intent:
 * run, stop, reset, copy, edit (Monaco on desktop, a textarea on touch devices), the
 * output pane, and the reader's edits kept across reloads.
 */
import type { RunHandle } from '../../runtime/index.ts';
import { assembleProgram } from '../fence/parse-fence.ts';
import type { CodeEditor } from './code-editor.ts';
import { OutputPane } from './output-pane.ts';
import { pageRuntime } from './page-runtime.ts';
import { editKey, loadEdit, saveEdit } from './saved-edits.ts';

export interface ExampleSession {
  run(): void;
  /** A button of the run bar was pressed. */
  act(action: string): void;
  /** Open the editor, with the caret where the reader clicked. */
  edit(at?: { x: number; y: number }): void;
}

interface ExampleData {
  code: string;
  before: string;
  after: string;
  indent: number;
}

const touch = () => matchMedia('(pointer: coarse)').matches;

export function createSession(element: HTMLElement): ExampleSession {
  const data = JSON.parse(element.querySelector('.live-example__data')!.textContent!) as ExampleData;
  const index = Number(element.dataset.index);
  const label = element.querySelector('figcaption')?.textContent?.replace(/\s*(fragment|edited)\s*/g, ' ').trim() ?? 'Example';
  const key = editKey(location.pathname, index);
  const host = element.querySelector<HTMLElement>('.live-example__code')!;
  const button = (action: string) => element.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  const edited = element.querySelector<HTMLElement>('.live-example__edited')!;
  const pane = new OutputPane(element.querySelector<HTMLElement>('.live-example__output')!, label);
  const beforeLines = data.before ? data.before.split('\n').length : 0;

  let code = loadEdit(key, data.code) ?? data.code;
  let editor: CodeEditor | null = null;
  let opening: Promise<CodeEditor> | null = null;
  let current: RunHandle | null = null;

  const showEdited = () => {
    const isEdited = code !== data.code;
    edited.hidden = !isEdited;
    button('reset').hidden = !isEdited;
  };

  function openEditor(): Promise<CodeEditor> {
    opening ??= (async () => {
      const hint = element.querySelector('.live-example__hint')?.textContent ?? '';
      const editorLabel = `${label}: code editor. ${hint}`;
      const made = touch()
        ? (await import('./plain-editor.ts')).createPlainEditor(host, code, editorLabel)
        : await (await import('./monaco-editor.ts')).createMonacoEditor(host, code, editorLabel, () => run());
      made.onChange((value) => {
        code = value;
        saveEdit(key, data.code, value);
        showEdited();
      });
      editor = made;
      return made;
    })();
    return opening;
  }

  function run(): void {
    if (current && current.status !== 'done') return;
    editor?.clearError();
    const handle = pageRuntime().run(assembleProgram(data, code));
    current = handle;
    button('run').disabled = true;
    button('stop').disabled = false;
    pane.show(handle, (outcome) => {
      button('run').disabled = false;
      button('stop').disabled = true;
      if (!outcome.result.ok && !outcome.stopped) {
        const { line, type, message } = outcome.result.error;
        const shown = line === null ? null : line - beforeLines;
        const inCode = shown !== null && shown >= 1 && shown <= code.split('\n').length;
        void openEditor().then((opened) => opened.markError(inCode ? shown : null, `${type}: ${message}`));
      }
    });
    // The editor opens alongside: the run does not wait for it.
    void openEditor();
  }

  async function copy(): Promise<void> {
    const copyButton = button('copy');
    try {
      await navigator.clipboard.writeText(code);
      copyButton.textContent = 'Copied';
    } catch {
      copyButton.textContent = 'Copy failed';
    }
    setTimeout(() => (copyButton.textContent = 'Copy'), 1500);
  }

  showEdited();
  // Start Python now: the reader is about to run something. The page says when it is
  // ready (tests and the page benchmark wait for it).
  void pageRuntime()
    .preload()
    .then(() => (document.documentElement.dataset.python = 'ready'))
    .catch(() => {});
  // A reader who edited this example before sees their code, not the lesson's.
  if (code !== data.code) void openEditor();

  return {
    run,
    act(action) {
      if (action === 'run') run();
      else if (action === 'stop') current?.stop();
      else if (action === 'copy') void copy();
      else if (action === 'reset') {
        code = data.code;
        saveEdit(key, data.code, code);
        editor?.setValue(code);
        editor?.clearError();
        showEdited();
      }
    },
    edit(at) {
      void openEditor().then((opened) => opened.focus(at));
    },
  };
}
