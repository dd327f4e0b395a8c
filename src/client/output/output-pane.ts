import type { RunEvent, RunHandle, RunOutcome, RunStatus, TraceEvent } from '../../../runtime/index.ts';
import type { TimelineView } from '../timeline/timeline-view.ts';
import { flash } from '../example/button-feedback.ts';
import { DATA, part, RUN_BAR, selector, STATE } from '../example/dom-names.ts';
import { dispatch, GOTO_LINE } from '../example/example-events.ts';
import { downloadedText } from '../example/download-text.ts';
import { PACES, readPace, readSwitch, writePace, writeSwitch, type Pace } from '../storage/settings.ts';
import { describeMatch, matchOutput } from './output-match.ts';
import { OUTPUT } from './output-names.ts';
import { CHARS_PER_FRAME, MAX_DRAWN_LINE, drawnLine, drawnText } from './output-text.ts';

/** One line of output as shown: text only, never HTML. */
interface Line {
  stream: 'stdout' | 'stderr';
  text: string;
  t: number | null;
}

/** The paces, as the pane's menu names them. */
const PACE_NAMES: Record<Pace, string> = { 0: 'at once', 1: 'real time', 2: '2×', 0.25: '¼×' };

const STATUS_TEXT: Record<Exclude<RunStatus, 'done'>, string> = {
  queued: 'Queued: another example is running first.',
  booting: 'Starting Python…',
  running: 'Running…',
};

/**
 * Lines added to the page per frame. A flood (10,000 lines arrive at once) is drawn
 * over a few frames, each well under the 100 ms that makes a page feel frozen.
 */
const LINES_PER_FRAME = 200;
/**
 * Lines that surely fill the pane's 24rem (30 lines of at least 0.8rem each): from then
 * on its height is fixed and its layout contained (the CSS of `.is-full`), which changes
 * nothing the reader sees.
 */
const FULL_AT_LINES = 30;

/**
 * The output pane of one example: a status line, the program's output (stderr in the
 * error colour), and the final error as a short message with its traceback folded
 * under it. Output is added in batches, a bounded number per frame, so a flood stays
 * smooth; the run's ending is shown once its output is all there.
 */
export class OutputPane {
  readonly #root: HTMLElement;
  readonly #status: HTMLElement;
  readonly #text: HTMLElement;
  readonly #error: HTMLElement;
  readonly #times: HTMLInputElement;
  readonly #timelineToggle: HTMLInputElement;
  readonly #timelineBox: HTMLElement;
  /** Where the reader answers the program's `input()`. */
  readonly #input: HTMLFormElement;
  #run: RunHandle | null = null;
  /** The run is kept out of sight: the reader has not predicted its output yet (predict-first.ts). */
  #concealed = false;
  #timeline: Promise<TimelineView> | null = null;
  #lines: Line[] = [];
  #lineElements: HTMLElement[] = [];
  #pending: Line[] = [];
  #trace: TraceEvent[] = [];
  readonly #paceSelect: HTMLSelectElement;
  /** The loop time a slow run has reached, beside the status (not announced: it changes every frame). */
  readonly #clock: HTMLElement;
  /**
   * Slow motion: the run's output shown at its loop times, `speed` loop seconds per real
   * second, from loop time `fromT` at `since` (performance.now); null: output as it comes.
   */
  #pace: { speed: number; fromT: number; since: number } | null = null;
  /** The run in slow motion is stopped at this loop time: nothing later is shown. */
  #stoppedAt: number | null = null;
  /** The pace the last run was shown at (null: as it came), for its status. */
  #shownAt: Pace | null = null;
  /** Pace the run being shown (a stepped run is not: it is for stepping through). */
  #paced = true;
  /** The timeline's replay shows the run up to this loop time (showUntil), or null: all of it. */
  #replayUntil: number | null = null;
  /** The loop microscope's step shown (rewind), or null: the whole run. */
  #rewoundTo: { printed: number; events: number; t: number } | null = null;
  /** The block that the next lines go into (see #append). */
  #block: HTMLElement | null = null;
  #outcome: RunOutcome | null = null;
  /** The scheduled batch of output (a frame, or a timer while the tab is hidden). */
  #scheduled: (() => void) | null = null;
  /** What to do once every pending line is shown: the run's ending. */
  #drained: (() => void) | null = null;
  /** What the lesson says the example prints, to compare a run with (null: nothing to compare). */
  readonly #expected: string | null;
  readonly #match: HTMLElement;
  readonly #download: HTMLProgressElement;
  readonly #downloaded: HTMLElement;

  constructor(root: HTMLElement, exampleLabel: string, timelineByDefault: boolean, expected: string | null = null) {
    this.#root = root;
    this.#expected = expected;
    root.innerHTML = `
      <div class="${OUTPUT.head}">
        <span class="${OUTPUT.label}">Your run</span>
        <span class="${OUTPUT.status}" role="status" aria-live="polite"></span>
        <progress class="${OUTPUT.download}" aria-label="Python downloaded" hidden></progress>
        <span class="${OUTPUT.downloaded}" hidden></span>
        <label class="${OUTPUT.times}"><input type="checkbox"> loop times</label>
        <label class="${OUTPUT.times}"><input type="checkbox" class="${OUTPUT.timelineToggle}"> timeline</label>
        <label class="${OUTPUT.times}">pace <select class="${OUTPUT.pace}">${PACES.map((pace) => `<option value="${pace}">${PACE_NAMES[pace]}</option>`).join('')}</select></label>
        <span class="${OUTPUT.clock}" aria-hidden="true" hidden></span>
        <button type="button" class="${RUN_BAR.button} ${OUTPUT.copy}">Copy output</button>
      </div>
      <p class="${OUTPUT.match}" role="status" hidden></p>
      <pre class="${OUTPUT.text}" role="region" aria-label="Output of ${escapeAttribute(exampleLabel)}" tabindex="0"></pre>
      <form class="${OUTPUT.input}" hidden>
        <label><span class="${OUTPUT.inputLabel}">Your input</span> <input type="text" autocomplete="off" spellcheck="false"></label>
        <button type="submit">Enter</button>
      </form>
      <div class="${OUTPUT.error}" hidden></div>
      <div class="${OUTPUT.timeline}" hidden></div>`;
    this.#status = part(root, OUTPUT.status);
    this.#text = part(root, OUTPUT.text);
    this.#error = part(root, OUTPUT.error);
    this.#times = root.querySelector<HTMLInputElement>(`${selector(OUTPUT.times)} input`)!;
    this.#timelineToggle = part<HTMLInputElement>(root, OUTPUT.timelineToggle);
    this.#timelineBox = part(root, OUTPUT.timeline);
    this.#input = part<HTMLFormElement>(root, OUTPUT.input);
    this.#match = part(root, OUTPUT.match);
    this.#download = part<HTMLProgressElement>(root, OUTPUT.download);
    this.#downloaded = part(root, OUTPUT.downloaded);
    const copy = part<HTMLButtonElement>(root, OUTPUT.copy);
    copy.addEventListener('click', () => {
      void navigator.clipboard.writeText(this.#printed()).then(
        () => flash(copy, 'Copied', 'Copy output', 1500),
        () => flash(copy, 'Copy failed', 'Copy output', 1500),
      );
    });
    this.#input.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#answer();
    });
    this.#timelineToggle.checked = readSwitch('timeline') ?? timelineByDefault;
    this.#timelineToggle.addEventListener('change', () => {
      writeSwitch('timeline', this.#timelineToggle.checked);
      void this.#showTimeline();
    });
    // A printed line and its mark on the timeline light up together.
    for (const type of ['mouseover', 'focusin'] as const) {
      root.addEventListener(type, (event) => this.#link((event.target as Element).closest?.(`[${DATA.line}]`)));
    }
    root.addEventListener('mouseleave', () => this.#link(null));
    this.#paceSelect = part<HTMLSelectElement>(root, OUTPUT.pace);
    this.#clock = part(root, OUTPUT.clock);
    this.#paceSelect.value = String(readPace());
    // A new pace applies at once to a run that is coming slowly, and to the next runs.
    this.#paceSelect.addEventListener('change', () => {
      const pace = Number(this.#paceSelect.value) as Pace;
      writePace(pace);
      this.#changePace(pace);
    });
    this.#times.checked = readSwitch('loopTimes') === true;
    this.#times.addEventListener('change', () => {
      writeSwitch('loopTimes', this.#times.checked);
      this.#text.replaceChildren();
      this.#lineElements = [];
      this.#block = null;
      this.#append(this.#lines);
      this.#hideAhead();
    });
  }

  /** For replay: show only lines written at or before loop time `t` (null: all of them). */
  showUntil(t: number | null): void {
    this.#replayUntil = t;
    this.#hideAhead();
  }

  /**
   * The run as it stood at a step of the loop microscope: the lines printed by then (the
   * rest keep their place, unseen), the timeline drawn up to then; null: the whole run.
   */
  rewind(at: { printed: number; events: number; t: number } | null): void {
    this.#rewoundTo = at;
    this.#hideAhead();
    void this.#showTimeline();
  }

  /**
   * Lines not yet written at the replay's time or the microscope's step keep their place
   * (invisible, not removed): the timeline below, and its Stop button, stay still under
   * the reader's pointer.
   */
  #hideAhead(): void {
    const t = this.#replayUntil;
    const at = this.#rewoundTo;
    let printed = 0;
    for (const [i, element] of this.#lineElements.entries()) {
      const line = this.#lines[i];
      if (line.t !== null) printed += line.text.length;
      const afterReplay = t !== null && (line.t === null || line.t > t);
      const afterStep = at !== null && (line.t === null || printed > at.printed);
      element.classList.toggle(STATE.ahead, afterReplay || afterStep);
    }
    this.#error.classList.toggle(STATE.ahead, t !== null || at !== null);
  }

  #link(target: Element | null | undefined): void {
    for (const lit of this.#root.querySelectorAll(selector(STATE.linked))) lit.classList.remove(STATE.linked);
    const line = target?.getAttribute(DATA.line);
    if (line === null || line === undefined) return;
    for (const match of this.#root.querySelectorAll(`[${DATA.line}="${line}"]`)) match.classList.add(STATE.linked);
  }

  async #showTimeline(): Promise<void> {
    const on = this.#timelineToggle.checked && this.#outcome !== null;
    this.#timelineBox.hidden = !on;
    if (!on) return;
    this.#timeline ??= import('../timeline/timeline-view.ts').then(({ TimelineView }) => new TimelineView(this.#timelineBox, this));
    const at = this.#rewoundTo;
    const outcome = this.#outcome!;
    // Stopped in slow motion: the run as far as it was shown (the worker may have gone further).
    const events = at
      ? this.#trace.slice(0, at.events)
      : outcome.stopped
        ? this.#trace.filter((e) => e.t <= outcome.result.time)
        : this.#trace;
    (await this.#timeline).show(events, at ? at.t : outcome.result.time);
  }

  /** Show one run, from its first event to its outcome. */
  show(run: RunHandle, onDone: (outcome: RunOutcome) => void, paced = true): void {
    this.#root.hidden = this.#concealed;
    this.#paced = paced;
    this.#pace = null;
    this.#stoppedAt = null;
    this.#shownAt = null;
    this.#clock.hidden = true;
    this.#cancelBatch();
    this.#drained = null;
    this.#lines = [];
    this.#lineElements = [];
    this.#block = null;
    this.#pending = [];
    this.#trace = [];
    this.#rewoundTo = null;
    this.#outcome = null;
    this.#timelineBox.hidden = true;
    this.#text.replaceChildren();
    this.#text.classList.remove(STATE.full);
    this.#text.hidden = false;
    this.#error.hidden = true;
    this.#error.replaceChildren();
    this.#match.hidden = true;
    this.#input.hidden = true;
    this.#run = run;
    run.listen((event) => this.#on(event, onDone));
  }

  #on(event: RunEvent, onDone: (outcome: RunOutcome) => void): void {
    switch (event.type) {
      case 'status':
        if (event.status !== 'done') this.#status.textContent = STATUS_TEXT[event.status];
        // Loop time 0 is when the program starts: slow motion counts from there.
        if (event.status === 'running' && this.#paced) this.#startPace(Number(this.#paceSelect.value));
        this.#download.hidden = true;
        this.#downloaded.hidden = true;
        break;
      case 'download': {
        // Python's files coming down, on a first visit (later ones come from the cache).
        const total = event.total !== null && event.total >= event.loaded ? event.total : null;
        this.#download.max = total ?? event.loaded;
        this.#download.value = event.loaded;
        this.#download.hidden = total === null;
        // The live status says it once; the numbers change beside it, unannounced.
        const said = 'Downloading Python…';
        if (this.#status.textContent !== said) this.#status.textContent = said;
        this.#downloaded.hidden = false;
        this.#downloaded.textContent = downloadedText(event.loaded, total);
        break;
      }
      case 'output':
        for (const text of event.text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
          this.#pending.push({ stream: event.stream, text, t: event.t });
        }
        this.#scheduleBatch();
        break;
      case 'trace':
        this.#trace.push(...event.events);
        break;
      case 'input':
        // The program waits in input(): the prompt is its last output.
        this.#status.textContent = 'Waiting for your input: type it below and press Enter.';
        this.#input.hidden = false;
        this.#input.querySelector('input')!.value = '';
        this.#input.querySelector('input')!.focus();
        break;
      case 'done': {
        this.#input.hidden = true;
        // In slow motion the whole run is known before it is all shown: its timeline
        // comes now, its playhead following the output.
        if (this.#pace) {
          this.#outcome = event.outcome;
          void this.#showTimeline();
        }
        this.#drained = () => {
          const outcome = this.#endedAt(event.outcome);
          this.#shownAt = this.#pace ? (this.#pace.speed as Pace) : null;
          this.#pace = null;
          this.#clock.hidden = true;
          void this.#timeline?.then((timeline) => timeline.playheadAt(null));
          this.#outcome = outcome;
          this.#finish(outcome);
          onDone(outcome);
          void this.#showTimeline();
        };
        if (this.#pending.length === 0) this.#flush();
        else this.#scheduleBatch();
        break;
      }
    }
  }

  /** A run is still being shown in slow motion (its program may be over already). */
  get pacing(): boolean {
    return this.#pace !== null;
  }

  /** The loop time slow motion has reached (Infinity: output is shown as it comes). */
  #paceNow(): number {
    const pace = this.#pace;
    if (!pace) return Number.POSITIVE_INFINITY;
    const now = pace.fromT + ((performance.now() - pace.since) / 1000) * pace.speed;
    return this.#stoppedAt === null ? now : Math.min(now, this.#stoppedAt);
  }

  #startPace(speed: number): void {
    this.#pace = speed > 0 ? { speed, fromT: 0, since: performance.now() } : null;
    this.#clock.hidden = this.#pace === null;
  }

  /** The reader chose another pace: a run coming slowly goes on from where it is, at the new pace (or all at once). */
  #changePace(speed: number): void {
    if (!this.#pace || this.#stoppedAt !== null) return;
    const now = this.#paceNow();
    this.#pace = speed > 0 ? { speed, fromT: now, since: performance.now() } : null;
    this.#clock.hidden = this.#pace === null;
    this.#scheduleBatch();
  }

  /**
   * Stop pressed while the run comes in slow motion: it ends at the loop time shown, as a
   * program stopped then would (what it printed later is never shown). True when the
   * pane took the Stop.
   */
  stopPace(): boolean {
    if (!this.#pace || this.#stoppedAt !== null) return false;
    this.#stoppedAt = this.#paceNow();
    const stoppedAt = this.#stoppedAt;
    this.#pending = this.#pending.filter((line) => line.t === null || line.t <= stoppedAt);
    this.#scheduleBatch();
    return true;
  }

  /** How the run ended as shown: stopped in slow motion, at the loop time reached. */
  #endedAt(outcome: RunOutcome): RunOutcome {
    const at = this.#stoppedAt;
    if (at === null) return outcome;
    return { ...outcome, stopped: true, result: { ...outcome.result, time: Math.min(outcome.result.time, at) } };
  }

  /** Send what the reader typed, and show it after the prompt, as a terminal echoes it. */
  #answer(): void {
    const field = this.#input.querySelector('input')!;
    const text = field.value;
    this.#input.hidden = true;
    this.#status.textContent = STATUS_TEXT.running;
    this.#pending.push({ stream: 'stdout', text: `${text}\n`, t: null });
    this.#scheduleBatch();
    this.#run?.answer(text);
    this.#text.focus();
  }

  #scheduleBatch(): void {
    if (this.#scheduled) return;
    const run = () => {
      this.#scheduled = null;
      this.#flush();
    };
    // Frames do not come while the tab is hidden; a timer still does.
    if (document.hidden) {
      const timer = setTimeout(run, 16);
      this.#scheduled = () => clearTimeout(timer);
    } else {
      const frame = requestAnimationFrame(run);
      this.#scheduled = () => cancelAnimationFrame(frame);
    }
  }

  #cancelBatch(): void {
    this.#scheduled?.();
    this.#scheduled = null;
  }

  /** Show the next batch of pending lines; once none are left, the run's ending. */
  #flush(): void {
    // At most LINES_PER_FRAME lines, and CHARS_PER_FRAME characters (one line at least);
    // in slow motion, only lines printed by the loop time reached.
    const now = this.#paceNow();
    let count = 0;
    for (let chars = 0; count < Math.min(LINES_PER_FRAME, this.#pending.length) && (count === 0 || chars < CHARS_PER_FRAME); count++) {
      const line = this.#pending[count];
      if (line.t !== null && line.t > now) break;
      chars += Math.min(line.text.length, MAX_DRAWN_LINE);
    }
    const batch = this.#pending.splice(0, count);
    this.#lines.push(...batch);
    this.#append(batch);
    if (this.#pace) {
      this.#clock.textContent = `loop time ${formatSeconds(Math.min(now, this.#outcome?.result.time ?? now))} at ${PACE_NAMES[this.#pace.speed as Pace]}`;
      if (this.#outcome) void this.#timeline?.then((timeline) => timeline.playheadAt(now));
    }
    // More to show, or (in slow motion) the run's last loop time not yet reached.
    const waiting = this.#pace !== null && this.#drained !== null && this.#stoppedAt === null && now < (this.#outcome?.result.time ?? 0);
    if (this.#pending.length > 0 || waiting) {
      this.#scheduleBatch();
      return;
    }
    const drained = this.#drained;
    this.#drained = null;
    drained?.();
  }

  /**
   * Adds lines to the output. Each batch goes into a block of its own: one block of
   * 10,000 lines is laid out again whole for every line added (90 ms a frame with the
   * editor on the page; 15 ms in blocks). A block ends with the newline of its last
   * line taken off, as the next block starts: the break between blocks is that newline,
   * so the text reads and copies exactly as printed. A block that ends inside a line,
   * or with a blank line, is continued instead.
   */
  #append(lines: Line[]): void {
    if (lines.length === 0) return;
    const last = this.#block?.lastElementChild?.lastChild;
    const lastText = last?.textContent ?? '';
    const complete = /[^\n]\n$/.test(lastText);
    let block = this.#block;
    if (!block || complete) {
      if (last && complete) last.textContent = lastText.slice(0, -1);
      block = this.#block = document.createElement('span');
      block.className = OUTPUT.block;
      this.#text.append(block);
    }
    const fragment = document.createDocumentFragment();
    for (const line of lines) {
      const element = document.createElement('span');
      element.className = line.stream === 'stderr' ? `${OUTPUT.line} ${OUTPUT.stderr}` : OUTPUT.line;
      element.setAttribute(DATA.line, String(this.#lineElements.length));
      if (this.#times.checked && line.t !== null) {
        const time = document.createElement('span');
        time.className = OUTPUT.time;
        time.textContent = `${line.t.toFixed(3)}s `;
        element.append(time);
      }
      element.append(drawnLine(line.text));
      this.#lineElements.push(element);
      fragment.append(element);
    }
    block.append(fragment);
    if (this.#lineElements.length >= FULL_AT_LINES) this.#text.classList.add(STATE.full);
  }

  /** Keep the runs out of sight (output, error, timeline), or show the last one again. */
  conceal(concealed: boolean): void {
    this.#concealed = concealed;
    this.#root.hidden = concealed || this.#run === null;
  }

  /** What the run printed so far, both streams, as printed. */
  /** The last run's trace, as far as it came. */
  get trace(): readonly TraceEvent[] {
    return this.#trace;
  }

  get output(): string {
    return this.#lines.map((line) => line.text).join('');
  }

  /** What the run printed, and the error it ended with, as the lesson shows output. */
  #printed(): string {
    const text = this.#lines.map((line) => line.text).join('');
    const result = this.#outcome?.result;
    const error = result && !result.ok ? errorLine(result.error) : '';
    return (text + error).replace(/\n$/, '');
  }

  #finish(outcome: RunOutcome): void {
    this.#finishStatus(outcome);
    if (outcome.result.ok && outcome.result.value !== undefined) this.#markValue(outcome.result.value);
    // A whole run, of an example the lesson shows the output of: does it match?
    if (this.#expected !== null && !outcome.stopped) {
      const error = outcome.result.ok ? undefined : { line: errorLine(outcome.result.error), type: outcome.result.error.type };
      this.#match.textContent = describeMatch(matchOutput(this.#printed(), this.#expected), error);
      this.#match.classList.toggle(STATE.different, !this.#match.textContent.startsWith('✓'));
      this.#match.hidden = false;
    }
  }

  /**
   * A notebook cell's value is the last thing it printed, as its repr: those lines are
   * marked as the cell's Out, apart from what it printed (the same text, copied as is).
   */
  #markValue(value: string): void {
    const count = value.split('\n').length;
    const lines = this.#lineElements.slice(-count);
    if (
      lines.length !== count ||
      this.#lines
        .slice(-count)
        .map((line) => line.text)
        .join('') !== `${value}\n`
    )
      return;
    for (const line of lines) line.classList.add(OUTPUT.value);
    lines[0].classList.add(OUTPUT.valueFirst);
  }

  #finishStatus({ result, stopped, wallMs, workerEnded }: RunOutcome): void {
    // Python ended mid-step (its worker was replaced) could not say what loop time it had reached.
    const took = `in ${Math.round(wallMs)} ms`;
    const shown = this.#shownAt ? ` · shown ${this.#shownAt === 1 ? 'in real time' : `at ${PACE_NAMES[this.#shownAt]}`}` : '';
    const timing = workerEnded ? took : `${took} · loop time ${formatSeconds(result.time)}${shown}`;
    const restarts = workerEnded ? '; Python restarts for the next run' : '';
    if (stopped) {
      this.#status.textContent = `Stopped ${timing}${restarts}.`;
      return;
    }
    if (result.ok) {
      this.#status.textContent = `Done ${timing}${this.#lines.length === 0 ? ', no output' : ''}.`;
      this.#text.hidden = this.#lines.length === 0;
      return;
    }
    const { error } = result;
    this.#status.textContent = `Ended with ${error.type} ${timing}${restarts}.`;
    this.#text.hidden = this.#lines.length === 0;
    const summary = document.createElement('p');
    const name = document.createElement('strong');
    name.textContent = drawnLine(error.type);
    summary.append(name, error.message ? `: ${drawnText(error.message)}` : '');
    this.#error.append(summary);
    if (error.traceback.trim()) {
      const details = document.createElement('details');
      const label = document.createElement('summary');
      label.textContent = 'Traceback';
      const trace = document.createElement('pre');
      trace.append(...linkedLines(drawnText(error.traceback)));
      details.append(label, trace);
      this.#error.append(details);
    }
    this.#error.hidden = false;
  }
}

/**
 * A traceback's text, with each `File "main.py", line N` a button that puts the caret on
 * that line (the pane says so to the example with a GOTO_LINE event). Only the reader's
 * program: its lines are numbered as the reader sees them.
 */
function linkedLines(traceback: string): (string | HTMLButtonElement)[] {
  const parts: (string | HTMLButtonElement)[] = [];
  let last = 0;
  for (const match of traceback.matchAll(/(File "main\.py", )(line (\d+))/g)) {
    parts.push(traceback.slice(last, match.index + match[1].length));
    const link = document.createElement('button');
    link.type = 'button';
    link.className = OUTPUT.lineLink;
    link.textContent = match[2];
    link.title = `Put the caret on line ${match[3]}`;
    const line = Number(match[3]);
    link.addEventListener('click', () => dispatch(link, GOTO_LINE, line));
    parts.push(link);
    last = match.index + match[0].length;
  }
  parts.push(traceback.slice(last));
  return parts;
}

/** The line an error ends a run's output with, as the lessons print it. */
function errorLine(error: { type: string; message: string }): string {
  return `${error.type}: ${error.message}`;
}

function formatSeconds(seconds: number): string {
  return `${seconds < 10 ? seconds.toFixed(3) : seconds.toFixed(1)} s`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
