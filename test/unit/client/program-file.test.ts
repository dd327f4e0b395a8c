import { describe, expect, it } from 'vitest';
import { programFile } from '../../../src/client/example/program-file';

describe('what Download saves', () => {
  it('a script as main.py, as written', () => {
    const program = 'import asyncio\nasyncio.run(asyncio.sleep(1))\n';
    expect(programFile(program, false)).toMatchObject({ name: 'main.py', text: program, said: 'Downloaded as main.py.' });
  });

  it('a notebook cell as a notebook of one cell, whose source is the program line by line', () => {
    const program = 'import asyncio\n\nawait asyncio.sleep(1)\n';
    const file = programFile(program, true);
    expect(file.name).toBe('main.ipynb');
    const notebook = JSON.parse(file.text) as {
      nbformat: number;
      nbformat_minor: number;
      cells: { cell_type: string; source: string[]; outputs: unknown[] }[];
    };
    expect([notebook.nbformat, notebook.nbformat_minor]).toEqual([4, 4]);
    expect(notebook.cells).toHaveLength(1);
    expect(notebook.cells[0]).toMatchObject({ cell_type: 'code', outputs: [] });
    expect(notebook.cells[0].source).toEqual(['import asyncio\n', '\n', 'await asyncio.sleep(1)']);
  });

  it('a program on the practice network with a note at its top that says what it needs', () => {
    const program = 'import asyncio\nfrom asyncio_live import http\nhttp.site("shop.example", {"/": "Welcome"})\n';
    const file = programFile(program, false);
    expect(file.text.endsWith(program)).toBe(true);
    expect(file.text.startsWith("# Saved from asyncio-live. This program uses the page's practice network")).toBe(true);
    expect(file.said).toMatch(/practice network/);
    // Only an import of it counts, not a mention.
    expect(programFile('print("asyncio_live is this site")\n', false).text).toBe('print("asyncio_live is this site")\n');
  });
});
