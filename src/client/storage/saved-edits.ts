/**
 * A reader's edits, kept per example across reloads (localStorage, keyed by page and
 * example id: keys.ts; legacy-data.ts moves keys by position, from before ids). Saved
 * data is checked before use: anything corrupted, foreign or saved for
 * a different version of the lesson's code is ignored (and dropped), never an error.
 */
import { CODE_LIMITS, withinCodeLimits } from './code-limits.ts';
import { EXAMPLE_PREFIXES, exampleKey } from './keys.ts';
import { storage } from './storage.ts';

/** What every saved edit's key starts with. */
export const EDIT_PREFIX = EXAMPLE_PREFIXES.edit;

/** The most a saved edit may take in storage: its code and the lesson's, within CODE_LIMITS, in JSON. */
const MAX_SAVED_CHARS = CODE_LIMITS.chars * 3;

const VERSION = 1;

interface SavedEdit {
  v: typeof VERSION;
  /** The lesson's code the edit was made from: if the lesson changed, the edit is stale. */
  original: string;
  code: string;
}

export function editKey(page: string, id: string): string {
  return exampleKey('edit', page, id);
}

/** Is anything saved under this key? (Cheap: checked at page load, before any intent.) */
export function hasEdit(key: string): boolean {
  const store = storage();
  const raw = store?.getItem(key);
  if (raw == null) return false;
  // Larger than anything this page saves: dropped, and read no more.
  if (raw.length > MAX_SAVED_CHARS) store!.removeItem(key);
  return raw.length <= MAX_SAVED_CHARS;
}

/** The reader's saved code for this example, or null. */
export function loadEdit(key: string, original: string): string | null {
  const store = storage();
  const raw = store?.getItem(key);
  if (!raw) return null;
  try {
    // Larger than anything this page saves: not read, and dropped.
    const saved = (raw.length <= MAX_SAVED_CHARS ? JSON.parse(raw) : {}) as Partial<SavedEdit>;
    if (saved.v === VERSION && saved.original === original && typeof saved.code === 'string' && withinCodeLimits(saved.code))
      return saved.code;
  } catch {
    // fall through: not ours, or damaged
  }
  store?.removeItem(key);
  return null;
}

/** Keep `code` for next time; the lesson's own code is not an edit, so it clears. */
export function saveEdit(key: string, original: string, code: string): void {
  const store = storage();
  if (!store) return;
  try {
    if (code === original || !withinCodeLimits(code)) store.removeItem(key);
    else store.setItem(key, JSON.stringify({ v: VERSION, original, code } satisfies SavedEdit));
  } catch {
    // quota exceeded: the edit still lives in the page, just not across reloads
  }
}
