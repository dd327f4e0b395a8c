import { createHighlighter, type Highlighter } from 'shiki';
import { codeThemes, pythonHtmlOptions } from './highlight-themes.ts';

let highlighter: Promise<Highlighter> | undefined;

/**
 * Python as HTML, with both themes' colours as CSS variables (the page picks one).
 * Lines whose 1-based numbers are in `dimmed` get the class `line--hidden`: the
 * hidden setup of an example, shown on request but set apart from the reader's code.
 */
export async function highlightPython(code: string, dimmed: ReadonlySet<number> = new Set()): Promise<string> {
  highlighter ??= codeThemes().then((themes) => createHighlighter({ themes, langs: ['python'] }));
  return (await highlighter).codeToHtml(code, pythonHtmlOptions(dimmed));
}
