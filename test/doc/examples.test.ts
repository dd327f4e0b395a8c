/**
 * Doc-tests: every python fence of content/ runs on the runtime in Node (deterministic
 * clock, the hidden setup included) and must print exactly its expected output. When
 * the program ends in an exception, its output ends with the exception's last line. A
 * fence marked notebook runs as a notebook cell, as on the page.
 */
import { describe, expect, it } from 'vitest';
import { lessonExamples } from './lesson-examples';
import { programToRun } from '../../src/fence/example-data';
import { restoredEngine } from '../python';

const examples = lessonExamples();
const engine = restoredEngine();

/** What the reader would see printed: the output, then the error's last line. */
async function printed({ code, setup }: ReturnType<typeof programToRun>, notebook: boolean): Promise<string> {
  let output = '';
  const result = await (await engine).run(code, { deterministic: true, notebook, setup }, (chunk) => (output += chunk.text));
  if (!result.ok) output += `${result.error.type}: ${result.error.message}`;
  return output.replace(/\n$/, '');
}

describe('every example of the lessons prints what the lesson says', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  // Exercises have no expected output; test/doc/exercises.test.ts checks them.
  const runnable = examples.filter(({ example }) => example.norun === null && example.exercise === null);
  it.each(runnable.map((e) => [`${e.file}:${e.line} ${e.example.title ?? ''}`.trim(), e] as const))('%s', async (_name, { example }) => {
    // As the page runs it: the hidden setup apart, so the reader's lines number from 1.
    expect(await printed(programToRun(example, example.code), example.notebook)).toBe(example.expected);
  });
});
