/**
 * The text of a hint, as HTML paragraphs: hints are written in the fence as plain text
 * with `code` in backticks and blank lines between paragraphs. Everything else is
 * escaped: a hint is never HTML.
 */
export function hintParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      escapeHtml(paragraph.replace(/\s*\n\s*/g, ' ').trim()).replace(/`([^`]+)`/g, (_m, code: string) => `<code>${code}</code>`),
    )
    .filter(Boolean);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
