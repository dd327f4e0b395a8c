/**
 * What the page tells about one `<live-example>`, on its data attributes: LiveExample.astro
 * writes them ({@link exampleAttributes}), the tiny element (live-example.ts) and the
 * session read them ({@link readExampleElement}).
 */
import type { ExampleData } from '../../fence/example-data.ts';
import { DATA } from './dom-names.ts';

export type ExerciseKind = NonNullable<ExampleData['exercise']>['kind'];

/** Every kind, to tell a kind from anything else an attribute may hold. */
const EXERCISE_KINDS: Record<ExerciseKind, true> = { predict: true, fix: true, write: true };
const isExerciseKind = (value: string | null): value is ExerciseKind => value !== null && Object.hasOwn(EXERCISE_KINDS, value);

export interface ExampleAttributes {
  /** The example's stable id (src/fence/example-ids.ts). */
  id: string;
  /** Its position on the page before examples had ids (legacy-data.ts), or null. */
  legacyIndex: number | null;
  /** A whole program; a fragment neither runs nor opens an editor. */
  runnable: boolean;
  /** Its timeline shows under a run unless the reader says otherwise. */
  timeline: boolean;
  exercise: ExerciseKind | null;
}

export interface ExampleElement extends ExampleAttributes {
  element: HTMLElement;
}

/** The element's data attributes, for the component to spread on `<live-example>`. */
export function exampleAttributes({
  id,
  legacyIndex,
  runnable,
  timeline,
  exercise,
}: ExampleAttributes): Record<string, string | undefined> {
  return {
    [DATA.exampleId]: id,
    [DATA.legacyIndex]: legacyIndex === null ? undefined : String(legacyIndex),
    [DATA.runnable]: runnable ? 'true' : 'false',
    [DATA.timeline]: timeline ? 'on' : 'off',
    [DATA.exercise]: exercise ?? undefined,
  };
}

export function readExampleElement(element: HTMLElement): ExampleElement {
  const legacy = element.getAttribute(DATA.legacyIndex);
  const kind = element.getAttribute(DATA.exercise);
  return {
    element,
    id: element.getAttribute(DATA.exampleId) ?? '',
    legacyIndex: legacy === null ? null : Number(legacy),
    runnable: element.getAttribute(DATA.runnable) === 'true',
    timeline: element.getAttribute(DATA.timeline) === 'on',
    exercise: isExerciseKind(kind) ? kind : null,
  };
}

/** The element id of an example, and its anchor on the page (`#example-three-squares`). */
export const exampleAnchor = (id: string): string => `example-${id}`;

/** Does a page's address point at an example (a permalink), by its anchor? */
export const isExampleAnchor = (hash: string): boolean => hash.startsWith(`#${exampleAnchor('')}`);
