/**
 * Predict first, with integrity: an example that asks for a prediction (a predict
 * exercise, or a fence marked `predict`) shows nothing the program prints, from Run,
 * Check or the timeline, until the reader has predicted it or asked for the answer.
 * Before, Run beside Check showed the output to anyone, and a wrong prediction showed
 * "Not yet" over the real output: the hints never mattered.
 */
import { EXERCISE, EXPECTED, find } from '../example/dom-names.ts';
import type { ExampleNotice } from '../example/example-notice.ts';
import type { OutputPane } from '../output/output-pane.ts';

export class PredictFirst {
  readonly #element: HTMLElement;
  readonly #pane: OutputPane;
  readonly #runButton: HTMLButtonElement;
  readonly #notice: ExampleNotice;
  /** A predict exercise: Check is the way to run it until the answer is out. */
  readonly #exerciseAsks: boolean;
  /** A fence marked `predict`: its folded "Show what it prints" and the reader's guess. */
  readonly #reveal: HTMLDetailsElement | null;
  #revealed: boolean;

  /** `predictExercise`: a predict exercise; `solved`: one the reader solved before (its answer is out). */
  constructor(
    element: HTMLElement,
    predictExercise: boolean,
    solved: boolean,
    pane: OutputPane,
    runButton: HTMLButtonElement,
    notice: ExampleNotice,
  ) {
    this.#element = element;
    this.#pane = pane;
    this.#runButton = runButton;
    this.#notice = notice;
    this.#exerciseAsks = predictExercise;
    this.#reveal = find<HTMLDetailsElement>(element, EXPECTED.reveal);
    this.#revealed = solved || (!this.#exerciseAsks && !this.#reveal);
    // The answer, asked for: the exercise's "Show what it prints", or the fence's.
    const answer = this.#exerciseAsks ? find<HTMLDetailsElement>(element, EXERCISE.solution) : this.#reveal;
    answer?.addEventListener('toggle', () => {
      if (answer.open) this.reveal();
    });
    if (answer?.open) this.#revealed = true;
    this.#show();
  }

  get revealed(): boolean {
    return this.#revealed;
  }

  /**
   * What Run (or Ctrl+Enter) does now: run, check (a predict exercise not answered yet:
   * its Run is hidden), or nothing, when a fence's prediction is still to write.
   */
  runAs(): 'run' | 'check' | null {
    if (this.#revealed) return 'run';
    if (this.#exerciseAsks) return 'check';
    const guess = find<HTMLTextAreaElement>(this.#element, EXPECTED.guess);
    if (!guess || guess.value.trim() === '') {
      this.#notice.say(
        'Predict first: write what you expect it to print in the box below, or open “Show what it prints”. Then Run shows the output.',
      );
      guess?.focus();
      return null;
    }
    // A prediction written: running it is the reveal, compared line by line (prediction.ts).
    this.#notice.say(null);
    this.#reveal!.open = true;
    this.reveal();
    return 'run';
  }

  /** The reader predicted (and passed), or asked for the answer: show the runs from now on. */
  reveal(): void {
    if (this.#revealed) return;
    this.#revealed = true;
    this.#show();
  }

  #show(): void {
    this.#pane.conceal(!this.#revealed);
    // A predict exercise's Run stays hidden until then: Check is the way to run it.
    if (this.#exerciseAsks) this.#runButton.hidden = !this.#revealed;
  }
}
