/**
 * Does a run's output match the example's expected output? Compared line by line, as
 * the lesson prints it: a time that differs by at most 0.1 (the page's clock also counts
 * computing, a stretch of 0.1 s or more) is the same time.
 */
import { drawnLine } from './output-text.ts';

/** How near two printed times must be to count as the same. */
const TIME_TOLERANCE = 0.1;
const NUMBER = /(\d+\.\d+)/;

export type OutputMatch = { matches: true } | { matches: false; line: number; expected: string | null; printed: string | null };

function sameLine(printed: string, expected: string): boolean {
  if (printed === expected) return true;
  const got = printed.split(NUMBER);
  const wanted = expected.split(NUMBER);
  if (got.length !== wanted.length) return false;
  // split() with a group puts the numbers at the odd places.
  return got.every((part, i) => (i % 2 === 0 ? part === wanted[i] : Math.abs(Number(part) - Number(wanted[i])) <= TIME_TOLERANCE + 1e-9));
}

/** The longest line quoted in full: the whole line is in the output right below. */
const QUOTED = 120;

function quoted(text: string): string {
  return drawnLine(text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text);
}

/** Compare what a run printed with what the lesson says it prints (both without a final newline). */
export function matchOutput(printed: string, expected: string): OutputMatch {
  const got = printed === '' ? [] : printed.split('\n');
  const wanted = expected === '' ? [] : expected.split('\n');
  for (let i = 0; i < Math.max(got.length, wanted.length); i++) {
    if (got[i] !== undefined && wanted[i] !== undefined && sameLine(got[i], wanted[i])) continue;
    return { matches: false, line: i + 1, expected: wanted[i] ?? null, printed: got[i] ?? null };
  }
  return { matches: true };
}

/**
 * The verdict in words, for the output pane. `error` is the line the run's error ends
 * its output with: where that is what differs, the error is named, not quoted (the
 * pane shows it right below; a failure says its message once).
 */
export function describeMatch(match: OutputMatch, error?: { line: string; type: string }): string {
  if (match.matches) return '✓ Matches the expected output.';
  const { line } = match;
  if (error && match.printed === error.line) {
    const at =
      match.expected === null
        ? `after output line ${line - 1}`
        : `at output line ${line}, where the lesson shows "${quoted(match.expected)}"`;
    return `Differs from the expected output: this run ended with ${drawnLine(error.type)} ${at}.`;
  }
  // A printed line is quoted as the output pane draws it: cut (output-text.ts).
  const [expected, printed] = [match.expected, match.printed].map((text) => (text === null ? null : quoted(text)));
  // "Output line": the editor's messages say "Line" of the code.
  if (printed === null)
    return `Differs from the expected output: it ends before output line ${line}, where the lesson shows "${expected}".`;
  if (expected === null) return `Differs from the expected output: output line ${line}, "${printed}", is more than the lesson shows.`;
  return `Differs from the expected output at output line ${line}: the lesson shows "${expected}", this run printed "${printed}".`;
}
