/**
 * How a line of output is drawn, as opposed to what it is (Copy output and the match
 * with the lesson's output read the text as printed). Laying out one long line of
 * complex text is superlinear in Chromium: one printed line of 200,000 right-to-left
 * characters held the page for 5.6 s, a letter with 50,000 combining accents for 3.6 s,
 * 50,000 characters of bidirectional controls for 1.5 s (measured with a throttle of 1x).
 * Cut to these limits, each costs a few milliseconds.
 */

/** Characters of one line drawn; the rest is said, not drawn. */
export const MAX_DRAWN_LINE = 2_000;
/** Combining marks drawn on one character: Unicode's stream-safe format allows 30. */
const MAX_MARKS = 30;
/** Characters drawn per frame (with at most LINES_PER_FRAME lines). */
export const CHARS_PER_FRAME = 20_000;

const LONG_MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

/** `text` (one line, its newline included) as the output pane draws it. */
export function drawnLine(text: string): string {
  const newline = text.endsWith('\n') ? '\n' : '';
  let line = newline ? text.slice(0, -1) : text;
  if (line.length > MAX_DRAWN_LINE) {
    const more = line.length - MAX_DRAWN_LINE;
    line = `${line.slice(0, MAX_DRAWN_LINE)} … (${more.toLocaleString('en')} more ${more === 1 ? 'character' : 'characters'} on this line: Copy output has them)`;
  }
  return line.replace(LONG_MARK_RUN, '$1…') + newline;
}

/** Text of several lines (an error's message, a traceback) as the page draws it. */
export function drawnText(text: string): string {
  return (text.match(/[^\n]*\n|[^\n]+$/g) ?? []).map(drawnLine).join('');
}
