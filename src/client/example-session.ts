/**
 * The interactive side of one live example, created on the reader's first intent:
 * run, stop, reset, copy, edit (Monaco on desktop, a textarea on touch devices), the
 * output pane, and the reader's edits kept across reloads.
 */
import type { RunHandle } from '../../runtime/index.ts';
import { assembleProgram } from '../fence/parse-fence.ts';
import type { CodeEditor } from './code-editor.ts';
import { ExerciseView, type ExerciseData } from './exercise.ts';
import { OutputPane } from './output-pane.ts';
import { pageRuntime } from './page-runtime.ts';
import { editKey, loadEdit, saveEdit } from './saved-edits.ts';
import { readShareFragment, shareFragment, sharedIndex, ShareLinkError } from './share-link.ts';

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
  exercise: ExerciseData | null;
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
  const pane = new OutputPane(element.querySelector<HTMLElement>('.live-example__output')!, label, element.dataset.timeline === 'on');
  const beforeLines = data.before ? data.before.split('\n').length : 0;
  const notice = element.querySelector<HTMLElement>('.live-example__notice')!;
  const exercise = data.exercise ? new ExerciseView(element, data.exercise, index) : null;
  const say = (text: string | null) => {
    notice.textContent = text ?? '';
    notice.hidden = text === null;
  };

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

  /** Run the reader's code; with `checked`, the exercise's check runs after it. */
  function run(checked = false): void {
    if (current && current.status !== 'done') return;
    const check = checked && exercise ? exercise.checkRequest() : undefined;
    if (check === null) return;
    if (check) exercise!.checking();
    else exercise?.hide();
    editor?.clearError();
    // Always traced: the timeline can then be shown for any run, after the fact.
    const handle = pageRuntime().run(assembleProgram(data, code), { trace: true, check });
    current = handle;
    const starters = exercise ? [button('run'), button('check')] : [button('run')];
    for (const starter of starters) starter.disabled = true;
    button('stop').disabled = false;
    pane.show(handle, (outcome) => {
      for (const starter of starters) starter.disabled = false;
      button('stop').disabled = true;
      if (check) exercise!.show(outcome);
      if (!outcome.result.ok && !outcome.stopped) {
        const { line, type, message } = outcome.result.error;
        const shown = line === null ? null : line - beforeLines;
        const inCode = shown !== null && shown >= 1 && shown <= code.split('\n').length;
        void openEditor().then((opened) => opened.markError(inCode ? shown : null, `${type}: ${message}`));
      }
    });
    // The editor opens alongside: the run does not wait for it. Not on a phone: there
    // the editor is a plain textarea without colours, so the highlighted code stays
    // until the reader taps into it to edit.
    if (!touch()) void openEditor();
  }

  async function share(): Promise<void> {
    const shareButton = button('share');
    try {
      const fragment = await shareFragment(index, code);
      history.replaceState(null, '', fragment);
      try {
        await navigator.clipboard.writeText(location.href);
        shareButton.textContent = 'Link copied';
      } catch {
        shareButton.textContent = 'Link in address bar';
      }
      setTimeout(() => (shareButton.textContent = 'Share'), 2000);
    } catch (error) {
      say(error instanceof ShareLinkError ? `Cannot share: ${error.message}.` : 'Cannot share this code as a link here.');
    }
  }

  /** Code from a share link: shown with a notice, never run by itself. */
  async function openSharedCode(): Promise<void> {
    try {
      const shared = await readShareFragment(location.hash);
      code = shared;
      showEdited();
      say('This code came from a link, not from the lesson. Read it before you press Run: it runs only when you do. Reset brings back the lesson’s code.');
      await openEditor();
    } catch (error) {
      const why = error instanceof ShareLinkError ? error.message : 'it could not be read';
      say(`This share link could not be opened (${why}). Showing the lesson’s code.`);
    }
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
  // ready, and how it started (tests and the page benchmark read both).
  void pageRuntime()
    .preload()
    .then((boot) => {
      document.documentElement.dataset.pythonBoot = boot.fromSnapshot ? 'snapshot' : 'fresh';
      document.documentElement.dataset.python = 'ready';
    })
    .catch(() => {});
  // Python and the editor are about to load: let the service worker keep them for
  // offline use (it caches them only now, so readers who only read never download them).
  void navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage({ type: 'asyncio-live/warm' }));
  // A reader who edited this example before sees their code, not the lesson's; a
  // share link's code wins over both.
  if (sharedIndex(location.hash) === index) void openSharedCode();
  else if (code !== data.code) void openEditor();

  function putCode(value: string): void {
    code = value;
    saveEdit(key, data.code, code);
    editor?.setValue(code);
    editor?.clearError();
    showEdited();
  }

  return {
    run: () => run(),
    act(action) {
      if (action === 'run') run();
      else if (action === 'check') run(true);
      else if (action === 'solution' && exercise) {
        putCode(exercise.data.solution);
        void openEditor().then((opened) => opened.focus());
      }
      else if (action === 'stop') current?.stop();
      else if (action === 'copy') void copy();
      else if (action === 'share') void share();
      else if (action === 'reset') {
        say(null);
        putCode(data.code);
      }
    },
    edit(at) {
      void openEditor().then((opened) => opened.focus(at));
    },
  };
}
