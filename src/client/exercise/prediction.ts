/**
 * A surprising example's prediction (the fence's `predict` option): its expected output
 * stays folded away until the reader opens it, and then says whether what the reader
 * wrote in the prediction box matches it, compared line by line as an exercise compares
 * a prediction (blank lines and surrounding spaces do not count).
 */
import { EXPECTED, find } from '../example/dom-names.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** What the reader is told on revealing the output; empty when they wrote nothing. */
export function compareWithPrediction(prediction: string, expected: string): string {
  const guessed = lines(prediction);
  if (guessed.length === 0) return '';
  const wanted = lines(expected);
  const first = wanted.findIndex((line, index) => guessed[index] !== line);
  if (first === -1 && guessed.length === wanted.length) return 'Your prediction matches.';
  const at = first === -1 ? wanted.length : first;
  return at < wanted.length
    ? `Your prediction differs from line ${at + 1} on: the program prints "${wanted[at]}" there.`
    : `Your prediction has ${guessed.length - wanted.length} line(s) more than the program prints.`;
}

/**
 * Where a prediction first parts from what the program printed, without saying what it
 * printed (that is the answer, shown only on request); empty when they agree.
 */
export function whereItDiffers(prediction: string, printed: string): string {
  const said = lines(prediction);
  const did = lines(printed);
  const at = did.findIndex((line, index) => said[index] !== line);
  if (at === -1) {
    const more = said.length - did.length;
    return more > 0 ? `Your prediction has ${more === 1 ? 'one line' : `${more} lines`} more than the program prints.` : '';
  }
  if (at >= said.length)
    return `Your first ${said.length === 1 ? 'line is' : `${said.length} lines are`} right, but the program prints more.`;
  return at === 0
    ? 'Your first line is not what the program prints first.'
    : `Your first ${at === 1 ? 'line is' : `${at} lines are`} right; line ${at + 1} is not what the program prints there.`;
}

/** Wires the prediction box and the reveal of one example, if it has them. */
export function wirePrediction(root: HTMLElement): void {
  const reveal = find<HTMLDetailsElement>(root, EXPECTED.reveal);
  const box = find<HTMLTextAreaElement>(root, EXPECTED.guess);
  const verdict = find(root, EXPECTED.verdict);
  if (!reveal || !box || !verdict) return;
  reveal.addEventListener('toggle', () => {
    if (!reveal.open) return;
    verdict.textContent = compareWithPrediction(box.value, reveal.querySelector('pre')?.textContent ?? '');
    verdict.hidden = verdict.textContent === '';
  });
}
