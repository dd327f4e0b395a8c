/**
 * Readers' data from before examples had ids: saved edits and solved marks were keyed by
 * the example's position on its page (`...:/lessons/x/#3`). The build tells each example
 * the position it had then (`data-legacy-index`, from src/fence/legacy-indexes.ts); the
 * first time the page loads, the old entries move to the example's id. Ids start with a
 * letter, so an old key can never be taken for a new one.
 */
import { EXAMPLE_RECORDS, exampleKey } from './keys.ts';
import { storage } from './storage.ts';

/** Moves this example's data keyed by its old position to its id; the id's own data wins. */
export function adoptLegacyData(page: string, legacyIndex: number, id: string, store = storage()): void {
  if (!store) return;
  for (const record of EXAMPLE_RECORDS) {
    const old = exampleKey(record, page, legacyIndex);
    const value = store.getItem(old);
    if (value === null) continue;
    const current = exampleKey(record, page, id);
    try {
      if (store.getItem(current) === null) store.setItem(current, value);
      store.removeItem(old);
    } catch {
      // quota exceeded: keep the old entry, and try again on the next visit
    }
  }
}
