/**
 * What the page needs of one example to run, reset and check it: built from the parsed
 * fence by the build (LiveExample.astro puts it in the page as JSON), read by the client
 * (src/client/example/example-session.ts). One type for both sides, so they cannot drift apart.
 */
import type { Example, Exercise } from './parse-fence.ts';

/**
 * What an example id may be (it goes into URLs and storage keys as it is): lowercase
 * letters, digits and dashes, starting with a letter, so that it can never be taken for
 * a position (the keys and links from before ids).
 */
export const ID_PATTERN = '[a-z][a-z0-9-]*';
export const ID = new RegExp(`^${ID_PATTERN}$`);

export interface ExampleData {
  /** The example's stable id on its page (example-ids.ts): saved edits, solved marks and links use it. */
  id: string;
  /** The lesson's code as the reader sees it. */
  code: string;
  before: Example['before'];
  after: Example['after'];
  indent: Example['indent'];
  notebook: Example['notebook'];
  exercise: Pick<Exercise, 'kind' | 'check' | 'solution'> | null;
}

export function exampleData(example: Example, id: string): ExampleData {
  const { exercise } = example;
  return {
    id,
    code: example.code,
    before: example.before,
    after: example.after,
    indent: example.indent,
    notebook: example.notebook,
    exercise: exercise && { kind: exercise.kind, check: exercise.check, solution: exercise.solution },
  };
}

/**
 * The whole program to run: hidden lines around the reader's (possibly edited) code,
 * put back at its indent.
 */
/**
 * What a run of the example sends: the reader's code, and the hidden setup around it
 * (RunOptions.setup), so that tracebacks and the error's line number the lines as the
 * reader sees them. Code shown inside a hidden block (indented) cannot be compiled on
 * its own: it runs as one program, numbered from the hidden first line.
 */
export function programToRun(
  example: Pick<Example, 'before' | 'after' | 'indent'>,
  code: string,
): { code: string; setup: { before: string; after: string } | null } {
  if (example.indent > 0 || (example.before === '' && example.after === '')) return { code: assembleProgram(example, code), setup: null };
  return { code, setup: { before: example.before, after: example.after } };
}

export function assembleProgram(example: Pick<Example, 'before' | 'after' | 'indent'>, code: string): string {
  const pad = ' '.repeat(example.indent);
  const body = code
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : pad + l))
    .join('\n');
  return `${[example.before, body, example.after].filter((part) => part !== '').join('\n')}\n`;
}
