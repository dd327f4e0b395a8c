/**
 * The loop microscope of one example (Microscope.astro): a stepped run shown one turn of
 * the loop at a time, forward and back (a replay of the recorded run: nothing runs
 * again). Each step shows what the turn ran and did, every task with its state, the
 * ready queue, the timers and the sockets the loop watches; the code marks the line each
 * task is suspended at, and the output and timeline show the run as it stood then.
 * Loaded on the first Step.
 */
import { DATA, find, MICROSCOPE, part, taskColourClass } from '../example/dom-names.ts';
import type { TraceEvent } from '../../../runtime/index.ts';
import { formatTime } from '../timeline/layout.ts';
import {
  announceStep,
  describeCallback,
  describeTask,
  lineMarks,
  readSteps,
  RUN_UNTIL_COMPLETE_DONE,
  taskColour,
  timerTime,
  type LineMark,
  type SteppedRun,
} from './steps.ts';

export interface MicroscopeHooks {
  /** Mark the lines of the shown code that tasks are suspended at (none: clear them). */
  markLines(marks: LineMark[]): void;
  /** Show the output and the timeline as they stood at a step; null: the whole run again. */
  rewind(at: { printed: number; events: number; t: number } | null): void;
  /** The microscope closed from its own controls: where the keyboard's focus goes back to. */
  closed(): void;
}

/** Of the tasks a turn made, the tasks it ended and the lines it printed, how many "This turn ran" lists (the rest are counted). */
const DID_SHOWN = 5;

type Item = { text: string; colour?: number | null };

export class MicroscopeView {
  readonly #panel: HTMLElement;
  readonly #hooks: MicroscopeHooks;
  readonly #slider: HTMLInputElement;
  #run: SteppedRun | null = null;
  #at = 0;
  #lineOffset = 0;
  #shownLines = 0;

  constructor(panel: HTMLElement, hooks: MicroscopeHooks) {
    this.#panel = panel;
    this.#hooks = hooks;
    this.#slider = part<HTMLInputElement>(panel, MICROSCOPE.slider);
    this.#slider.addEventListener('input', () => this.go(Number(this.#slider.value)));
    panel.addEventListener('click', (event) => {
      const step = (event.target as Element).closest(`button[${DATA.step}]`)?.getAttribute(DATA.step);
      if (step === 'first') this.go(0);
      else if (step === 'back') this.back();
      else if (step === 'forward') this.forward();
      else if (step === 'last') this.go(Infinity);
      else if (step === 'close') this.#closeFromPanel();
    });
    panel.addEventListener('keydown', (event) => this.#onKey(event));
  }

  get isOpen(): boolean {
    return this.#run !== null;
  }

  /** At the run's last recorded turn. */
  get atEnd(): boolean {
    return this.#run !== null && this.#at >= this.#run.steps.length - 1;
  }

  /**
   * Show a stepped run's trace from its first turn (the state the loop starts from).
   * `lineOffset`: hidden lines above the shown code that the run's line numbers count.
   */
  open(trace: readonly TraceEvent[], lineOffset: number, shownLines: number): void {
    const run = readSteps(trace);
    this.#run = run;
    this.#lineOffset = lineOffset;
    this.#shownLines = shownLines;
    this.#slider.max = String(Math.max(0, run.steps.length - 1));
    const cut = find(this.#panel, MICROSCOPE.cut)!;
    cut.hidden = run.cut === null && run.steps.length > 0;
    cut.textContent =
      run.steps.length === 0
        ? 'This run never turned an event loop: there is nothing to step through. Programs that call asyncio.run have turns.'
        : run.cut
          ? `The run made ${run.cut.total.toLocaleString('en')} turns of the loop; the first ${run.cut.shown.toLocaleString('en')} are recorded.`
          : '';
    find(this.#panel, MICROSCOPE.grid)!.hidden = run.steps.length === 0;
    this.#panel.hidden = false;
    this.go(0);
  }

  forward(): void {
    this.go(this.#at + 1);
  }

  back(): void {
    this.go(this.#at - 1);
  }

  go(index: number): void {
    const run = this.#run;
    if (!run || run.steps.length === 0) return;
    this.#at = Math.min(Math.max(0, index), run.steps.length - 1);
    this.#draw();
  }

  /** Hide the panel and give the code and output back their whole run. */
  close(): void {
    if (!this.#run) return;
    this.#run = null;
    this.#panel.hidden = true;
    this.#hooks.markLines([]);
    this.#hooks.rewind(null);
  }

  #closeFromPanel(): void {
    this.close();
    this.#hooks.closed();
  }

  /**
   * A key for the microscope, pressed in its panel or on Step: → and ← move a turn, Home
   * and End to the first and last, Escape closes. True when the key was one of these
   * and the microscope is open.
   */
  key(name: string): boolean {
    if (!this.#run) return false;
    const moves: Record<string, () => void> = {
      ArrowRight: () => this.forward(),
      ArrowLeft: () => this.back(),
      Home: () => this.go(0),
      End: () => this.go(Infinity),
      Escape: () => this.#closeFromPanel(),
    };
    const move = moves[name];
    move?.();
    return move !== undefined;
  }

  #onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // The slider moves itself with the arrows, Home and End (its input event follows).
    if (event.target === this.#slider && event.key !== 'Escape') return;
    if (this.key(event.key)) event.preventDefault();
  }

  #draw(): void {
    const run = this.#run!;
    const step = run.steps[this.#at];
    const { turn } = step;
    const colourOf = (task: string | null) => (task === null ? null : taskColour(run, task));
    this.#slider.value = String(this.#at);
    this.#slider.setAttribute('aria-valuetext', `turn ${turn.n} of ${run.steps.length - 1}, at ${formatTime(turn.t)}`);
    part(this.#panel, MICROSCOPE.where).textContent = `Turn ${turn.n} of ${run.steps.length - 1} · loop time ${formatTime(turn.t)}`;
    for (const [name, disabled] of [
      ['first', this.#at === 0],
      ['back', this.#at === 0],
      ['forward', this.#at === run.steps.length - 1],
      ['last', this.#at === run.steps.length - 1],
    ] as const) {
      // Only said, not disabled: a disabled button drops the keyboard's focus to the page.
      this.#panel.querySelector(`button[${DATA.step}="${name}"]`)?.setAttribute('aria-disabled', String(disabled));
    }

    fill(
      part(this.#panel, MICROSCOPE.ran),
      turn.ran.map((callback) => ({ text: describeCallback(callback), colour: colourOf(callback.task) })),
      turn.more.ran,
      turn.n === 0 ? 'Nothing yet: asyncio.run has made the main task, and the loop starts here.' : 'Nothing: the turn only waited.',
    );
    // A turn may make or end thousands of tasks: the first few of each, and a count.
    const did: Item[] = [
      ...step.created.slice(0, DID_SHOWN).map((task) => ({ text: `made ${task}`, colour: colourOf(task) })),
      ...step.ended.slice(0, DID_SHOWN).map(({ task, how }) => ({ text: `${task} ${how}`, colour: colourOf(task) })),
      ...step.output.slice(0, DID_SHOWN).map((line) => ({
        text: `${line.stream === 'stderr' ? 'wrote to stderr' : 'printed'}: ${line.text.replace(/\n$/, '')}`,
        colour: colourOf(line.task),
      })),
    ];
    const untold = [step.created, step.ended, step.output].reduce((sum, list) => sum + Math.max(0, list.length - DID_SHOWN), 0);
    fill(part(this.#panel, MICROSCOPE.did), did, untold, null);
    fill(
      part(this.#panel, MICROSCOPE.tasks),
      turn.tasks.map((task) => ({
        text: `${task.task}: ${describeTask(task)}${task.line !== null && task.line - this.#lineOffset >= 1 ? ` · line ${task.line - this.#lineOffset}` : ''}`,
        colour: colourOf(task.task),
      })),
      turn.more.tasks,
      'No task yet.',
    );
    fill(
      part(this.#panel, MICROSCOPE.ready),
      turn.ready.map((callback) => ({ text: describeCallback(callback), colour: colourOf(callback.task) })),
      turn.more.ready,
      turn.ran.some((callback) => callback.name === RUN_UNTIL_COMPLETE_DONE)
        ? 'Empty, and the loop stops: what it was running until is done.'
        : 'Empty: the loop waits for a timer or a socket.',
    );
    fill(
      part(this.#panel, MICROSCOPE.timers),
      turn.timers.map((timer) => ({ text: `${timerTime(timer.at)}: ${describeCallback(timer)}`, colour: colourOf(timer.task) })),
      turn.more.timers,
      'None.',
    );
    fill(
      part(this.#panel, MICROSCOPE.io),
      turn.io.map((watched) => ({ text: `${watched.socket}: ${watched.events} → ${watched.callback}` })),
      turn.more.io,
      'None.',
    );
    part(this.#panel, MICROSCOPE.said).textContent = announceStep(step, run.steps.length);
    this.#hooks.markLines(lineMarks(run, step, this.#lineOffset, this.#shownLines));
    this.#hooks.rewind({ printed: step.printed, events: step.events, t: turn.t });
  }
}

/** A list's items as text (never HTML), each with its task's colour, "and N more", or what an empty list means. */
function fill(list: HTMLElement, items: Item[], more: number, empty: string | null): void {
  const entries = items.map(({ text, colour }) => {
    const entry = document.createElement('li');
    if (colour !== null && colour !== undefined) {
      const swatch = document.createElement('span');
      swatch.className = `${MICROSCOPE.swatch} ${taskColourClass(colour)}`;
      swatch.setAttribute('aria-hidden', 'true');
      entry.append(swatch);
    }
    entry.append(text);
    return entry;
  });
  if (more > 0) entries.push(Object.assign(document.createElement('li'), { textContent: `and ${more.toLocaleString('en')} more` }));
  if (entries.length === 0 && empty !== null)
    entries.push(Object.assign(document.createElement('li'), { textContent: empty, className: MICROSCOPE.empty }));
  list.replaceChildren(...entries);
  list.hidden = entries.length === 0;
}
