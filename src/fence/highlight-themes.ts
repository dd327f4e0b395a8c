/**
 * The two Shiki themes of every code block on the site, static and in the editor, so
 * code never changes colour when it opens for editing.
 *
 * GitHub's themes, with the few colours that fail WCAG AA contrast (4.5:1 for text) on
 * their own backgrounds replaced (axe-core measured them): light orange #e36209 on white
 * is 3.48:1, dark comments #6a737d on #24292e 3.04:1. The themes keep their names, so the
 * page's CSS (which picks one by name) is unchanged.
 */
import type { ShikiTransformer, ThemeRegistration } from 'shiki';

export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Colour as GitHub's theme has it -> the colour used instead (lower case, as in the themes). */
const REPLACED: Record<keyof typeof CODE_THEMES, Record<string, string>> = {
  // 5.2:1 on #ffffff, still orange.
  light: { '#e36209': '#b35000' },
  // 5.3:1 on #24292e: the grey GitHub's dark theme uses for secondary text.
  dark: { '#6a737d': '#959da5' },
};

function withReplacedColours(theme: ThemeRegistration, replaced: Record<string, string>): ThemeRegistration {
  let json = JSON.stringify(theme);
  for (const [from, to] of Object.entries(replaced)) json = json.replaceAll(`"${from}"`, `"${to}"`);
  return JSON.parse(json) as ThemeRegistration;
}

/** Both themes, their failing colours replaced (loaded on demand: the editor's chunk, or the build). */
export async function codeThemes(): Promise<ThemeRegistration[]> {
  const [light, dark] = await Promise.all([import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')]);
  return [withReplacedColours(light.default, REPLACED.light), withReplacedColours(dark.default, REPLACED.dark)];
}

/**
 * Shiki's options for Python as the site draws it, at build time (highlight.ts) and in the
 * page (python-highlighter.ts): both themes' colours as CSS variables (the page picks
 * one); lines whose 1-based numbers are in `dimmed` get the class `line--hidden` (an
 * example's hidden setup, shown on request but set apart from the reader's code).
 */
export function pythonHtmlOptions(dimmed: ReadonlySet<number>) {
  return {
    lang: 'python',
    themes: CODE_THEMES,
    defaultColor: false as const,
    transformers: [
      {
        line(node, line) {
          if (dimmed.has(line)) this.addClassToHast(node, 'line--hidden');
        },
      },
    ] satisfies ShikiTransformer[],
  };
}
