/**
 * The playground (`/playground/`, content/playground.mdx): its one example, and the links
 * that open a program there, as a share link of that example (its code in the fragment,
 * shown with a notice and never run by itself). A notebook cell opens there as a cell:
 * `?notebook` sets the playground's option (src/client/playground/playground-options.ts).
 */
import { shareFragment } from './share-link.ts';

/** The playground's one example, by its id on the page. */
export const PLAYGROUND_EXAMPLE = 'playground';

/** The playground's address, under the site's base. */
export const PLAYGROUND_PATH = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/playground/`;

/** The query that opens the playground with its notebook option on. */
export const NOTEBOOK_QUERY = '?notebook';

/** A link that opens `program` (a whole program, hidden setup included) in the playground. */
export async function playgroundLink(program: string, notebook: boolean): Promise<string> {
  return `${PLAYGROUND_PATH}${notebook ? NOTEBOOK_QUERY : ''}${await shareFragment(PLAYGROUND_EXAMPLE, program)}`;
}
