/**
 * The CustomEvents the site dispatches, each declared once with what its `detail`
 * carries, sent and heard through {@link dispatch} and {@link listen}: a listener gets
 * its detail typed, and no reader casts.
 */

/** One kind of event: its name, whether it bubbles, and (as a type only) its detail. */
export interface SiteEvent<Detail> {
  readonly name: string;
  readonly bubbles: boolean;
  /** Never set: carries the detail's type. */
  readonly detail?: Detail;
}

const declare = <Detail>(name: string, bubbles: boolean): SiteEvent<Detail> => ({ name, bubbles });

/**
 * A traceback's line, clicked in the output pane (output-pane.ts): the line, numbered as
 * the reader sees the code. It bubbles to the example, whose editor puts the caret there.
 */
export const GOTO_LINE = declare<number>('goto-line', true);

/** An exercise was just solved (exercise.ts), on the document: the sidebar's count follows at once. */
export const SOLVED = declare<void>('asyncio-live:solved', false);

/** The reader's Wrap changed (wrap-lines.ts), on the document: whether lines wrap now. Open editors follow. */
export const WRAP = declare<boolean>('asyncio-live:wrap', false);

/**
 * The playground's options changed (src/client/playground/playground-options.ts), on its
 * example: whether the program runs as a notebook cell, and the hidden setup run before
 * it (the practice hosts, or none). The same options stay on the example, as JSON in
 * `data-run-options`, for a session made after they were set.
 */
export const RUN_OPTIONS = declare<RunOptionsDetail>('asyncio-live:run-options', false);

export interface RunOptionsDetail {
  notebook: boolean;
  before: string;
}

export function dispatch<Detail>(target: EventTarget, event: SiteEvent<Detail>, detail: Detail): void {
  target.dispatchEvent(new CustomEvent(event.name, { bubbles: event.bubbles, detail }));
}

/** Calls `listener` with each such event's detail; returns what stops listening. */
export function listen<Detail>(target: EventTarget, event: SiteEvent<Detail>, listener: (detail: Detail) => void): () => void {
  // The one place the detail's type is taken on trust: only dispatch() sends these names.
  const heard = (sent: Event) => listener((sent as CustomEvent<Detail>).detail);
  target.addEventListener(event.name, heard);
  return () => target.removeEventListener(event.name, heard);
}
