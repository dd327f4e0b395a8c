/**
 * Everything kept of one kind for every example (keys.ts): the exercises page counts
 * the reader's edits, and forgets them, or their solved marks, when they start over.
 */
import { EXAMPLE_PREFIXES, type ExampleRecord } from './keys.ts';
import { keysUnder } from './storage.ts';

export interface KeptRecords {
  readonly count: number;
  /** Forget them, these and no others (the ones the reader was told the count of). */
  forget(): void;
}

export function keptRecords(store: Storage, record: ExampleRecord): KeptRecords {
  const keys = keysUnder(store, EXAMPLE_PREFIXES[record]);
  return {
    count: keys.length,
    forget() {
      for (const key of keys) store.removeItem(key);
    },
  };
}
