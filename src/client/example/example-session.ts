/**
 * The interactive side of one live example, created on the reader's first intent. It
 * puts together the parts, each in its own module: the code the reader has
 * (example-code.ts, with saved edits), the editor (example-editor.ts), running
 * (example-run.ts), the exercise (exercise.ts), share links (example-share.ts) and the
 * output pane; and it maps each button of the run bar to what it does.
 */
import { assembleProgram, type ExampleData } from '../../fence/example-data.ts';
import type { Action } from './actions.ts';
import { flash } from './button-feedback.ts';
import { actionButton, CAPTION_TEXT, CODE, DATA, EXAMPLE, EXPECTED, find, MICROSCOPE, NOTICE, part, RUN_BAR } from './dom-names.ts';
import type { MicroscopeView } from '../microscope/microscope-view.ts';
import { GOTO_LINE, listen, RUN_OPTIONS, type RunOptionsDetail } from './example-events.ts';
import { CODE_LIMITS, withinCodeLimits } from '../storage/code-limits.ts';
import { ExampleCode } from './example-code.ts';
import { ExampleEditor } from '../editor/example-editor.ts';
import { drawCode } from '../editor/static-code.ts';
import { ExampleNotice } from './example-notice.ts';
import type { ExampleElement } from './example-element.ts';
import { ExampleRun } from './example-run.ts';
import { ExampleShare } from '../share/example-share.ts';
import { ExerciseView } from '../exercise/exercise.ts';
import { OutputPane } from '../output/output-pane.ts';
import { PredictFirst } from '../exercise/predict-first.ts';
import { programFile } from './program-file.ts';
import type { TypedEarly } from './typed-early.ts';
import { onFirstIntent } from '../page/page-intent.ts';
import { pageRuntime } from '../page/page-runtime.ts';
import { pythonState } from '../page/python-state.ts';
import { editKey } from '../storage/saved-edits.ts';
import { rememberWork } from '../storage/last-work.ts';
import { storage } from '../storage/storage.ts';
import { isSharedWith, ShareLinkError } from '../share/share-link.ts';
import { PLAYGROUND_EXAMPLE, PLAYGROUND_PATH, playgroundLink } from '../share/playground-link.ts';

export interface ExampleSession {
  /**
   * A button of the run bar (or Ctrl+Enter) asked for this. `from`: where the keyboard's focus was when the reader pressed
   * it (the session may load a moment later, and the reader may have moved on meanwhile).
   */
  act(action: Action, from?: Element | null): void;
  /** A Reset can be undone now (Ctrl+Z outside the editor undoes it). */
  canUndo(): boolean;
  /** Open the editor, with the caret where the reader clicked (and what they typed since, typed-early.ts). */
  edit(at?: { x: number; y: number }, typed?: TypedEarly): void;
  /** Open the whole program in the playground (Playground, clicked before the session was made). */
  openInPlayground(): void;
  /** Its page was swapped for another (page-swap.ts): stop its run, let go of its editor. */
  leave(): void;
}

export function createSession({ element, id, legacyIndex, timeline }: ExampleElement): ExampleSession {
  const data = JSON.parse(part(element, EXAMPLE.data).textContent!) as ExampleData;
  // The caption's title alone (not its permalink's "#", nor its badges).
  const label = element.querySelector(CAPTION_TEXT)?.textContent?.trim() || 'Example';
  const button = (action: Action) => element.querySelector<HTMLButtonElement>(actionButton(action))!;
  const notice = new ExampleNotice(part(element, NOTICE.box));
  const say = (text: string | null) => notice.say(text);

  const code = new ExampleCode(data.code, editKey(location.pathname, id));
  const hint = find(element, EXAMPLE.hint)?.textContent ?? '';
  const editor = new ExampleEditor(part(element, CODE.box), code, `${label}: code editor. ${hint}`, () => actions.run());
  // What the lesson says the example prints (an exercise shows none): a run is compared with it.
  const expectedBox = find(element, EXPECTED.box);
  const expected = expectedBox ? (expectedBox.querySelector('pre')?.textContent ?? '') : null;
  const output = part(element, EXAMPLE.output);
  const pane = new OutputPane(output, label, timeline, expected);
  const exercise = data.exercise ? new ExerciseView(element, data.exercise, id) : null;
  const run = new ExampleRun(data, code, editor, pane, exercise, {
    starters: exercise ? [button('run'), button('check')] : [button('run')],
    stepper: element.querySelector<HTMLButtonElement>(actionButton('step')),
    stop: button('stop'),
    boot: part(element, RUN_BAR.boot),
    output,
  });
  // The loop microscope (Step): loaded with the first stepped run.
  const panel = find(element, MICROSCOPE.panel);
  let microscope: Promise<MicroscopeView> | null = null;
  /** The microscope once loaded (its keys are answered at once, not after a promise). */
  let shownMicroscope: MicroscopeView | null = null;
  const openMicroscope = () =>
    (microscope ??= import('../microscope/microscope-view.ts').then(({ MicroscopeView }) => {
      shownMicroscope = new MicroscopeView(panel!, {
        markLines: (marks) => editor.markLines(marks),
        rewind: (at) => pane.rewind(at),
        closed: () => button('step').focus(),
      });
      return shownMicroscope;
    }));
  const closeMicroscope = () => void microscope?.then((view) => view.close());
  run.onStepped((trace, lineOffset) => {
    if (!panel) return;
    void openMicroscope().then((view) => view.open(trace, lineOffset, code.value.split('\n').length));
  });
  // An edit makes the recorded run another program's: its lines and turns no longer fit.
  code.onChange(closeMicroscope);
  // Right after Step the focus is on Step: the panel's keys work there too (→ ←, Home,
  // End, Escape), as the lessons say.
  const stepper = element.querySelector<HTMLButtonElement>(actionButton('step'));
  stepper?.addEventListener('keydown', (event) => {
    if (!shownMicroscope?.isOpen || event.ctrlKey || event.metaKey || event.altKey) return;
    if (shownMicroscope.key(event.key)) event.preventDefault();
  });
  const share = new ExampleShare(id, code, notice);
  // Playground: a link to the whole program there, made for the code shown (and made
  // again on a click that comes before it is: the code just changed).
  const toPlayground = find<HTMLAnchorElement>(element, RUN_BAR.playground);
  let linked: string | null = null;
  const linkPlayground = async () => {
    const program = code.value;
    try {
      toPlayground!.href = await playgroundLink(assembleProgram(data, program), data.notebook);
      linked = program;
    } catch (error) {
      if (!(error instanceof ShareLinkError)) throw error;
      // Too long for a link: the playground opens with the reader's own program.
      toPlayground!.href = PLAYGROUND_PATH;
      linked = program;
    }
  };
  if (toPlayground) {
    // Made when the reader comes near the link, not at every keystroke (a deflate each).
    for (const near of ['pointerenter', 'focus'] as const) toPlayground.addEventListener(near, () => void linkPlayground());
    toPlayground.addEventListener('click', (event) => {
      if (linked === code.value) return;
      event.preventDefault();
      void linkPlayground().then(() => toPlayground.click());
    });
  }
  const predictFirst = new PredictFirst(element, exercise?.data.kind === 'predict', exercise?.solved ?? false, pane, button('run'), notice);
  exercise?.onPass(() => predictFirst.reveal());
  // The playground's options (notebook cell, practice hosts) set what a run sends.
  const runWith = ({ notebook, before }: RunOptionsDetail) => {
    data.notebook = notebook;
    data.before = before;
  };
  const setOptions = element.getAttribute(DATA.runOptions);
  if (setOptions) runWith(JSON.parse(setOptions) as RunOptionsDetail);
  listen(element, RUN_OPTIONS, runWith);
  // A traceback's line, clicked in the output pane: the caret goes there.
  listen(element, GOTO_LINE, (line) => void editor.focusLine(line));

  const showEdited = () => {
    part(element, EXAMPLE.edited).hidden = !code.edited || code.fromLink;
    button('reset').hidden = !code.edited;
  };
  code.onChange(showEdited);
  showEdited();
  // Code that is not the lesson's runs in an interpreter of its own (example-run.ts):
  // booted as soon as the reader's code differs, so their Run does not wait for it.
  code.onChange(() => {
    if (code.value !== code.original && pythonState() !== null)
      void pageRuntime()
        .preloadSpare()
        .catch(() => {});
  });
  // Past the limits, code still runs, but is neither kept nor shared (code-limits.ts).
  let tooLong = false;
  code.onChange(() => {
    if (withinCodeLimits(code.value) === !tooLong) return;
    tooLong = !tooLong;
    say(
      tooLong
        ? `This code is longer than an example here may keep (${CODE_LIMITS.lines.toLocaleString('en')} lines, ${CODE_LIMITS.chars.toLocaleString('en')} characters): it runs, but is not saved for your next visit and cannot be shared.`
        : null,
    );
  });
  // "Show the whole program" shows the reader's code inside the hidden setup: the
  // lesson's as the build highlighted it, until they edit it; then theirs, highlighted
  // in the page the same way (plain text for the moment it takes to load).
  const program = find(element, CODE.program);
  const lessonProgram = program?.innerHTML ?? '';
  let programDrawn = 0;
  const showProgram = () => {
    if (!program) return;
    const drawing = ++programDrawn;
    if (!code.edited || code.value === code.original) {
      program.innerHTML = lessonProgram;
      return;
    }
    const shown = assembleProgram({ before: '', after: '', indent: data.indent }, code.value).replace(/\n$/, '');
    const before = data.before ? data.before.split('\n') : [];
    const after = data.after ? data.after.split('\n') : [];
    const whole = [...before, ...shown.split('\n'), ...after];
    const dimmed = new Set<number>();
    whole.forEach((_, index) => {
      if (index < before.length || index >= whole.length - after.length) dimmed.add(index + 1);
    });
    drawCode(program, whole, dimmed, () => drawing === programDrawn);
  };
  code.onChange(showProgram);
  showProgram();

  // The code a Reset left, while its Undo is on offer: once the code changes again (Ctrl+Z
  // in the editor brought it back, or the reader typed), the offer is stale and goes.
  let undoneBy: string | null = null;
  // Where the focus was when the button being acted on was pressed (act()).
  let pressedFrom: Element | null = null;
  code.onChange((value) => {
    if (undoneBy !== null && value !== undoneBy && notice.canUndo) say(null);
  });

  async function copy(): Promise<void> {
    // The whole program, hidden setup included: a fragment alone, saved as a file, fails
    // (the landing page promises every example is a program you can save and run).
    const copied = await navigator.clipboard.writeText(assembleProgram(data, code.value)).then(
      () => true,
      () => false,
    );
    flash(button('copy'), copied ? 'Copied' : 'Copy failed', 'Copy', 1500);
  }

  /** The whole program as a file: `main.py`, as the tracebacks call it, or a notebook (program-file.ts). */
  function download(): void {
    const saved = programFile(assembleProgram(data, code.value), data.notebook);
    const file = URL.createObjectURL(new Blob([saved.text], { type: saved.type }));
    const link = Object.assign(document.createElement('a'), { href: file, download: saved.name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(file), 1000);
    say(saved.said);
  }

  // The home page's "Continue where you left off" leads back to the example last worked on.
  const remember = () => {
    const store = storage();
    const pageTitle = document.querySelector('h1')?.textContent?.trim() || document.title;
    if (store) rememberWork(store, { page: location.pathname, example: id, pageTitle, exampleTitle: label });
  };
  code.onChange(remember);

  const actions: Record<Action, () => void> = {
    run: () => {
      const as = predictFirst.runAs();
      if (!as) return;
      closeMicroscope();
      run.start(as === 'check');
    },
    // Step records a run turn by turn and shows its first turn; pressed again, the next
    // turn (past the last, a new recording).
    step: () => {
      if (!panel) return;
      void (microscope ?? Promise.resolve(null)).then((view) => {
        if (view?.isOpen && !view.atEnd) return view.forward();
        view?.close();
        run.start(false, true);
      });
    },
    check: () => run.start(true),
    stop: () => run.stop(),
    copy: () => void copy(),
    download,
    share: () => void share.share(button('share')),
    solution: () => {
      if (!exercise) return;
      code.set(exercise.data.solution);
      void editor.focus(undefined, undefined, pressedFrom);
    },
    // Reset asks nothing: it can be undone (the notice's Undo, or Ctrl+Z, here or in the editor).
    reset: () => {
      const before = { value: code.value, fromLink: code.fromLink };
      const focused = document.activeElement === button('reset');
      // From a link, Reset goes back to what the reader had: their own edit, if any.
      if (code.fromLink) code.leaveLink();
      else code.set(code.original);
      editor.clearError();
      if (code.value === before.value) return say(null);
      undoneBy = code.value;
      const original = id === PLAYGROUND_EXAMPLE ? 'Back to the playground’s first program.' : 'Back to the lesson’s code.';
      notice.sayWithUndo(code.edited ? 'Back to your own edit of this example.' : original, () => {
        if (!before.fromLink) return code.set(before.value);
        code.showFromLink(before.value);
        share.sayFromLink();
      });
      // Reset hides itself (nothing is edited now): the keyboard's focus goes to Undo, not to the page.
      if (focused) part(element, NOTICE.undo).focus();
    },
    undo: () => {
      const focused = document.activeElement === find(element, NOTICE.undo);
      notice.undo();
      if (focused) void editor.focus();
    },
  };

  onFirstIntent();
  // A reader who edited this example before sees their code, not the lesson's; a share
  // link's code is shown over both (and never run by itself).
  // Both show in the static view, highlighted (example-editor.ts): the editor opens when
  // the reader clicks or types into the code.
  if (isSharedWith(location.hash, { id, legacyIndex })) void share.open();
  // Running needs no editor: the highlighted code stays until the reader clicks or
  // types into it (or an error is marked in it). Loading Monaco on Run took a core for
  // a second, beside a first run that was booting Python.
  return {
    act(action, from) {
      pressedFrom = from ?? document.activeElement;
      if (action === 'run' || action === 'step' || action === 'check') remember();
      try {
        actions[action]();
      } finally {
        pressedFrom = null;
      }
    },
    canUndo: () => notice.canUndo,
    edit(at, typed) {
      void editor.focus(at, typed);
    },
    openInPlayground() {
      if (toPlayground) void linkPlayground().then(() => toPlayground.click());
    },
    leave() {
      run.stop();
      closeMicroscope();
      editor.dispose();
    },
  };
}
