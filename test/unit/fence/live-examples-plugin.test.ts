import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { liveExamples } from '../../../src/fence/live-examples-plugin';

const root = '/project';
const compile = (mdx: string) =>
  mdxToJs(mdx, {
    mdastPlugins: [liveExamples(root)],
    fileURL: pathToFileURL('/project/content/lessons/demo.mdx'),
    jsxImportSource: 'astro',
  });

describe('liveExamples (fence plugin)', () => {
  it('turns each python fence into a LiveExample with its parsed example and index', async () => {
    const { code } = await compile(
      '# Demo\n\n```python title="One"\nprint(1)\n#| output\n1\n```\n\nText.\n\n```python norun\nx = await y\n```\n',
    );
    expect(code).toContain('import LiveExample from "/src/components/LiveExample.astro"');
    expect(code.match(/_jsx\(LiveExample/g)).toHaveLength(2);
    expect(code).toContain('"title": "One"');
    expect(code).toContain('"expected": "1"');
    expect(code).toMatch(/index: 1\b/);
  });

  it('leaves other languages, and pages without python, alone', async () => {
    const { code } = await compile('```text\nprint(1)\n```\n');
    expect(code).not.toContain('LiveExample');
  });

  it('stops the build on a malformed fence, naming the file and line', async () => {
    await expect(async () => compile('# Demo\n\nSome text.\n\n```python titel="x"\nprint(1)\n```\n')).rejects.toThrow(
      'content/lessons/demo.mdx:5: unknown fence option "titel"',
    );
    await expect(async () => compile('```python\nprint(1)\n#| hdie\n```\n')).rejects.toThrow(
      'content/lessons/demo.mdx:3: unknown marker "#| hdie"',
    );
  });
});
