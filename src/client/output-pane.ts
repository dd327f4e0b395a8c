import type { RunEvent, RunHandle, RunOutcome, RunStatus } from '../../runtime/index.ts';

/** One line of output as shown: text only, never HTML. */
interface Line {
  stream: 'stdout' | 'stderr';
  text: string;
  t: number | null;
}

const STATUS_TEXT: Record<Exclude<RunStatus, 'done'>, string> = {
  queued: 'Queued: another example is running first.',
  booting: 'Starting Python…',
  running: 'Running…',
};

/**
 * The output pane of one example: a status line, the program's output (stderr in the
 * error colour), and the final error as a short message with its traceback folded
 * under it. Output is added in batches, once per frame, so a flood stays smooth.
 */
export class OutputPane {
  readonly #root: HTMLElement;
  readonly #status: HTMLElement;
  readonly #text: HTMLElement;
  readonly #error: HTMLElement;
  readonly #times: HTMLInputElement;
  #lines: Line[] = [];
  #pending: Line[] = [];
  #frame = 0;

  constructor(root: HTMLElement, exampleLabel: string) {
    this.#root = root;
    root.innerHTML = `
      <div class="output__head">
        <span class="output__label">Your run</span>
        <span class="output__status" role="status" aria-live="polite"></span>
        <label class="output__times"><input type="checkbox"> loop times</label>
      </div>
      <pre class="output__text" aria-live="polite" aria-label="Output of ${escapeAttribute(exampleLabel)}" tabindex="0"></pre>
      <div class="output__error" hidden></div>`;
    this.#status = root.querySelector('.output__status')!;
    this.#text = root.querySelector('.output__text')!;
    this.#error = root.querySelector('.output__error')!;
    this.#times = root.querySelector('.output__times input')!;
    try {
      this.#times.checked = localStorage.getItem('asyncio-live:loop-times') === 'on';
    } catch {
      // storage disabled: times start hidden
    }
    this.#times.addEventListener('change', () => {
      try {
        localStorage.setItem('asyncio-live:loop-times', this.#times.checked ? 'on' : 'off');
      } catch {
        // the choice just does not outlive the page
      }
      this.#text.replaceChildren();
      this.#append(this.#lines);
    });
  }

  /** Show one run, from its first event to its outcome. */
  show(run: RunHandle, onDone: (outcome: RunOutcome) => void): void {
    this.#root.hidden = false;
    this.#lines = [];
    this.#pending = [];
    this.#text.replaceChildren();
    this.#text.hidden = false;
    this.#error.hidden = true;
    this.#error.replaceChildren();
    run.listen((event) => this.#on(event, onDone));
  }

  #on(event: RunEvent, onDone: (outcome: RunOutcome) => void): void {
    switch (event.type) {
      case 'status':
        if (event.status !== 'done') this.#status.textContent = STATUS_TEXT[event.status];
        break;
      case 'output':
        for (const text of event.text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
          this.#pending.push({ stream: event.stream, text, t: event.t });
        }
        this.#frame ||= requestAnimationFrame(() => this.#flush());
        break;
      case 'trace':
        break;
      case 'done':
        this.#flush();
        this.#finish(event.outcome);
        onDone(event.outcome);
        break;
    }
  }

  #flush(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    const batch = this.#pending;
    this.#pending = [];
    this.#lines.push(...batch);
    this.#append(batch);
  }

  #append(lines: Line[]): void {
    const fragment = document.createDocumentFragment();
    for (const line of lines) {
      if (this.#times.checked && line.t !== null) {
        const time = document.createElement('span');
        time.className = 'output__time';
        time.textContent = `${line.t.toFixed(3)}s `;
        fragment.append(time);
      }
      if (line.stream === 'stderr') {
        const span = document.createElement('span');
        span.className = 'output__stderr';
        span.textContent = line.text;
        fragment.append(span);
      } else {
        fragment.append(line.text);
      }
    }
    this.#text.append(fragment);
  }

  #finish({ result, stopped, wallMs }: RunOutcome): void {
    const timing = `in ${Math.round(wallMs)} ms · loop time ${formatSeconds(result.time)}`;
    if (stopped) {
      this.#status.textContent = `Stopped ${timing}.`;
      return;
    }
    if (result.ok) {
      this.#status.textContent = `Done ${timing}${this.#lines.length === 0 ? ', no output' : ''}.`;
      this.#text.hidden = this.#lines.length === 0;
      return;
    }
    const { error } = result;
    this.#status.textContent = `Ended with ${error.type} ${timing}.`;
    this.#text.hidden = this.#lines.length === 0;
    const summary = document.createElement('p');
    const name = document.createElement('strong');
    name.textContent = error.type;
    summary.append(name, error.message ? `: ${error.message}` : '');
    this.#error.append(summary);
    if (error.traceback.trim()) {
      const details = document.createElement('details');
      const label = document.createElement('summary');
      label.textContent = 'Traceback';
      const trace = document.createElement('pre');
      trace.textContent = error.traceback;
      details.append(label, trace);
      this.#error.append(details);
    }
    this.#error.hidden = false;
  }
}

function formatSeconds(seconds: number): string {
  return `${seconds < 10 ? seconds.toFixed(3) : seconds.toFixed(1)} s`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
