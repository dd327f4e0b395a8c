/**
 * The names a live example's markup and its scripts share: LiveExample.astro,
 * ExerciseAnswer.astro and ExerciseHelp.astro write them, the client finds and sets them,
 * the style sheets (src/styles/, which keep them as literals) style most of them. Declared
 * once here, so the component and the scripts cannot drift apart; a unit test holds the
 * style sheets to them (test/unit/client/dom-names.test.ts). The output pane's own parts,
 * which no component writes, are named beside it (src/client/output/output-names.ts).
 */
import type { OUTPUT } from '../output/output-names.ts';
import type { ButtonAction } from './actions.ts';

/** The custom element around each example (live-example.ts defines it). */
export const EXAMPLE_TAG = 'live-example';

/** The example's figure, its caption and what sits around its code. */
export const EXAMPLE = {
  figure: 'live-example',
  /** The figure of an exercise. */
  exerciseFigure: 'live-example--exercise',
  bar: 'live-example__bar',
  title: 'live-example__title',
  permalink: 'live-example__permalink',
  badge: 'live-example__badge',
  /** The "notebook cell" badge. */
  cellBadge: 'live-example__badge--cell',
  /** The "edited" badge: the reader's own code is shown. */
  edited: 'live-example__edited',
  /** Said to screen readers only: what a button's press did (button-feedback.ts). */
  announce: 'live-example__announce',
  /** A notebook cell's "In". */
  cellLabel: 'live-example__cell-label',
  /** How to run from the keyboard, for screen readers (the editor's label says it too). */
  hint: 'live-example__hint',
  noscript: 'live-example__noscript',
  /** Why a fragment does not run. */
  norun: 'live-example__norun',
  /** The example's data, as JSON (src/fence/example-data.ts). */
  data: 'live-example__data',
  /** The box the output pane is drawn in (output-pane.ts). */
  output: 'live-example__output',
} as const;

/** The run bar: its buttons, and the keys and progress beside them. */
export const RUN_BAR = {
  actions: 'live-example__actions',
  button: 'live-example__button',
  /** The button that starts a run: Run, or an exercise's Check. */
  run: 'live-example__run',
  keys: 'live-example__keys',
  /** The keys, said in a label's words. */
  keysSaid: 'live-example__keys-said',
  /** Python's download and boot, beside the button pressed (example-run.ts). */
  boot: 'live-example__boot',
  /** More, on narrow screens: shows the secondary actions. */
  more: 'live-example__more',
  secondary: 'live-example__secondary',
  wrap: 'live-example__wrap',
  /** Opens the whole program in the playground (a link, its address made for the code shown). */
  playground: 'live-example__playground',
} as const;

/** The notice above the code (example-notice.ts). */
export const NOTICE = {
  box: 'live-example__notice',
  text: 'live-example__notice-text',
  /** The link Share made, to select. */
  link: 'live-example__notice-link',
  /** Takes back a Reset. */
  undo: 'live-example__undo',
} as const;

/** The code: as built, the whole program behind its disclosure, and the editor that replaces it. */
export const CODE = {
  /** The highlighted code; the editor opens in it. */
  box: 'live-example__code',
  setup: 'live-example__setup',
  /** The whole program, hidden setup included. */
  program: 'live-example__program',
  /** A line of highlighted code, as src/fence/highlight.ts and python-highlighter.ts draw it. */
  line: 'line',
  /** A line of the hidden setup, dimmed. */
  hiddenLine: 'line--hidden',
  editorDownload: 'live-example__editor-download',
  editorStatus: 'live-example__editor-status',
  editorBytes: 'live-example__editor-bytes',
  monaco: 'live-example__monaco',
  touch: 'live-example__touch',
  /** The error's line and note under the code. */
  editorError: 'live-example__editor-error',
  /** The error's line, marked in the touch editor and in the static code. */
  errorLine: 'cm-error-line',
} as const;

/** The loop microscope: a stepped run shown turn by turn (Microscope.astro, src/client/microscope/). */
export const MICROSCOPE = {
  panel: 'microscope',
  bar: 'microscope__bar',
  grid: 'microscope__grid',
  box: 'microscope__box',
  heading: 'microscope__heading',
  where: 'microscope__where',
  slider: 'microscope__slider',
  cut: 'microscope__cut',
  ran: 'microscope__ran',
  did: 'microscope__did',
  tasks: 'microscope__tasks',
  ready: 'microscope__ready',
  timers: 'microscope__timers',
  io: 'microscope__io',
  said: 'microscope__said',
  /** A task's colour beside an entry. */
  swatch: 'microscope__swatch',
  /** What an empty list means. */
  empty: 'microscope__empty',
  /** A line of code a task is suspended at (static code and the editors), coloured by its task. */
  line: 'microscope-line',
  /** In Monaco, the tasks named after such a line. */
  lineTasks: 'microscope-line-tasks',
} as const;

/** A task's colour, `task-colour-0` to `task-colour-5` (src/client/microscope/steps.ts's TASK_COLOURS): in the microscope, on the code, on the timeline. */
export const taskColourClass = (colour: number): string => `task-colour-${colour}`;

/** What the lesson says the example prints, and a fence's prediction of it. */
export const EXPECTED = {
  box: 'live-example__expected',
  /** The box of a fence marked `predict`. */
  predict: 'live-example__predict',
  label: 'live-example__label',
  nothing: 'live-example__nothing',
  guess: 'live-example__guess',
  reveal: 'live-example__reveal',
  verdict: 'live-example__verdict',
} as const;

/** An exercise's parts: its badges, the prediction, the verdict, hints and solution. */
export const EXERCISE = {
  kind: 'exercise__kind',
  solved: 'exercise__solved',
  prediction: 'exercise__prediction',
  verdict: 'exercise__verdict',
  verdictTitle: 'exercise__verdict-title',
  verdictMessage: 'exercise__verdict-message',
  help: 'exercise__help',
  hint: 'exercise__hint',
  solution: 'exercise__solution',
  solutionCode: 'exercise__solution-code',
} as const;

/** States the scripts put on parts, for the style sheets. */
export const STATE = {
  /** The run bar shows its secondary actions (More). */
  moreOpen: 'is-more-open',
  /** The editor draws itself over the static code, not yet shown. */
  opening: 'is-opening',
  /** The output fills its pane: its height is fixed. */
  full: 'is-full',
  /** A line not yet printed at the replay's time. */
  ahead: 'is-ahead',
  /** A printed line and its mark on the timeline, lit together. */
  linked: 'is-linked',
  /** The example a share link points to. */
  linkedTo: 'is-linked-to',
  /** The run's output differs from the lesson's. */
  different: 'is-different',
  /** On the root: long lines of code wrap (wrap-lines.ts). */
  wrapCode: 'wrap-code',
} as const;

type Values<T> = T[keyof T];
export type ClassName =
  | Values<typeof EXAMPLE>
  | Values<typeof RUN_BAR>
  | Values<typeof NOTICE>
  | Values<typeof CODE>
  | Values<typeof EXPECTED>
  | Values<typeof EXERCISE>
  | Values<typeof MICROSCOPE>
  | Values<typeof OUTPUT>
  | Values<typeof STATE>;

/** The data attributes of the markup: `<live-example>`'s (example-element.ts), a button's action, a verdict, a printed line. */
export const DATA = {
  exampleId: 'data-example-id',
  legacyIndex: 'data-legacy-index',
  runnable: 'data-runnable',
  timeline: 'data-timeline',
  exercise: 'data-exercise',
  /** What a button does (actions.ts). */
  action: 'data-action',
  /** On an exercise's verdict: "true" or "false"; absent while it checks, and for a pass that is not counted (drawn neither green nor red). */
  passed: 'data-passed',
  /** A printed line's number, on the line and on its mark in the timeline. */
  line: 'data-line',
  /** On the playground's example: its options (example-events.ts's RUN_OPTIONS), as JSON. */
  runOptions: 'data-run-options',
  /** What a button of the microscope does: `first`, `back`, `forward`, `last`, `close`. */
  step: 'data-step',
  /** On a line of code: the tasks suspended at it, shown after it. */
  tasks: 'data-tasks',
} as const;

/** A class as a selector. */
export const selector = (name: ClassName): string => `.${name}`;

/** The first element of class `name` in `root`, or null. */
export function find<E extends Element = HTMLElement>(root: ParentNode, name: ClassName): E | null {
  return root.querySelector<E>(selector(name));
}

/** The element of class `name` that `root` always has (the component writes it): an error if it does not. */
export function part<E extends Element = HTMLElement>(root: ParentNode, name: ClassName): E {
  const found = find<E>(root, name);
  if (!found) throw new Error(`No ${selector(name)} in this live example`);
  return found;
}

/** The attribute of a button that does `action`, for the component to spread: `{...actionAttribute('run')}`. */
export const actionAttribute = (action: ButtonAction): Record<string, string> => ({ [DATA.action]: action });

/** The selector of the button that does `action`. */
export const actionButton = (action: ButtonAction): string => `button[${DATA.action}="${action}"]`;

const CAPTION_SUFFIX = '-label';

/** The id of an example's caption text, from the example element's id: the figure is labelled by it. */
export const captionId = (elementId: string): string => `${elementId}${CAPTION_SUFFIX}`;

/** The caption text, found without knowing the example's id (the editor is named after it). */
export const CAPTION_TEXT = `figcaption > span[id$="${CAPTION_SUFFIX}"]`;
