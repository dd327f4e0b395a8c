/**
 * Stable example ids: from the fence, unique per page, and the same after an author
 * inserts another example above; a reader's saved edit, solved mark and share link
 * follow the example, including data and links from before ids (keyed by position).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectExamples } from '../../../src/fence/collect-fences';
import { exampleId } from '../../../src/fence/example-ids';
import { legacyIndex } from '../../../src/fence/legacy-indexes';
import { parseFence } from '../../../src/fence/parse-fence';
import { editKey, EDIT_PREFIX } from '../../../src/client/storage/saved-edits';
import { solvedKey, SOLVED_PREFIX } from '../../../src/client/storage/solved-marks';
import { adoptLegacyData } from '../../../src/client/storage/legacy-data';
import { isSharedWith, shareTarget } from '../../../src/client/share/share-link';
import { memoryStorage } from '../client/memory-storage';

const at = { file: 'content/lessons/demo.mdx', line: 3 };
const fence = (meta: string, body = 'print(1)\n#| output\n1') => parseFence(meta, body, at);

/** A lesson file on disk, collected as the build collects it. */
function lesson(mdx: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'asyncio-live-ids-')), 'demo.mdx');
  writeFileSync(path, mdx);
  return collectExamples(path, 'content/lessons/demo.mdx');
}

const EXERCISE = [
  '```python exercise="write" title="Finish the greeting"',
  'print("hello")',
  '#| check',
  'assert "hello" in printed',
  '#| hint',
  'Print it.',
  '#| solution',
  'print("hello")',
  '```',
].join('\n');
const EXAMPLE = (title: string) => `\`\`\`python title="${title}"\nprint(2)\n#| output\n2\n\`\`\``;

describe('example ids', () => {
  it('come from id="...", else a slug of the title, else a hash of the program', () => {
    expect(exampleId(fence('id="gather-demo" title="Ignored"'))).toBe('gather-demo');
    expect(exampleId(fence('title="Three squares in one second"'))).toBe('three-squares-in-one-second');
    expect(exampleId(fence('title="1,000 tasks"'))).toBe('example-1000-tasks');
    expect(exampleId(fence(''))).toMatch(/^example-[0-9a-f]{8}$/);
    expect(exampleId(fence(''))).toBe(exampleId(fence('')));
    expect(exampleId(fence('', 'print(2)\n#| output\n2'))).not.toBe(exampleId(fence('')));
  });

  it('refuse an id that would not survive a URL', () => {
    expect(() => fence('id="Two Squares"')).toThrow(/:3: id takes lowercase letters, digits and dashes/);
    expect(() => fence('id="3-tasks"')).toThrow(/starting with a letter/);
  });

  it('are unique per page: the build names both fences of a clash', () => {
    expect(() => lesson(`${EXAMPLE('Same')}\n\nText.\n\n${EXAMPLE('Same')}\n`)).toThrow(
      /content\/lessons\/demo\.mdx:9: this example has the same title as the one at line 1, so both would be "same"/,
    );
  });

  it('stay with their example when another is inserted above it', () => {
    const before = lesson(`# Demo\n\n${EXAMPLE('First')}\n\n${EXERCISE}\n`);
    const after = lesson(`# Demo\n\n${EXAMPLE('First')}\n\n${EXAMPLE('A new one')}\n\n${EXERCISE}\n`);
    const exerciseId = (found: typeof before) => found.find((e) => e.example.exercise)!.id;
    expect(before.findIndex((e) => e.example.exercise)).toBe(1);
    expect(after.findIndex((e) => e.example.exercise)).toBe(2);
    expect(exerciseId(after)).toBe(exerciseId(before));

    // The reader solved and edited the exercise before the insertion: the keys are the same after it.
    const store = memoryStorage();
    store.setItem(solvedKey('/lessons/demo/', exerciseId(before)), '{"at":1}');
    store.setItem(editKey('/lessons/demo/', exerciseId(before)), '{"v":1}');
    expect(store.getItem(solvedKey('/lessons/demo/', exerciseId(after)))).toBe('{"at":1}');
    expect(store.getItem(editKey('/lessons/demo/', exerciseId(after)))).toBe('{"v":1}');
  });
});

describe("readers' data from before ids (keyed by position)", () => {
  it('moves to the example that had that position, wherever it sits now', () => {
    // The exercise was third on its page; an example has since been inserted above it.
    const store = memoryStorage({
      [`${SOLVED_PREFIX}/lessons/demo/#2`]: '{"at":1}',
      [`${EDIT_PREFIX}/lessons/demo/#2`]: '{"v":1,"original":"x","code":"y"}',
      [`${SOLVED_PREFIX}/lessons/demo/#0`]: '{"at":2}',
    });
    adoptLegacyData('/lessons/demo/', 2, 'finish-the-greeting', store);
    expect(store.getItem(solvedKey('/lessons/demo/', 'finish-the-greeting'))).toBe('{"at":1}');
    expect(store.getItem(editKey('/lessons/demo/', 'finish-the-greeting'))).toBe('{"v":1,"original":"x","code":"y"}');
    expect(store.getItem(`${SOLVED_PREFIX}/lessons/demo/#2`)).toBeNull();
    // Another example's old data is not touched.
    expect(store.getItem(`${SOLVED_PREFIX}/lessons/demo/#0`)).toBe('{"at":2}');
  });

  it('never overwrites what the reader saved under the id', () => {
    const store = memoryStorage({ [`${EDIT_PREFIX}/p/#1`]: 'old', [`${EDIT_PREFIX}/p/#ex`]: 'new' });
    adoptLegacyData('/p/', 1, 'ex', store);
    expect(store.getItem(`${EDIT_PREFIX}/p/#ex`)).toBe('new');
    expect(store.getItem(`${EDIT_PREFIX}/p/#1`)).toBeNull();
  });

  it('knows the position every example of the lessons had, from the frozen table', () => {
    const found = collectExamples(
      join(import.meta.dirname, '../../../content/lessons/executing-tasks.mdx'),
      'content/lessons/executing-tasks.mdx',
    );
    // Examples added since (the squares asked of a server, two notebook cells, run_forever, a
    // second exercise) have no old position, and the others keep theirs, in order, though
    // later ones have moved down.
    const added = [
      'notebook-without-nest-asyncio',
      'notebook-top-level-await',
      'squares-from-a-server',
      'run-forever-until-stop',
      'the-draft-that-was-never-saved',
    ];
    const older = found.filter((e) => !added.includes(e.id));
    expect(older).toHaveLength(found.length - added.length);
    for (const [i, e] of older.entries()) expect(legacyIndex(e.file, e.id)).toBe(i);
    for (const id of added) expect(legacyIndex('content/lessons/executing-tasks.mdx', id)).toBeNull();
    expect(found.findIndex((e) => e.id === 'squares-from-a-server')).toBeLessThan(found.length - 1);
  });
});

describe('share links', () => {
  it('name the example by id; older links by position', () => {
    expect(shareTarget('#share-three-squares=abc')).toEqual({ id: 'three-squares' });
    expect(shareTarget('#share-7=abc')).toEqual({ legacyIndex: 7 });
    expect(shareTarget('#three-squares')).toBeNull();
    const example = { id: 'finish-the-greeting', legacyIndex: 2 };
    expect(isSharedWith('#share-finish-the-greeting=x', example)).toBe(true);
    expect(isSharedWith('#share-2=x', example)).toBe(true);
    expect(isSharedWith('#share-3=x', example)).toBe(false);
    expect(isSharedWith('#share-2=x', { id: 'added-later', legacyIndex: null })).toBe(false);
  });
});
