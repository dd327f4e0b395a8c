import { describe, expect, it } from 'vitest';
import { assembleProgram } from '../../../src/fence/example-data';
import { FenceError, parseFence, parseMeta } from '../../../src/fence/parse-fence';

const at = { file: 'content/lessons/demo.mdx', line: 10 };

describe('parseMeta', () => {
  it('reads titles in either quote and bare flags', () => {
    expect(Object.fromEntries(parseMeta(`title="Two squares" norun`, at))).toEqual({ title: 'Two squares', norun: true });
    expect(Object.fromEntries(parseMeta(`norun='needs a network'`, at))).toEqual({ norun: 'needs a network' });
    expect(parseMeta('', at).size).toBe(0);
  });

  it.each([
    [
      'tittle="x"',
      /content\/lessons\/demo\.mdx:10: unknown fence option "tittle". A python fence takes: title="...", id="...", norun \(or norun="reason"\), timeline, notebook, predict and exercise/,
    ],
    ['exercise', /:10: exercise takes a kind/],
    ['exercise="guess"', /:10: exercise takes a kind/],
    ['title="x" title="y"', /:10: the fence option "title" is given twice/],
    ['title="unclosed', /:10: the value of "title" opens a quote that never closes/],
    ['title=""', /:10: title needs text/],
    ['title="a"b', /:10: cannot read the fence options/],
    ['{1,3}', /:10: cannot read the fence options/],
  ])('rejects %s with the file and line', (meta, message) => {
    expect(() => parseMeta(meta, at)).toThrowError(message);
  });
});

describe('parseFence', () => {
  it('splits shown code from the expected output', () => {
    const example = parseFence('title="Hello"', 'print("hi")\n#| output\nhi\n', at);
    expect(example).toEqual({
      code: 'print("hi")',
      before: '',
      after: '',
      indent: 0,
      expected: 'hi',
      title: 'Hello',
      id: null,
      norun: null,
      timeline: false,
      notebook: false,
      predict: false,
      exercise: null,
    });
  });

  it('keeps hidden lines before and after, and the indent of the shown code', () => {
    const body = [
      '#| hide',
      'import asyncio',
      'async def main():',
      '#| show',
      '    result = await asyncio.sleep(0, "x")',
      '    print(result)',
      '#| hide',
      'asyncio.run(main())',
      '#| output',
      'x',
    ].join('\n');
    const example = parseFence('', body, at);
    expect(example.code).toBe('result = await asyncio.sleep(0, "x")\nprint(result)');
    expect(example.before).toBe('import asyncio\nasync def main():');
    expect(example.after).toBe('asyncio.run(main())');
    expect(example.indent).toBe(4);
    expect(assembleProgram(example, example.code)).toBe(
      'import asyncio\nasync def main():\n    result = await asyncio.sleep(0, "x")\n    print(result)\nasyncio.run(main())\n',
    );
  });

  it('puts edited code back at its indent, blank lines left blank', () => {
    const example = { before: 'def f():', after: 'f()', indent: 4 };
    expect(assembleProgram(example, 'a = 1\n\nprint(a)')).toBe('def f():\n    a = 1\n\n    print(a)\nf()\n');
  });

  it('keeps an empty expected output apart from a missing one', () => {
    expect(parseFence('', 'x = 1\n#| output\n', at).expected).toBe('');
    expect(parseFence('norun', 'x = 1', at).expected).toBeNull();
  });

  it('keeps blank lines and markers-looking text inside the expected output', () => {
    const example = parseFence('', 'print("a\\n\\n#| b")\n#| output\na\n\n#| b\n', at);
    expect(example.expected).toBe('a\n\n#| b');
  });

  it('reads the timeline flag', () => {
    expect(parseFence('timeline', 'print(1)\n#| output\n1', at).timeline).toBe(true);
    expect(() => parseFence('timeline=yes', 'print(1)\n#| output\n1', at)).toThrowError(/:10: timeline is a flag/);
    expect(() => parseFence('timeline norun', 'x', at)).toThrowError(/:10: a norun example never runs/);
  });

  it('reads the predict flag, which needs an output to hide and is not for exercises', () => {
    expect(parseFence('predict', 'print(1)\n#| output\n1', at).predict).toBe(true);
    expect(parseFence('', 'print(1)\n#| output\n1', at).predict).toBe(false);
    expect(() => parseFence('predict', 'pass\n#| output', at)).toThrowError(
      /:10: predict hides the expected output .* needs "#\| output" with what it prints/,
    );
    expect(() => parseFence('predict norun', 'f()', at)).toThrowError(/:10: predict hides the expected output/);
    expect(() => parseFence('predict exercise="predict"', 'print(1)\n#| check\nassert 1\n#| hint\nh\n#| solution\n1', at)).toThrowError(
      /:10: predict hides an example's expected output; an exercise has none/,
    );
    expect(() => parseFence('predict=yes', 'print(1)\n#| output\n1', at)).toThrowError(/:10: predict is a flag/);
  });

  it("refuses a shown line, or a solution's, wider than the desktop column, saying which and how long", () => {
    const wide = `print("${'x'.repeat(80)}")`;
    expect(() => parseFence('', `print(1)\n${wide}\n#| output\n1`, at)).toThrowError(
      /:11: the shown code's line 2 is 89 characters long; the column shows 78 at 1280 px\. Rewrap it/,
    );
    expect(parseFence('', `#| hide\n${wide}\n#| show\nprint(1)\n#| output\n1`, at).code).toBe('print(1)');
    expect(() => parseFence('exercise="fix"', `print(1)\n#| check\nassert 1\n#| hint\nh\n#| solution\n${wide}`, at)).toThrowError(
      /the solution's line 1 is 89 characters long/,
    );
    // An exercise's frame is a column narrower: 78 characters fit an example, not an exercise.
    const edge = `print("${'x'.repeat(69)}")`;
    expect(parseFence('', `${edge}\n#| output\n1`, at).code).toBe(edge);
    expect(() => parseFence('exercise="fix"', `${edge}\n#| check\nassert 1\n#| hint\nh\n#| solution\nprint(1)`, at)).toThrowError(
      /the shown code's line 1 is 78 characters long; the column shows 77 at 1280 px/,
    );
  });

  it('reads the notebook flag', () => {
    expect(parseFence('notebook', 'await f()\n#| output\n1', at).notebook).toBe(true);
    expect(parseFence('', 'print(1)\n#| output\n1', at).notebook).toBe(false);
    expect(() => parseFence('notebook=yes', 'print(1)\n#| output\n1', at)).toThrowError(/:10: notebook is a flag/);
  });

  it('reads norun with and without a reason', () => {
    expect(parseFence('norun', 'result = await f()', at).norun).toBe('');
    expect(parseFence('norun="a fragment"', 'result = await f()', at).norun).toBe('a fragment');
  });

  it('accepts Windows line endings', () => {
    expect(parseFence('', 'print(1)\r\n#| output\r\n1\r\n', at)).toMatchObject({ code: 'print(1)', expected: '1' });
  });

  it.each([
    ['print(1)', '', /demo\.mdx:10: this example has no expected output/],
    ['print(1)\n#| output\n1', 'norun', /:10: a norun example cannot have "#\| output"/],
    ['#| hide\nimport asyncio', '', /:11: this example shows no code/],
    ['', 'norun', /:11: this example shows no code/],
    ['print(1)\n#| show\n#| output\n1', '', /:12: "#\| show" without a "#\| hide"/],
    ['#| hide\n#| hide\nx\n#| show\nprint(1)', '', /:12: "#\| hide" inside hidden lines/],
    ['print(1)\n#| expect\n1', '', /:12: unknown marker "#\| expect"/],
    ['a = 1\n#| hide\nb = 2\n#| show\nprint(a)\n#| output\n1', '', /:15: shown lines after hidden lines/],
  ])('rejects %j (meta %j) naming the line', (body, meta, message) => {
    expect(() => parseFence(meta, body, at)).toThrowError(message);
  });

  it('throws FenceError, so the build can tell fence mistakes apart', () => {
    try {
      parseFence('', 'print(1)', at);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FenceError);
      expect((error as FenceError).type).toBe('FenceError');
    }
  });
});

describe('an exercise fence', () => {
  const body = [
    'import asyncio',
    'async def main():',
    '    await asyncio.sleep(1)',
    '#| check',
    'assert True',
    '#| hint',
    'Look at the `await`.',
    '',
    'It waits.',
    '#| hint',
    'Second hint.',
    '#| solution',
    'import asyncio',
    '',
    'async def main():',
    '    await asyncio.sleep(0)',
  ].join('\n');

  it('reads its kind, check, hints in order, and solution; it needs no expected output', () => {
    const example = parseFence('exercise="fix" title="Make it quick"', body, at);
    expect(example.code).toBe('import asyncio\nasync def main():\n    await asyncio.sleep(1)');
    expect(example.expected).toBeNull();
    expect(example.norun).toBeNull();
    expect(example.exercise).toEqual({
      kind: 'fix',
      check: 'assert True',
      hints: ['Look at the `await`.\n\nIt waits.', 'Second hint.'],
      solution: 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0)',
    });
  });

  it.each([
    ['a check outside an exercise', '', 'print(1)\n#| check\nassert True', /:12: "#\| check" belongs to an exercise/],
    ['no check', 'exercise="write"', 'x = 1\n#| hint\nh\n#| solution\nx = 2', /:10: this exercise needs "#\| check"/],
    ['no hint', 'exercise="write"', 'x = 1\n#| check\nassert x\n#| solution\nx = 2', /needs at least one "#\| hint"/],
    ['an empty section', 'exercise="write"', 'x = 1\n#| check\n\n#| hint\nh\n#| solution\nx', /:12: "#\| check" is empty/],
    ['two checks', 'exercise="fix"', 'x = 1\n#| check\na\n#| check\nb', /:14: a second "#\| check"/],
    ['expected output too', 'exercise="fix"', 'x = 1\n#| output\n\n#| check\na', /"#\| check" after the exercise's sections|takes neither/],
    ['norun too', 'exercise="fix" norun', 'x = 1\n#| check\na\n#| hint\nh\n#| solution\ns', /takes neither norun/],
    ['a marker inside a section', 'exercise="fix"', 'x = 1\n#| check\na\n#| hide\nb', /:14: "#\| hide" after the exercise's sections/],
  ])('rejects %s', (_what, meta, source, message) => {
    expect(() => parseFence(meta, source, at)).toThrowError(message);
  });
});
