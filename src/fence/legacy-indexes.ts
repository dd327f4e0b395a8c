/**
 * Before examples had ids, a reader's saved edits, solved marks and share links named an
 * example by its position on its page (`#share-3=...`, `asyncio-live:solved:/page/#3`).
 * This table, written once when ids came in and never regenerated, says which example
 * each old position meant, per lesson file. The build puts that position on the
 * example's element (`data-legacy-index`), so the page can move old data to the id and
 * open old links at the right example, however the lesson has changed since.
 */
import table from './legacy-indexes.json' with { type: 'json' };

const LEGACY: Record<string, string[]> = table;

/** The position the example `id` of `file` had before ids, or null (an example added since). */
export function legacyIndex(file: string, id: string): number | null {
  const index = LEGACY[file]?.indexOf(id) ?? -1;
  return index >= 0 ? index : null;
}
