/**
 * The fence syntax of a live example: one place that reads a python fence of a lesson
 * into an {@link Example}. The build (fence plugin), the doc-tests and the page all
 * use this parser, so they can never disagree about what a fence means.
 *
 * Info string (after ```python), space-separated:
 *   title="Two squares at once"   a caption shown above the code
 *   id="two-squares"              the example's name in links and in the reader's saved data
 *                                 (default: a slug of the title, else a hash of the code;
 *                                 see example-ids.ts). Give one to keep it when the title changes.
 *   norun                         a fragment that must not run (no Run button, no doc-test)
 *   norun="why"                   the same, with the reason shown to the reader
 *   timeline                      show the run's timeline by default (readers can still hide it)
 *   predict                       a surprise: the expected output stays hidden until the reader
 *                                 writes a prediction or chooses to reveal it
 *   exercise="predict|fix|write"  an exercise: the reader predicts the output, fixes the code,
 *                                 or writes the missing piece, and a hidden check says if it is right
 *
 * Body markers, each alone on its line (a `#|` line is never shown to readers):
 *   #| hide     the following lines are hidden setup (before or after the shown code)
 *   #| show     back to lines the reader sees
 *   #| output   everything after this line is the expected output
 *
 * An exercise ends, instead of "#| output", in these sections (in any order):
 *   #| check     hidden Python run after the program (runtime/protocol/messages.ts, ExerciseCheck);
 *                it fails the exercise with `assert ..., "a hint"`
 *   #| hint      one hint, shown on request (give one or more, gentlest first)
 *   #| solution  the solved code; for a predict exercise, the output it prints
 */

import { ID } from './example-data.ts';

export const EXERCISE_KINDS = ['predict', 'fix', 'write'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** What makes a fence an exercise. */
export interface Exercise {
  kind: ExerciseKind;
  check: string;
  /** Shown one at a time, on request. */
  hints: string[];
  /** The solved code (fix, write), or the program's output (predict). */
  solution: string;
}

/** One parsed python fence. */
export interface Example {
  /** The program as the reader sees it (hidden lines removed, common indent removed). */
  code: string;
  /** Hidden lines that run before `code`; empty when none. */
  before: string;
  /** Hidden lines that run after `code`; empty when none. */
  after: string;
  /**
   * Spaces removed from every shown line. The shown code may sit inside a hidden
   * `async def main():`, so it is shown flush left and put back in place to run.
   */
  indent: number;
  /** Expected output, without its final newline; `null` when the fence has none. */
  expected: string | null;
  /** Caption shown above the code, when given. */
  title: string | null;
  /** The author's own id for the example (`id="..."`), when given; see example-ids.ts. */
  id: string | null;
  /** `null` for a runnable example; otherwise why it must not run ("" when no reason). */
  norun: string | null;
  /** Show the run's timeline by default. */
  timeline: boolean;
  /** Run as a Jupyter notebook cell (RunOptions.notebook), not as a script. */
  notebook: boolean;
  /** A surprise: the expected output is hidden until the reader predicts or reveals it. */
  predict: boolean;
  /** `null` unless the fence is an exercise. */
  exercise: Exercise | null;
}

/** Where a fence sits, so errors can point at it. */
export interface FenceLocation {
  file: string;
  /** 1-based line of the opening ``` in the file. */
  line: number;
}

/** A fence the build cannot accept; the message names the file and line. */
export class FenceError extends Error {
  readonly type = 'FenceError';
  constructor(where: FenceLocation, lineOffset: number, problem: string) {
    super(`${where.file}:${where.line + lineOffset}: ${problem}`);
    this.name = 'FenceError';
  }
}

/**
 * The longest line of code an example may show (or give as a solution): what fits the
 * desktop column at 1280 px (src/styles/live-example.css sizes the code for it), so no
 * line hides its end behind a sideways scroll.
 */
export const MAX_LINE_LENGTH = 78;
/** An exercise's frame (its accent border and inset) takes a column of its own. */
export const MAX_EXERCISE_LINE_LENGTH = 77;

/** A shown line longer than the column, as a build error that says where and what to do. */
function checkLineLengths(code: string, where: FenceLocation, offset: number, what: string, max = MAX_LINE_LENGTH): void {
  const lines = code.split('\n');
  const long = lines.findIndex((line) => line.length > max);
  if (long === -1) return;
  throw new FenceError(
    where,
    offset,
    `${what} line ${long + 1} is ${lines[long].length} characters long; the column shows ${max} at 1280 px. ` +
      'Rewrap it (break the call over lines, shorten a comment or a name).',
  );
}

const KNOWN_KEYS = ['title', 'id', 'norun', 'timeline', 'notebook', 'predict', 'exercise'] as const;
type Key = (typeof KNOWN_KEYS)[number];

/** Reads the info string after the language name into key/value pairs. */
export function parseMeta(meta: string, where: FenceLocation): Map<Key, string | true> {
  const found = new Map<Key, string | true>();
  const token = /\s*([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/y;
  let rest = meta.trim();
  while (rest.length > 0) {
    token.lastIndex = 0;
    const m = token.exec(rest);
    if (!m || (m[0].length < rest.length && !/\s/.test(rest[m[0].length]))) {
      throw new FenceError(
        where,
        0,
        `cannot read the fence options "${meta.trim()}" near "${rest}". ` +
          `Write options as key="value" or a bare flag, for example: python title="Two squares" norun`,
      );
    }
    const [, key, dq, sq, bare] = m;
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      throw new FenceError(
        where,
        0,
        `unknown fence option "${key}". A python fence takes: title="...", id="...", norun (or norun="reason"), timeline, notebook, predict and exercise="predict|fix|write".`,
      );
    }
    if (found.has(key as Key)) {
      throw new FenceError(where, 0, `the fence option "${key}" is given twice; keep one.`);
    }
    if (bare !== undefined && /^["']/.test(bare)) {
      throw new FenceError(where, 0, `the value of "${key}" opens a quote that never closes: ${bare}`);
    }
    const value = dq ?? sq ?? bare;
    if ((key === 'timeline' || key === 'notebook' || key === 'predict') && value !== undefined) {
      throw new FenceError(where, 0, `${key} is a flag: write ${key}, with no value.`);
    }
    if (key === 'exercise' && !(EXERCISE_KINDS as readonly string[]).includes(String(value))) {
      throw new FenceError(where, 0, `exercise takes a kind: exercise="predict", exercise="fix" or exercise="write".`);
    }
    if (key === 'id' && (value === undefined || !ID.test(value))) {
      throw new FenceError(where, 0, `id takes lowercase letters, digits and dashes, starting with a letter: write id="two-squares".`);
    }
    if (key === 'title' && (value === undefined || value.trim() === '')) {
      throw new FenceError(where, 0, `title needs text: write title="What this example shows".`);
    }
    found.set(key as Key, value ?? true);
    rest = rest.slice(m[0].length).trimStart();
  }
  return found;
}

const MARKER = /^\s*#\|\s*(.*?)\s*$/;

/** Parses one python fence: its info string (`meta`) and its body (`source`). */
export function parseFence(meta: string, source: string, where: FenceLocation): Example {
  const options = parseMeta(meta ?? '', where);
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const before: string[] = [];
  const shown: string[] = [];
  const after: string[] = [];
  let expected: string[] | null = null;
  let hidden = false;
  let hideLine = 0;
  // The exercise's sections, in the order written; `section` is the one being read.
  const sections: { word: 'check' | 'hint' | 'solution'; lines: string[]; offset: number }[] = [];
  const section = () => sections[sections.length - 1];

  lines.forEach((text, i) => {
    // Line 1 of the body is the line after the opening fence.
    const offset = i + 1;
    if (expected) {
      expected.push(text);
      return;
    }
    const marker = MARKER.exec(text);
    const word = marker?.[1];
    if (word === 'check' || word === 'hint' || word === 'solution') {
      if (!options.has('exercise')) {
        throw new FenceError(where, offset, `"#| ${word}" belongs to an exercise: add exercise="predict", "fix" or "write" to the fence.`);
      }
      if (word !== 'hint' && sections.some((s) => s.word === word)) {
        throw new FenceError(where, offset, `a second "#| ${word}": an exercise has one.`);
      }
      sections.push({ word, lines: [], offset });
      return;
    }
    if (sections.length > 0) {
      if (marker) {
        throw new FenceError(where, offset, `"#| ${word}" after the exercise's sections: put hidden lines and output before "#| check".`);
      }
      section().lines.push(text);
      return;
    }
    if (marker) {
      if (word === 'hide') {
        if (hidden) throw new FenceError(where, offset, '"#| hide" inside hidden lines: close the first with "#| show".');
        hidden = true;
        hideLine = offset;
      } else if (word === 'show') {
        if (!hidden) throw new FenceError(where, offset, '"#| show" without a "#| hide" before it.');
        hidden = false;
      } else if (word === 'output') {
        expected = [];
      } else {
        throw new FenceError(
          where,
          offset,
          `unknown marker "#| ${word}". Markers are "#| hide", "#| show", "#| output", and in exercises "#| check", "#| hint" and "#| solution".`,
        );
      }
      return;
    }
    if (hidden) {
      (shown.some((l) => l.trim() !== '') ? after : before).push(text);
    } else if (after.length > 0 && text.trim() !== '') {
      throw new FenceError(
        where,
        offset,
        `shown lines after hidden lines that follow the code (hidden from line ${hideLine}). ` +
          'Hidden lines may only come before or after the shown code; split the example or show those lines.',
      );
    } else if (after.length === 0) {
      shown.push(text);
    }
  });

  trimBlankEnds(shown);
  if (shown.length === 0) {
    throw new FenceError(where, 1, 'this example shows no code: every line is hidden or the fence is empty.');
  }
  const indent = Math.min(...shown.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  const norunValue = options.get('norun');
  const norun = norunValue === undefined ? null : norunValue === true ? '' : norunValue;
  if (options.has('exercise') && (norun !== null || expected !== null)) {
    throw new FenceError(
      where,
      0,
      'an exercise runs and checks itself: it takes neither norun nor "#| output" ' +
        '(for a predict exercise, the output goes under "#| solution").',
    );
  }
  const exercise = readExercise(options.get('exercise'), sections, where);
  if (norun === null && expected === null && !exercise) {
    throw new FenceError(
      where,
      0,
      'this example has no expected output. End the fence with "#| output" and the lines it prints ' +
        '(nothing after it when it prints nothing), or mark a fragment that must not run with norun.',
    );
  }
  if (norun !== null && options.has('timeline')) {
    throw new FenceError(where, 0, 'a norun example never runs, so it has no timeline to show.');
  }
  if (options.has('predict') && (expected === null || trimBlankEnds([...expected]).length === 0 || exercise)) {
    throw new FenceError(
      where,
      0,
      exercise
        ? 'predict hides an example\'s expected output; an exercise has none to hide (use exercise="predict").'
        : 'predict hides the expected output until the reader predicts it: the example needs "#| output" with what it prints.',
    );
  }
  if (norun !== null && expected !== null) {
    throw new FenceError(where, 0, 'a norun example cannot have "#| output": it is never run, so nothing checks it.');
  }
  const title = options.get('title');
  const id = options.get('id');
  const code = shown.map((l) => l.slice(indent)).join('\n');
  checkLineLengths(code, where, 1, "the shown code's", exercise ? MAX_EXERCISE_LINE_LENGTH : MAX_LINE_LENGTH);
  if (exercise && exercise.kind !== 'predict') checkLineLengths(exercise.solution, where, 1, "the solution's");
  return {
    code,
    before: trimBlankEnds(before).join('\n'),
    after: trimBlankEnds(after).join('\n'),
    indent,
    expected: expected === null ? null : trimBlankEnds(expected).join('\n'),
    title: typeof title === 'string' ? title : null,
    id: typeof id === 'string' ? id : null,
    norun,
    timeline: options.has('timeline'),
    notebook: options.has('notebook'),
    predict: options.has('predict'),
    exercise,
  };
}

function readExercise(
  kind: string | true | undefined,
  sections: { word: 'check' | 'hint' | 'solution'; lines: string[]; offset: number }[],
  where: FenceLocation,
): Exercise | null {
  if (kind === undefined) return null;
  const text = (word: string) => sections.filter((s) => s.word === word).map((s) => trimBlankEnds(s.lines).join('\n'));
  const [check] = text('check');
  const [solution] = text('solution');
  const hints = text('hint');
  const empty = sections.find((s) => trimBlankEnds([...s.lines]).length === 0);
  if (empty) throw new FenceError(where, empty.offset, `"#| ${empty.word}" is empty.`);
  const missing = [
    check ? null : '"#| check" (the hidden code that says if it is solved)',
    solution ? null : '"#| solution"',
    hints.length ? null : 'at least one "#| hint"',
  ].filter(Boolean);
  if (missing.length) throw new FenceError(where, 0, `this exercise needs ${missing.join(', ')}.`);
  return { kind: kind as ExerciseKind, check, hints, solution };
}

function trimBlankEnds(lines: string[]): string[] {
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines;
}
