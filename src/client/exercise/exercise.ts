/**
 * The exercise side of a live example: reads the reader's prediction, shows the
 * check's verdict, and remembers solved exercises. The run itself is the example
 * session's; this module only knows what an exercise adds.
 */
import type { ExerciseCheck, RunOutcome } from '../../../runtime/index.ts';
import type { ExampleData } from '../../fence/example-data.ts';
import { DATA, EXERCISE, part, selector } from '../example/dom-names.ts';
import { dispatch, SOLVED } from '../example/example-events.ts';
import { isSolved, markSolved, solvedKey } from '../storage/solved-marks.ts';
import { whereItDiffers } from './prediction.ts';

/** The reader's prediction, in a predict exercise (ExerciseAnswer.astro). */
const PREDICTION_BOX = `${selector(EXERCISE.prediction)} textarea`;

export type ExerciseData = NonNullable<ExampleData['exercise']>;

export class ExerciseView {
  readonly data: ExerciseData;
  readonly #element: HTMLElement;
  readonly #key: string;
  readonly #verdict: HTMLElement;
  readonly #passed: (() => void)[] = [];

  constructor(element: HTMLElement, data: ExerciseData, id: string) {
    this.data = data;
    this.#element = element;
    this.#key = solvedKey(location.pathname, id);
    this.#verdict = part(element, EXERCISE.verdict);
  }

  /** What to check the next run with; null (and a word to the reader) when a prediction is missing. */
  checkRequest(): ExerciseCheck | null {
    if (this.data.kind !== 'predict') return { code: this.data.check };
    const box = this.#element.querySelector<HTMLTextAreaElement>(PREDICTION_BOX)!;
    if (box.value.trim() === '') {
      this.#say(
        false,
        'First, your prediction',
        'Write what you expect the program to print, one line per line of output, then press Check.',
      );
      box.focus();
      return null;
    }
    return { code: this.data.check, prediction: box.value };
  }

  /** Solved on an earlier visit (or just now). */
  get solved(): boolean {
    return isSolved(this.#key);
  }

  /** Called when a check passes. */
  onPass(listener: () => void): void {
    this.#passed.push(listener);
  }

  checking(): void {
    this.#say(null, 'Checking…', '');
  }

  /**
   * Shows how the checked run ended; marks the exercise solved when it passed, unless
   * the code came from a share link and the reader has not made it theirs (a link's
   * program runs with its own check, and could claim any verdict it likes), or, for a
   * prediction, the program is not the lesson's (`changed`).
   */
  show(outcome: RunOutcome, fromLink: boolean, printed: string, changed: boolean): void {
    const verdict = outcome.result.check;
    // A prediction is of the lesson's program: one that matches a program the reader
    // changed (print("hello"), predicted "hello") solves nothing, and shows no answer.
    const ownProgram = changed && this.data.kind === 'predict';
    if (verdict?.passed && !outcome.stopped && !ownProgram) for (const listener of this.#passed) listener();
    if (outcome.stopped || !verdict) {
      this.#say(false, 'Not checked', 'The run was stopped before the check. Press Check to try again.');
    } else if (verdict.passed && ownProgram) {
      this.#say(
        null,
        'Passes, not counted',
        'Your prediction matches what this program printed, but it is not the exercise’s program: a prediction counts for the lesson’s code. Reset it, then Check.',
      );
    } else if (verdict.passed && fromLink) {
      this.#say(
        null,
        'Passes, not counted',
        'This code came from a link, so it does not mark the exercise solved. Edit it, or write your own, then Check again.',
      );
    } else if (verdict.passed) {
      markSolved(this.#key);
      dispatch(document, SOLVED, undefined);
      part(this.#element, EXERCISE.solved).hidden = false;
      const praise = this.data.kind === 'predict' ? 'Your prediction matches what it printed.' : 'It does what the exercise asks.';
      this.#say(true, '✓ Solved', praise);
    } else if (this.data.kind === 'predict') {
      // Where the prediction is wrong, never what the program printed: the answer waits
      // behind "Show what it prints", after the hints (predict-first.ts).
      const box = this.#element.querySelector<HTMLTextAreaElement>(PREDICTION_BOX)!;
      const where = outcome.result.ok ? whereItDiffers(box.value, printed) : '';
      const hint = fromLink ? '' : ` ${verdict.message}`;
      this.#say(false, 'Not yet', `${where}${hint} The hints below may help; “Show what it prints” has the answer.`.trim());
    } else {
      // A link's program could write the check's message itself: the page says its own words instead.
      this.#say(false, 'Not yet', `${fromLink ? 'This code does not pass the check.' : verdict.message} A hint below may help.`);
    }
  }

  hide(): void {
    this.#verdict.hidden = true;
  }

  #say(passed: boolean | null, title: string, message: string): void {
    this.#verdict.hidden = false;
    if (passed === null) this.#verdict.removeAttribute(DATA.passed);
    else this.#verdict.setAttribute(DATA.passed, String(passed));
    part(this.#verdict, EXERCISE.verdictTitle).textContent = title;
    part(this.#verdict, EXERCISE.verdictMessage).textContent = message;
  }
}
