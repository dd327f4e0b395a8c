/**
 * The timeline of one run, drawn as SVG: one lane per task (the loop on top), a block
 * for each step, a thin line while a task waits (with what it waits on), "loop blocked"
 * across all lanes, a mark for each printed line. Zoom widens the drawing (the box
 * scrolls), replay plays the run back at its loop times. A table tells the same story
 * to screen readers. Loaded only when a timeline is first shown.
 */
import { formatTime, startLayout, ticks, type Lane, type Mark, type Span, type TimelineLayout, type WaitSpan } from './layout.ts';
import type { TraceEvent } from '../../../runtime/index.ts';
import { taskColourClass } from '../example/dom-names.ts';
import { TASK_COLOURS } from '../microscope/steps.ts';

const SVG = 'http://www.w3.org/2000/svg';
const LANE = 44;
const AXIS = 26;
const PAD = 12;
const SPEEDS = [1, 2, 10];
/** Trace events laid out at a time; between two, the layout yields to the page once it
 * has worked for YIELD_AFTER_MS (a full trace is 10,000 events; a slow or busy machine
 * takes 15 ms for a few hundred, a fast one 1 ms). */
const LAYOUT_SLICE = 200;
const YIELD_AFTER_MS = 12;

/** Let the page handle input and draw before the next slice of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export interface ReplayTarget {
  /** Show only the output lines written at or before loop time `t` (null: show all). */
  showUntil(t: number | null): void;
}

export class TimelineView {
  readonly #root: HTMLElement;
  readonly #scroll: HTMLElement;
  readonly #table: HTMLElement;
  readonly #replayButton: HTMLButtonElement;
  readonly #speed: HTMLSelectElement;
  #layout: TimelineLayout | null = null;
  #zoom = 1;
  #playhead: SVGLineElement | null = null;
  #frame = 0;
  /** Which call of `show` is the latest: an older one stops drawing. */
  #shown = 0;
  #tableDrawn = false;
  readonly #tableBox: HTMLDetailsElement;
  readonly #output: ReplayTarget;

  constructor(root: HTMLElement, output: ReplayTarget) {
    this.#root = root;
    this.#output = output;
    root.innerHTML = `
      <div class="timeline__bar">
        <span class="timeline__title">Timeline</span>
        <span class="timeline__summary"></span>
        <span class="timeline__controls">
          <button type="button" class="live-example__button" data-zoom="out" aria-label="Zoom out">−</button>
          <button type="button" class="live-example__button" data-zoom="in" aria-label="Zoom in">+</button>
          <button type="button" class="live-example__button timeline__replay">Replay</button>
          <select class="timeline__speed" aria-label="Replay speed">${SPEEDS.map((s) => `<option value="${s}">${s}×</option>`).join('')}</select>
        </span>
      </div>
      <div class="timeline__scroll" tabindex="0" role="group" aria-label="Timeline drawing; the table below has the same events"></div>
      <details class="timeline__table"><summary>Timeline as a table</summary><div></div></details>`;
    this.#scroll = root.querySelector('.timeline__scroll')!;
    this.#table = root.querySelector('.timeline__table div')!;
    this.#tableBox = root.querySelector('.timeline__table')!;
    // The table is built when a reader opens it: most never do, and it costs a thousand rows.
    this.#tableBox.addEventListener('toggle', () => this.#tableBox.open && !this.#tableDrawn && this.#drawTable());
    this.#replayButton = root.querySelector('.timeline__replay')!;
    this.#speed = root.querySelector('.timeline__speed')!;
    root.querySelector('[data-zoom="in"]')!.addEventListener('click', () => this.#setZoom(this.#zoom * 2));
    root.querySelector('[data-zoom="out"]')!.addEventListener('click', () => this.#setZoom(this.#zoom / 2));
    this.#replayButton.addEventListener('click', () => (this.#frame ? this.#stopReplay() : this.#replay()));
    // Arrow keys move between marks, like through a list.
    this.#scroll.addEventListener('keydown', (event) => this.#onKey(event));
  }

  /**
   * Lays out and draws one run. The work is split (the layout, then the drawing in the
   * next frame; the table only when opened) so that no piece holds the page for long,
   * even for a trace of 10,000 events.
   */
  async show(events: TraceEvent[], end: number): Promise<void> {
    this.#stopReplay();
    const shown = ++this.#shown;
    const builder = startLayout();
    let since = performance.now();
    for (let from = 0; from < events.length; from += LAYOUT_SLICE) {
      if (performance.now() - since > YIELD_AFTER_MS) {
        await nextTask();
        if (shown !== this.#shown) return;
        since = performance.now();
      }
      builder.add(events.slice(from, from + LAYOUT_SLICE));
    }
    this.#layout = builder.finish(end);
    this.#zoom = 1;
    const tasks = this.#layout.lanes.slice(1).reduce((sum, lane) => sum + lane.count, 0);
    const { limit } = this.#layout;
    const cut = limit ? ` · shows the first ${limit.shown.toLocaleString('en')} of ${limit.total.toLocaleString('en')} events` : '';
    this.#root.querySelector('.timeline__summary')!.textContent =
      (this.#layout.loopRan
        ? `${tasks.toLocaleString('en')} ${tasks === 1 ? 'task' : 'tasks'}, ${formatTime(this.#layout.end)} of loop time`
        : `no tasks, ${formatTime(this.#layout.end)}`) +
      // All of it at one time (a loopback exchange): say how it is drawn.
      (this.#layout.end === 0 && this.#layout.sameTime > 0 ? ' · drawn in the order it ran' : '') +
      cut;
    this.#tableDrawn = false;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (shown !== this.#shown) return;
    this.#draw();
    if (this.#tableBox.open) this.#drawTable();
    else this.#table.replaceChildren();
  }

  #setZoom(zoom: number): void {
    this.#zoom = Math.min(64, Math.max(1, zoom));
    this.#draw();
  }

  #draw(): void {
    const layout = this.#layout;
    if (!layout) return;
    const width = Math.max(320, this.#scroll.clientWidth || 600) * this.#zoom;
    const blockedRow = layout.blocked.length ? 16 : 0;
    const lanesBottom = AXIS + layout.lanes.length * LANE;
    const height = lanesBottom + blockedRow + PAD;
    const x = placeOnAxis(layout, width);
    // A group, not an image: its marks are buttons (an image may hold nothing interactive).
    const root = svg('svg', {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      class: 'timeline__svg',
      role: 'group',
      'aria-label': `Timeline: ${layout.lanes.length - 1} task lane${layout.lanes.length === 2 ? '' : 's'}`,
    });

    const pattern = svg('pattern', {
      id: 'timeline-hatch',
      width: 6,
      height: 6,
      patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)',
    });
    pattern.append(svg('rect', { width: 3, height: 6, class: 'timeline__hatch' }));
    const defs = svg('defs', {});
    defs.append(pattern);
    root.append(defs);

    for (const t of ticks(layout.end > 0 ? layout.end : 1, Math.max(3, Math.round(width / 110)))) {
      if (t > 0 && layout.end === 0) continue;
      const at = x(t, kAt(layout, t));
      root.append(svg('line', { x1: at, x2: at, y1: AXIS - 6, y2: height - PAD, class: 'timeline__grid' }));
      root.append(svg('text', { x: at, y: AXIS - 10, 'text-anchor': 'middle', class: 'timeline__tick' }, formatTime(t)));
    }
    for (const span of layout.blocked) {
      const block = svg('g', { class: 'timeline__blocked' });
      block.append(
        svg('rect', {
          x: x(span.from, span.kFrom),
          y: AXIS,
          width: Math.max(2, x(span.to, span.kTo) - x(span.from, span.kFrom)),
          height: lanesBottom + blockedRow - AXIS,
          fill: 'url(#timeline-hatch)',
        }),
      );
      // Without a loop, the program itself is what is blocked.
      const what = layout.loopRan ? 'loop blocked' : 'blocked';
      block.append(svg('title', {}, `${what}: ${span.label}, ${formatTime(span.to - span.from)}`));
      // Labelled in a row of its own under the lanes, clear of the marks.
      const room = x(span.to, span.kTo) - x(span.from, span.kFrom);
      const text = room > 9 * span.label.length + 110 ? `${what}: ${span.label}` : room > 90 ? what : '';
      if (text)
        block.append(
          svg('text', { x: x(span.from, span.kFrom) + 4, y: lanesBottom + blockedRow - 4, class: 'timeline__blocked-label' }, text),
        );
      root.append(block);
    }
    layout.lanes.forEach((lane, i) => {
      root.append(this.#lane(lane, AXIS + i * LANE, x, i));
    });
    this.#playhead = svg('line', { x1: PAD, x2: PAD, y1: AXIS - 4, y2: height - PAD, class: 'timeline__playhead', visibility: 'hidden' });
    root.append(this.#playhead);
    this.#scroll.replaceChildren(root);
    fitLabels(root, width - 2 * PAD);
  }

  /** Lane `index` (0: the loop); a task's lane takes the colour its task has in the loop microscope (by the order tasks were made). */
  #lane(lane: Lane, top: number, x: Place, index: number): SVGGElement {
    const colour = index === 0 ? '' : ` ${taskColourClass((index - 1) % TASK_COLOURS)}`;
    const group = svg('g', { class: lane.id === 'loop' ? 'timeline__lane timeline__lane--loop' : 'timeline__lane' });
    const label = lane.label + (lane.done ? ` · ${lane.done.outcome}` : '');
    // The whole label on hover, for when the drawing has to cut it short.
    const labelled = svg('g', {});
    labelled.append(svg('title', {}, label), svg('text', { x: PAD, y: top + 13, class: 'timeline__label' }, label));
    group.append(labelled);
    const mid = top + 29;
    // However many events a lane has, it draws at most a few shapes per pixel column.
    for (const wait of byPixel(lane.waits, x)) {
      const line = svg('g', { class: 'timeline__wait' });
      line.append(svg('line', { x1: x(wait.from, wait.kFrom), x2: x(wait.to, wait.kTo), y1: mid, y2: mid }));
      line.append(svg('title', {}, `${wait.label} (${formatTime(wait.from)} to ${formatTime(wait.to)})`));
      const room = x(wait.to, wait.kTo) - x(wait.from, wait.kFrom);
      if (room > wait.label.length * 6 + 16)
        line.append(svg('text', { x: x(wait.from, wait.kFrom) + 8, y: mid - 4, class: 'timeline__wait-label' }, wait.label));
      group.append(line);
    }
    for (const step of byPixel(lane.steps, x)) {
      group.append(
        svg('rect', {
          x: x(step.from, step.kFrom),
          y: mid - 6,
          width: Math.max(3, x(step.to, step.kTo) - x(step.from, step.kFrom)),
          height: 12,
          rx: 2,
          class: `timeline__step${colour}`,
        }),
      );
    }
    for (const mark of marksByPixel(lane.marks, x)) {
      const shape =
        mark.stream === 'stderr'
          ? svg('rect', {
              x: x(mark.t, mark.k) - 4,
              y: mid + 6,
              width: 8,
              height: 8,
              transform: `rotate(45 ${x(mark.t, mark.k)} ${mid + 10})`,
            })
          : svg('circle', { cx: x(mark.t, mark.k), cy: mid + 10, r: 4 });
      shape.setAttribute('class', `timeline__mark timeline__mark--${mark.stream}`);
      shape.setAttribute('tabindex', '0');
      shape.setAttribute('data-line', String(mark.line));
      shape.setAttribute('role', 'button');
      shape.setAttribute('aria-label', `${formatTime(mark.t)}, ${lane.label} prints: ${mark.text}`);
      shape.append(svg('title', {}, `${formatTime(mark.t)}: ${mark.text}`));
      group.append(shape);
    }
    return group;
  }

  #drawTable(): void {
    const layout = this.#layout!;
    this.#tableDrawn = true;
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr><th scope="col">Loop time</th><th scope="col">Task</th><th scope="col">Event</th></tr></thead>';
    const body = document.createElement('tbody');
    // A table of 50,000 rows helps nobody: the first thousand tell the story.
    for (const row of layout.rows.slice(0, 1000)) {
      const tr = document.createElement('tr');
      for (const cell of [formatTime(row.t), row.task, row.event]) {
        const td = document.createElement('td');
        td.textContent = cell;
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(body);
    const note = document.createElement('p');
    if (layout.rows.length > 1000) note.textContent = `First 1,000 of ${layout.rows.length.toLocaleString('en')} events.`;
    this.#table.replaceChildren(table, note);
  }

  #onKey(event: KeyboardEvent): void {
    if (!['ArrowRight', 'ArrowLeft'].includes(event.key)) return;
    const marks = [...this.#scroll.querySelectorAll<SVGElement>('.timeline__mark')].sort(
      (a, b) => Number(a.dataset.line) - Number(b.dataset.line),
    );
    if (marks.length === 0) return;
    event.preventDefault();
    const current = marks.indexOf(document.activeElement as SVGElement);
    const next = event.key === 'ArrowRight' ? Math.min(marks.length - 1, current + 1) : Math.max(0, current - 1);
    marks[current < 0 ? 0 : next].focus();
  }

  #replay(): void {
    const layout = this.#layout;
    if (!layout || !this.#playhead) return;
    const speed = Number(this.#speed.value) || 1;
    const started = performance.now();
    const width = Number(this.#scroll.querySelector('svg')!.getAttribute('width'));
    const place = placeOnAxis(layout, width);
    this.#replayButton.textContent = 'Stop replay';
    this.#playhead.setAttribute('visibility', 'visible');
    this.#root.classList.add('is-replaying');
    const frame = () => {
      const t = Math.min(layout.end, ((performance.now() - started) / 1000) * speed);
      const px = place(t, t >= layout.end ? layout.sameTime : kAt(layout, t));
      this.#playhead!.setAttribute('x1', String(px));
      this.#playhead!.setAttribute('x2', String(px));
      this.#output.showUntil(t);
      if (t >= layout.end) {
        this.#stopReplay();
        return;
      }
      this.#frame = requestAnimationFrame(frame);
    };
    this.#output.showUntil(0);
    this.#frame = requestAnimationFrame(frame);
  }

  /** The playhead at loop time `t` (slow motion moves it as the output comes); null hides it. */
  playheadAt(t: number | null): void {
    const layout = this.#layout;
    const svgElement = this.#scroll.querySelector('svg');
    if (!layout || !this.#playhead || !svgElement || this.#frame) return;
    if (t === null) {
      this.#playhead.setAttribute('visibility', 'hidden');
      return;
    }
    const at = Math.min(layout.end, t);
    const px = placeOnAxis(layout, Number(svgElement.getAttribute('width')))(at, at >= layout.end ? layout.sameTime : kAt(layout, at));
    this.#playhead.setAttribute('x1', String(px));
    this.#playhead.setAttribute('x2', String(px));
    this.#playhead.setAttribute('visibility', 'visible');
  }

  #stopReplay(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#replayButton.textContent = 'Replay';
    this.#playhead?.setAttribute('visibility', 'hidden');
    this.#root.classList.remove('is-replaying');
    this.#output.showUntil(null);
  }
}

/** Where a moment goes on the axis: its loop time, and the events at the same time before it (layout.ts's `k`). */
type Place = (t: number, k: number) => number;

/** At most this many pixels per event at the same loop time (a run where no time passes is all such events). */
const SAME_TIME_PX = 12;

/**
 * The axis: loop time, and a step of its own for each event that came at the same loop
 * time as the one before (a loopback exchange, a `sleep(0)`): they show one after another
 * at equal time, and zooming in shows them further apart. They take at most 40% of the
 * width when time passes too, all of it when none does.
 */
function placeOnAxis(layout: TimelineLayout, width: number): Place {
  const inner = width - 2 * PAD;
  const steps = layout.sameTime;
  const stepPx = steps === 0 ? 0 : layout.end > 0 ? Math.min(SAME_TIME_PX, (0.4 * inner) / steps) : inner / steps;
  const timePx = inner - stepPx * steps;
  return (t, k) => PAD + (layout.end > 0 ? (t / layout.end) * timePx : 0) + k * stepPx;
}

/** The `k` at loop time `t`: that of the first event at or after it (a tick goes before the events at its time). */
function kAt(layout: TimelineLayout, t: number): number {
  const { instants } = layout;
  let [low, high] = [0, instants.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (instants[middle].t < t) low = middle + 1;
    else high = middle;
  }
  return low < instants.length ? instants[low].k : layout.sameTime;
}

/** Spans that would draw within a pixel of each other, drawn as one (a wait keeps its label when all agree). */
function byPixel<T extends Span | WaitSpan>(spans: T[], x: Place): T[] {
  const drawn: T[] = [];
  for (const span of spans) {
    const previous = drawn.at(-1);
    if (previous && x(span.from, span.kFrom) - x(previous.to, previous.kTo) < 1) {
      if (span.to > previous.to || (span.to === previous.to && span.kTo > previous.kTo)) [previous.to, previous.kTo] = [span.to, span.kTo];
      if ('label' in previous && 'label' in span && previous.label !== span.label) (previous as WaitSpan).label = 'waiting';
    } else {
      drawn.push({ ...span });
    }
  }
  return drawn;
}

/** Marks drawn per lane at most: one per few pixels (the output pane has every line). */
const MARK_PIXELS = 4;

function marksByPixel(marks: Mark[], x: Place): Mark[] {
  const drawn: Mark[] = [];
  let next = -Infinity;
  for (const mark of marks) {
    if (x(mark.t, mark.k) < next) continue;
    drawn.push(mark);
    next = x(mark.t, mark.k) + MARK_PIXELS;
  }
  return drawn;
}

/**
 * Cuts lane labels that would run past the drawing, with an ellipsis (the full label
 * stays in its title). Measured once drawn: text width depends on the font.
 */
function fitLabels(root: SVGSVGElement, room: number): void {
  for (const text of root.querySelectorAll<SVGTextElement>('.timeline__label')) {
    if (text.getComputedTextLength() <= room) continue;
    const full = text.textContent ?? '';
    let [low, high] = [0, full.length];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      text.textContent = `${full.slice(0, middle)}…`;
      if (text.getComputedTextLength() <= room) low = middle;
      else high = middle - 1;
    }
    text.textContent = `${full.slice(0, low)}…`;
  }
}
