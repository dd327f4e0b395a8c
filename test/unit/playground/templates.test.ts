/**
 * The playground's templates run on the runtime and print what CPython 3.13 printed for
 * them on this machine (real loopback, a real thread and child process); the links that
 * open them carry exactly their code.
 */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { shareFragment } from '../../../src/client/share/share-link.ts';
import { PLAYGROUND_EXAMPLE } from '../../../src/client/share/playground-link.ts';
import { PLAYGROUND_TEMPLATES } from '../../../src/playground/templates.ts';
import { runPython } from '../runtime/run-python';

const CPYTHON: Record<string, string> = {
  'An empty program': '',
  'Tasks in a TaskGroup': "b done after 1 s\na done after 2 s\n['a', 'b']\n",
  'A server and its client': "b'HELLO\\n'\n",
  'A pool of workers': 'w1 finished a 1 s job\nw2 finished a 2 s job\nw1 finished a 1 s job\nw2 finished a 3 s job\nall jobs done\n',
  'A thread and a child process': 'slept 1 s in a thread\nhello from a child process - exit code 0\n',
};

describe('the playground’s templates', () => {
  it('has one output from CPython for each template', () => {
    expect(PLAYGROUND_TEMPLATES.map(({ name }) => name).sort()).toEqual(Object.keys(CPYTHON).sort());
  });

  it.each(PLAYGROUND_TEMPLATES.map((template) => [template.name, template] as const))(
    '%s prints what CPython prints',
    async (name, { code }) => {
      const { output, result } = await runPython(code);
      expect(result.ok).toBe(true);
      expect(output).toBe(CPYTHON[name]);
    },
  );

  it('opens each in the playground’s example by a share link carrying its code', async () => {
    for (const { code } of PLAYGROUND_TEMPLATES) {
      const fragment = await shareFragment(PLAYGROUND_EXAMPLE, code);
      const prefix = `#share-${PLAYGROUND_EXAMPLE}=`;
      expect(fragment.startsWith(prefix)).toBe(true);
      expect(inflateRawSync(Buffer.from(fragment.slice(prefix.length), 'base64url')).toString()).toBe(code);
    }
  });
});
