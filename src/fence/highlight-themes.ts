/**
 * The two Shiki themes of every code block on the site, static and in the editor, so
 * code never changes colour when it opens for editing.
 */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;
