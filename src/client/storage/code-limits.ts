/**
 * The most code an example takes from outside the page: a share link, or a saved edit
 * read back from the browser's storage. Far more than any lesson's program (the longest
 * is under 200 lines), and little enough for the editor and the page to open at once: a
 * 590-character link that inflated to 40,000 lines held the page for 4 s, and a 4.9 MB
 * saved edit for 93 s.
 */
export const CODE_LIMITS = { chars: 50_000, lines: 2_000 } as const;

/** Is `code` within {@link CODE_LIMITS}? (Counting stops at the first line too many.) */
export function withinCodeLimits(code: string): boolean {
  if (code.length > CODE_LIMITS.chars) return false;
  let lines = 1;
  for (let at = code.indexOf('\n'); at >= 0; at = code.indexOf('\n', at + 1)) {
    if (++lines > CODE_LIMITS.lines) return false;
  }
  return true;
}
