/**
 * The names the exercises page's markup (ExerciseList.astro) and its script
 * (exercise-list.ts) share, most of them with src/styles/lesson.css too (which keeps them
 * as literals; test/unit/client/dom-names.test.ts holds it to them).
 */
import type { ExampleRecord } from '../storage/keys.ts';

export const EXERCISE_LIST = {
  list: 'exercise-list',
  /** How many there are, and how many the reader solved. */
  summary: 'exercise-list__summary',
  /** The exercises of one page of the course. */
  page: 'exercise-list__page',
  kind: 'exercise-list__kind',
  /** The "✓ solved" of one exercise. */
  solved: 'exercise-list__solved',
  /** On an exercise's item, once solved. */
  done: 'exercise-list__done',
  /** Start over: forget the reader's edits or solved marks. */
  reset: 'exercise-list__reset',
  resetSaid: 'exercise-list__reset-said',
} as const;

/** One exercise's item in the list, and what its attributes say of it. */
export interface ListedExercise {
  /** Its page's path. */
  page: string;
  /** The example's id. */
  id: string;
}

const LIST_DATA = { page: 'data-page', id: 'data-id', forget: 'data-forget' } as const;

/** The item's attributes, for the component to spread on its `<li>`. */
export const listedAttributes = ({ page, id }: ListedExercise): Record<string, string> => ({ [LIST_DATA.page]: page, [LIST_DATA.id]: id });

export const LISTED_ITEM = `.${EXERCISE_LIST.list} li[${LIST_DATA.page}]`;

export function readListed(item: Element): ListedExercise {
  return { page: item.getAttribute(LIST_DATA.page) ?? '', id: item.getAttribute(LIST_DATA.id) ?? '' };
}

/** A Start over button, by what it forgets: for the component to spread. */
export const forgetAttribute = (record: ExampleRecord): Record<string, string> => ({ [LIST_DATA.forget]: record });

export const forgetButton = (record: ExampleRecord): string => `button[${LIST_DATA.forget}="${record}"]`;
