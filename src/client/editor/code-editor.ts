import type { LineMark } from '../microscope/steps.ts';

/** What the example needs from an editor: Monaco on desktop, a plain textarea on touch devices. */
export interface CodeEditor {
  getValue(): string;
  setValue(code: string): void;
  /** Focus, with the caret at a character offset of the code when given (where the reader clicked). */
  focus(offset?: number): void;
  /** Type `text` at the caret, as the reader's keys would (what they typed while the editor was on its way). */
  insert(text: string): void;
  /** Focus with the caret at the start of a line's code (a traceback's line, clicked). */
  focusLine(line: number): void;
  /**
   * Mark the line of an error: underlined, with `message` where the pointer rests, and a
   * short `note` under the code (the output pane has the message in full: said once).
   */
  markError(line: number, note: string, message: string): void;
  clearError(): void;
  /** Mark lines tasks are suspended at (the loop microscope), each in its task's colour, its tasks named after it; none: clear. */
  markLines(marks: readonly LineMark[]): void;
  onChange(listener: (code: string) => void): void;
  /** The page this example was on was swapped for another (page-swap.ts): let go of it. */
  dispose(): void;
}

/**
 * The character offset in the static code (a `pre` of lines, its numbers drawn by CSS)
 * at a screen point, or null when the point is not on it. Measured on the static code,
 * before the editor takes its place: the editor may draw it in another size (16 px on a
 * phone), where the same point is another character.
 */
export function offsetAtPoint(host: HTMLElement, at: { x: number; y: number }): number | null {
  const pre = host.querySelector('pre');
  if (!pre) return null;
  const point = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  const position = point.caretPositionFromPoint?.(at.x, at.y);
  const range = position ? null : document.caretRangeFromPoint?.(at.x, at.y);
  const node = position?.offsetNode ?? range?.startContainer;
  if (!node || !pre.contains(node)) return null;
  const before = document.createRange();
  before.setStart(pre, 0);
  before.setEnd(node, position?.offset ?? range!.startOffset);
  return before.toString().length;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);

/**
 * Esc then Tab leaves the editor (Tab alone indents). Returns a keydown handler that
 * says whether this key event should move focus out, and in which direction.
 */
export function escapeThenTab(): (event: { key: string; shiftKey: boolean }) => 'next' | 'previous' | null {
  let escaped = false;
  return (event) => {
    if (event.key === 'Escape') {
      escaped = true;
      return null;
    }
    // Shift on its way to Shift+Tab (or any modifier alone) keeps the Escape.
    if (MODIFIERS.has(event.key)) return null;
    const leave = escaped && event.key === 'Tab';
    escaped = false;
    return leave ? (event.shiftKey ? 'previous' : 'next') : null;
  };
}

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** Move focus to the next (or previous) focusable element outside `container`. */
export function focusOutside(container: HTMLElement, direction: 'next' | 'previous'): void {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !container.contains(element) && element.offsetParent !== null,
  );
  const after = (element: HTMLElement) => Boolean(container.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  const target = direction === 'next' ? all.find(after) : all.filter((element) => !after(element)).at(-1);
  target?.focus();
}
