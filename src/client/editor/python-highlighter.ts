/**
 * Python highlighted in the page, as the build highlights it (src/fence/highlight.ts):
 * the same Shiki themes, both as CSS variables, so the page's theme picks one. Loaded with
 * the editor (which colours its code with it), never before.
 */
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { codeThemes, pythonHtmlOptions } from '../../fence/highlight-themes.ts';

let highlighter: Promise<HighlighterCore> | undefined;

export function pythonHighlighter(): Promise<HighlighterCore> {
  highlighter ??= codeThemes().then((themes) =>
    createHighlighterCore({ themes, langs: [import('shiki/langs/python.mjs')], engine: createJavaScriptRegexEngine() }),
  );
  return highlighter;
}

/**
 * `code` as the static pages show it: lines whose 1-based numbers are in `dimmed` are
 * the hidden setup (class `line--hidden`). Shiki escapes the text: the HTML holds no
 * markup of the code's own, whoever wrote it.
 */
export async function highlightPython(code: string, dimmed: ReadonlySet<number>): Promise<string> {
  return (await pythonHighlighter()).codeToHtml(code, pythonHtmlOptions(dimmed));
}
