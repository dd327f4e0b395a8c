/**
 * Every key the site keeps in the reader's localStorage, and what each holds. Readers'
 * browsers hold these keys from earlier visits, so a key, once used, never changes
 * (legacy-data.ts moves data only from keys by position to keys by id). The modules
 * beside this one are the only ones that read or write them.
 */

/**
 * Kept per example: `<prefix><page path>#<example id>` (or, from before ids,
 * `#<position>`), e.g. `asyncio-live:edit:/lessons/executing-tasks/#three-squares`.
 */
export const EXAMPLE_PREFIXES = {
  /** A saved edit: JSON `{ v: 1, original, code }` (saved-edits.ts). */
  edit: 'asyncio-live:edit:',
  /** A solved exercise: JSON `{ at: <Date.now()> }` (solved-marks.ts). */
  solved: 'asyncio-live:solved:',
} as const;

/** What is kept per example. */
export type ExampleRecord = keyof typeof EXAMPLE_PREFIXES;
export const EXAMPLE_RECORDS = Object.keys(EXAMPLE_PREFIXES) as ExampleRecord[];

/** Kept per page the reader opened, `<prefix><page path>`: "1" (visits.ts). */
export const VISITED_PREFIX = 'asyncio-live:visited:';

/**
 * The example the reader last worked on (ran, stepped, checked or edited): JSON
 * `{ v: 1, page, example, pageTitle, exampleTitle }` (last-work.ts), for the home page's
 * "Continue where you left off".
 */
export const LAST_WORK_KEY = 'asyncio-live:last-work';

/** The reader's switches, one for every page: "on" or "off" (settings.ts). */
export const SETTING_KEYS = {
  /** Long lines of code wrap, on narrow screens (src/client/editor/wrap-lines.ts). */
  wrap: 'asyncio-live:wrap',
  /** The timeline shows under a run's output; absent, each example's default applies. */
  timeline: 'asyncio-live:timeline',
  /** Each printed line shows the loop time it was printed at. */
  loopTimes: 'asyncio-live:loop-times',
  /** Python starts as soon as a page with examples is read (boot-policy.ts); absent, the browser's hints decide. */
  bootEarly: 'asyncio-live:boot-early',
  /** The playground runs its program with the practice hosts (src/playground/practice-network.py). */
  playgroundHosts: 'asyncio-live:playground-hosts',
  /** The playground runs its program as a notebook cell. */
  playgroundNotebook: 'asyncio-live:playground-notebook',
  /** How fast a run's output comes: "0" at once, else loop seconds per real second (settings.ts's PACES). */
  pace: 'asyncio-live:pace',
} as const;

export type Setting = keyof typeof SETTING_KEYS;

/** The key of what is kept of one kind for one example of a page: `name` is its id (or, from before ids, its position). */
export function exampleKey(record: ExampleRecord, page: string, name: string | number): string {
  return `${EXAMPLE_PREFIXES[record]}${page}#${name}`;
}

/** The page an example's key is kept under (the key is {@link exampleKey}'s). */
export function pageOfExampleKey(record: ExampleRecord, key: string): string {
  return key.slice(EXAMPLE_PREFIXES[record].length).split('#')[0];
}

export function visitedKey(page: string): string {
  return VISITED_PREFIX + page;
}
