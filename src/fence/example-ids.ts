/**
 * Stable example ids. An example is known by its id, not its position on the page: a
 * reader's saved edit, solved mark and share link must stay with their example when an
 * author inserts another one above it. The id is, in order of preference:
 *   1. the fence's own `id="..."`;
 *   2. a slug of its title ("Three squares in one second" -> `three-squares-in-one-second`);
 *   3. `example-` and a hash of its program (untitled examples: edit the code, and the id
 *      changes, but so would any saved edit of it go stale).
 * Ids are unique per page: the build stops on a clash, naming both fences.
 */
import { createHash } from 'node:crypto';
import { slug } from 'github-slugger';
import { ID } from './example-data.ts';
import { FenceError, type Example, type FenceLocation } from './parse-fence.ts';

/** The id an example gets from its fence alone (uniqueness is the page's business). */
export function exampleId(example: Example): string {
  if (example.id) return example.id;
  if (example.title) {
    const fromTitle = slug(example.title)
      .replace(/[^a-z0-9-]/g, '')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '');
    if (fromTitle) return ID.test(fromTitle) ? fromTitle : `example-${fromTitle}`;
  }
  const program = [example.before, example.code, example.after].join('\n');
  return `example-${createHash('sha256').update(program).digest('hex').slice(0, 8)}`;
}

/** Gives the examples of one page their ids, in page order, refusing duplicates. */
export class PageIds {
  readonly #seen = new Map<string, number>();

  /** The id of the example whose fence opens at `where`; throws a FenceError on a clash. */
  assign(example: Example, where: FenceLocation): string {
    const id = exampleId(example);
    const first = this.#seen.get(id);
    if (first !== undefined) {
      const how = example.id ? `id="${id}"` : example.title ? `the same title` : `the same code`;
      throw new FenceError(
        where,
        0,
        `this example has ${how} as the one at line ${first}, so both would be "${id}" in links and saved edits. ` +
          'Give one of them its own id="..." (or another title).',
      );
    }
    this.#seen.set(id, where.line);
    return id;
  }
}
