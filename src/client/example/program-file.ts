/**
 * What Download saves: the whole program (hidden setup included) as a file a reader can
 * run at home. A notebook cell is saved as a notebook: as `main.py` its top-level await
 * is a SyntaxError under `python3`. A program that uses the page's practice network
 * (`asyncio_live`, which exists only here) says so at its top, and what to change.
 */

export interface ProgramFile {
  name: string;
  type: string;
  text: string;
  /** What the page says once it is saved. */
  said: string;
}

const PRACTICE_NETWORK = /^\s*(from asyncio_live import|import asyncio_live)\b/m;

const NETWORK_NOTE = `# Saved from asyncio-live. This program uses the page's practice network
# (asyncio_live), which exists only on the page: its sites and servers live inside
# the program there. To run it with python3, delete the lines that import and set up
# asyncio_live, and point the program at real servers instead.

`;

export function programFile(program: string, notebook: boolean): ProgramFile {
  if (notebook) {
    return {
      name: 'main.ipynb',
      type: 'application/x-ipynb+json',
      text: `${JSON.stringify(notebookOf(program), null, 1)}\n`,
      said: 'Downloaded as main.ipynb, a notebook of one cell: open it in Jupyter (as a script, its top-level await would not run).',
    };
  }
  if (PRACTICE_NETWORK.test(program)) {
    return {
      name: 'main.py',
      type: 'text/x-python',
      text: NETWORK_NOTE + program,
      said: 'Downloaded as main.py. It uses the page’s practice network, which exists only here: the note at its top says what to change to run it with python3.',
    };
  }
  return { name: 'main.py', type: 'text/x-python', text: program, said: 'Downloaded as main.py.' };
}

/** A notebook (nbformat 4.4) of one code cell, not yet run. */
function notebookOf(program: string): object {
  const lines = program.replace(/\n$/, '').split('\n');
  return {
    cells: [
      {
        cell_type: 'code',
        execution_count: null,
        metadata: {},
        outputs: [],
        source: lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line)),
      },
    ],
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
}
