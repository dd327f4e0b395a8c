/**
 * The example the reader last worked on (keys.ts's LAST_WORK_KEY): kept when they run,
 * step, check or edit one, read by the home page's "Continue where you left off". What
 * comes back is checked: storage is the reader's, and a page path or title from it goes
 * into the home page as a link and text.
 */
import { ID } from '../../fence/example-data.ts';
import { LAST_WORK_KEY } from './keys.ts';

export interface LastWork {
  /** The page's path, `/lessons/executing-tasks/`. */
  page: string;
  /** The example's id on that page. */
  example: string;
  pageTitle: string;
  exampleTitle: string;
}

/** The longest title kept (a page's or an example's). */
const TITLE_LIMIT = 120;

export function rememberWork(store: Storage, work: LastWork): void {
  const cut = (text: string) => text.slice(0, TITLE_LIMIT);
  try {
    store.setItem(LAST_WORK_KEY, JSON.stringify({ v: 1, ...work, pageTitle: cut(work.pageTitle), exampleTitle: cut(work.exampleTitle) }));
  } catch {
    // storage full: the home page just offers no way back
  }
}

/** The last work kept, or null: none, or anything that is not what rememberWork keeps. */
export function lastWork(store: Storage): LastWork | null {
  let kept: unknown;
  try {
    kept = JSON.parse(store.getItem(LAST_WORK_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (typeof kept !== 'object' || kept === null) return null;
  const { v, page, example, pageTitle, exampleTitle } = kept as Record<string, unknown>;
  const text = (value: unknown) => typeof value === 'string' && value.length <= TITLE_LIMIT;
  // A path of this site only: no scheme, no host, no "//" (a link elsewhere).
  const path = typeof page === 'string' && /^\/[a-z0-9/-]*$/.test(page) && !page.includes('//');
  if (v !== 1 || !path || typeof example !== 'string' || !ID.test(example) || !text(pageTitle) || !text(exampleTitle)) return null;
  return { page: page as string, example, pageTitle: pageTitle as string, exampleTitle: exampleTitle as string };
}
