/**
 * Every exercise of content/ checks itself honestly: its check passes on its solution
 * and fails, with a hint, on the code the reader starts from. Deterministic clock, as
 * the doc-tests. A predict exercise starts from an empty prediction, and its solution
 * is the output the program prints.
 */
import { describe, expect, it } from 'vitest';
import { programToRun } from '../../src/fence/example-data';
import { restoredEngine } from '../python';
import type { CheckVerdict } from '../../runtime/protocol/index';
import { lessonExamples } from './lesson-examples';

const exercises = lessonExamples().filter(({ example }) => example.exercise !== null);
const engine = restoredEngine();

async function verdict(
  { code, setup }: ReturnType<typeof programToRun>,
  check: string,
  prediction?: string,
): Promise<CheckVerdict & { output: string }> {
  let output = '';
  const result = await (await engine).run(
    code,
    { deterministic: true, setup, check: { code: check, prediction } },
    (c) => (output += c.text),
  );
  if (!result.ok) output += `${result.error.type}: ${result.error.message}`;
  return { ...result.check!, output };
}

describe('every exercise of the lessons', () => {
  it('finds the exercises', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(12);
  });

  describe.each(exercises.map((e) => [`${e.file}:${e.line} ${e.example.title ?? ''}`.trim(), e] as const))('%s', (_name, { example }) => {
    const { kind, check, solution } = example.exercise!;
    const start = programToRun(example, example.code);

    it('passes on its solution', async () => {
      const ran = kind === 'predict' ? await verdict(start, check, solution) : await verdict(programToRun(example, solution), check);
      expect(ran, ran.output).toMatchObject({ passed: true, message: '' });
    });

    it('fails on the starting code, with a hint', async () => {
      const ran = kind === 'predict' ? await verdict(start, check, '') : await verdict(start, check);
      expect(ran.passed).toBe(false);
      expect(ran.message.length).toBeGreaterThan(10);
    });

    if (kind === 'predict') {
      it('its solution is what the program prints', async () => {
        expect((await verdict(start, check, solution)).output.replace(/\n$/, '')).toBe(solution);
      });
    }
  });
});
