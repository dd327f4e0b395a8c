/**
 * Doc-tests: every python fence of content/ runs on the runtime in Node (deterministic
 * clock, the hidden setup included) and must print exactly its expected output. When
 * the program ends in an exception, its output ends with the exception's last line.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectExamples } from '../../src/fence/collect-fences';
import { assembleProgram } from '../../src/fence/parse-fence';
import { bootNodeEngine } from '../../runtime/node';

const root = join(import.meta.dirname, '../..');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return mdxFiles(path);
    return name.endsWith('.mdx') ? [path] : [];
  });
}

const examples = mdxFiles(join(root, 'content')).flatMap((path) => collectExamples(path, relative(root, path)));
const engine = bootNodeEngine();

/** What the reader would see printed: the output, then the error's last line. */
async function printed(program: string): Promise<string> {
  let output = '';
  const result = (await engine).run(program, { deterministic: true }, (chunk) => (output += chunk.text));
  if (!result.ok) output += `${result.error.type}: ${result.error.message}`;
  return output.replace(/\n$/, '');
}

describe('every example of the lessons prints what the lesson says', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  const runnable = examples.filter(({ example }) => example.norun === null);
  it.each(runnable.map((e) => [`${e.file}:${e.line} ${e.example.title ?? ''}`.trim(), e] as const))('%s', async (_name, { example }) => {
    expect(await printed(assembleProgram(example, example.code))).toBe(example.expected);
  });
});
