/**
 * Running one example: Run (and Check, for an exercise), Stop, the output pane, and the
 * error marked at its line of the shown code. One run at a time per example; the page's
 * runtime queues runs of different examples.
 */
import type { RunHandle, RunOutcome, TraceEvent } from '../../../runtime/index.ts';
import { programToRun, type ExampleData } from '../../fence/example-data.ts';
import type { ExampleCode } from './example-code.ts';
import type { ExampleEditor } from '../editor/example-editor.ts';
import type { ExerciseView } from '../exercise/exercise.ts';
import { bringIntoView } from './bring-into-view.ts';
import { downloadedText } from './download-text.ts';
import type { OutputPane } from '../output/output-pane.ts';
import { drawnText } from '../output/output-text.ts';
import { pageRuntime } from '../page/page-runtime.ts';

export interface RunControls {
  /** Buttons that start a run (Run, and Check for an exercise): marked disabled while one runs. */
  starters: HTMLButtonElement[];
  /** Step, which starts a stepped run (examples have it, exercises do not). */
  stepper: HTMLButtonElement | null;
  stop: HTMLButtonElement;
  /** Beside the starters: Python's download and boot, where the reader just pressed. */
  boot: HTMLElement;
  /** The output pane's box, brought into view when a run starts. */
  output: HTMLElement;
}

/** The runtime's errors for a program that would never end: their line is where a task waits (stuck.py). */
const NOTES: Record<string, string> = {
  WaitsForever: 'here: this task waits for something that never comes',
  NoProgress: 'here: this task hands control back, round and round, and never waits for time',
};

/** The output's status line and its first lines: what must be in view after Run. */
const OUTPUT_ROOM_PX = 140;

export class ExampleRun {
  readonly #data: ExampleData;
  readonly #code: ExampleCode;
  readonly #editor: ExampleEditor;
  readonly #pane: OutputPane;
  readonly #exercise: ExerciseView | null;
  readonly #controls: RunControls;
  /** Hidden lines before the shown code: tracebacks count them, the reader does not. */
  readonly #hiddenAbove: number;
  /** What to take from a line the run reports to number it as the reader sees it. */
  #lineOffset: number;
  #current: RunHandle | null = null;
  /** The button that stands for the current run (Run, or Check): focus returns to it after a Stop. */
  #startedBy: HTMLButtonElement | null = null;

  constructor(
    data: ExampleData,
    code: ExampleCode,
    editor: ExampleEditor,
    pane: OutputPane,
    exercise: ExerciseView | null,
    controls: RunControls,
  ) {
    this.#data = data;
    this.#code = code;
    this.#editor = editor;
    this.#pane = pane;
    this.#exercise = exercise;
    this.#controls = controls;
    this.#hiddenAbove = data.before ? data.before.split('\n').length : 0;
    this.#lineOffset = this.#hiddenAbove;
  }

  /** A stepped run ended (Step): its trace, with a turn of the loop after each of its turns. */
  #onStepped: ((trace: readonly TraceEvent[], lineOffset: number) => void) | null = null;

  onStepped(listener: (trace: readonly TraceEvent[], lineOffset: number) => void): void {
    this.#onStepped = listener;
  }

  /**
   * Run the reader's code; with `checked`, the exercise's check runs after it; `stepped`
   * (Step) records the loop's state at each turn for the microscope.
   */
  start(checked = false, stepped = false): void {
    // One run at a time, and one shown at a time: a run in slow motion is still going on
    // the page after its program ended in the worker.
    if ((this.#current && this.#current.status !== 'done') || this.#pane.pacing) return;
    // Check is the last starter of an exercise; Run the first.
    this.#startedBy = (stepped ? this.#controls.stepper : checked ? this.#controls.starters.at(-1) : this.#controls.starters[0]) ?? null;
    const exercise = this.#exercise;
    const check = checked && exercise ? exercise.checkRequest() : null;
    if (checked && exercise && check === null) return;
    if (check) exercise!.checking();
    else exercise?.hide();
    this.#editor.clearError();
    // Always traced: the timeline can then be shown for any run, after the fact.
    const program = programToRun(this.#data, this.#code.value);
    // Lines come back in the reader's numbering, unless the code ran as one program.
    this.#lineOffset = program.setup ? 0 : this.#hiddenAbove;
    // The lesson's own code, unedited, runs in the interpreter the page's examples share;
    // anything else (an edit, a share link) in one of its own, ended with the run.
    const shared = this.#code.value === this.#code.original;
    const handle = pageRuntime().run(program.code, {
      trace: true,
      steps: stepped,
      check,
      notebook: this.#data.notebook,
      setup: program.setup,
      shared,
    });
    this.#current = handle;
    this.#setRunning(true);
    // A link's own program, run with the exercise's check, could claim any verdict it
    // likes: it does not mark the exercise solved (the lesson's code from a link does).
    const fromLink = this.#code.fromLink && !shared;
    this.#pane.show(
      handle,
      (outcome) => {
        this.#ended(outcome, check !== null, fromLink, !shared);
        if (stepped && !outcome.stopped) this.#onStepped?.(this.#pane.trace, this.#lineOffset);
      },
      // A check's verdict, and a run to step through, come at once; a run at the reader's pace.
      !stepped && check === null,
    );
    this.#showBoot(handle);
    bringIntoView(this.#controls.output, OUTPUT_ROOM_PX);
  }

  /**
   * On a first visit Python comes down (19 MB) and boots before the run: say how far
   * it is beside the button, not only in the output pane. The pane's status line says
   * it to screen readers; this is for the eye, and hidden from them.
   */
  #showBoot(handle: RunHandle): void {
    const boot = this.#controls.boot;
    // Events from before listen() are replayed within it: the unsubscribe may not exist yet.
    let over = false;
    let stopListening: (() => void) | null = null;
    stopListening = handle.listen((event) => {
      if (over) return;
      if (event.type === 'download') {
        boot.hidden = false;
        boot.textContent = `Python ${downloadedText(event.loaded, event.total !== null && event.total >= event.loaded ? event.total : null)}`;
      } else if (event.type === 'status' && event.status === 'booting') {
        boot.hidden = false;
        boot.textContent = 'Starting Python…';
      } else if (event.type === 'status' || event.type === 'output' || event.type === 'done') {
        boot.hidden = true;
        over = event.type !== 'status' || event.status !== 'queued';
        if (over) stopListening?.();
      }
    });
    if (over) stopListening();
  }

  stop(): void {
    // In slow motion the program may be over already: the pane stops showing it there.
    this.#pane.stopPace();
    this.#current?.stop();
  }

  #ended(outcome: RunOutcome, checked: boolean, fromLink: boolean, changed: boolean): void {
    this.#setRunning(false);
    if (checked) this.#exercise!.show(outcome, fromLink, this.#pane.output, changed);
    if (outcome.result.ok || outcome.stopped) return;
    const { line, type, message } = outcome.result.error;
    const shown = line === null ? null : line - this.#lineOffset;
    // Not in the code the reader sees (the hidden setup, the runtime): the output pane says it.
    if (shown === null || shown < 1 || shown > this.#code.value.split('\n').length) return;
    // The message itself is in the output pane; here, only where (and in full on hover).
    const note = `${drawnText(type)} ${NOTES[type] ?? 'here'} (see the output below).`;
    void this.#editor.markError(shown, note, drawnText(`${type}: ${message}`));
  }

  #setRunning(running: boolean): void {
    const { starters, stepper, stop } = this.#controls;
    // Run and Check only say they are disabled (clicks meanwhile are ignored, start()):
    // a really disabled button drops the keyboard's focus to the page on every run.
    for (const starter of [...starters, ...(stepper ? [stepper] : [])]) starter.setAttribute('aria-disabled', String(running));
    const stopFocused = document.activeElement === stop;
    stop.disabled = !running;
    // Stop pressed from the keyboard: the focus goes back to what started the run.
    if (!running && stopFocused) (this.#startedBy ?? starters[0]).focus();
  }
}
