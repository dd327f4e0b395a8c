import { glob, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import postcss, { type Rule } from 'postcss';

/** The stylesheet a page without JavaScript loads when the system asks for light (Head.astro). */
export const NO_SCRIPT_LIGHT = 'no-script-light.css';

const LIGHT = /\[data-theme=(['"]?)light\1\]/;

/**
 * With JavaScript off, Starlight's page stays dark: its theme is an attribute a script
 * sets (`data-theme="dark"` as built). After the build, this copies every rule of the
 * site's stylesheets that applies to the light theme (Starlight's, Expressive Code's,
 * the live examples' and the code's colours) with its selector on the dark attribute
 * instead. Head.astro loads the copy inside <noscript>, for `prefers-color-scheme:
 * light`: after the others, it wins, and the page follows the system.
 */
export function noScriptTheme(): AstroIntegration {
  return {
    name: 'asyncio-live:no-script-theme',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const light = postcss.root();
        for await (const path of glob('_astro/*.css', { cwd: root })) {
          postcss.parse(await readFile(join(root, path), 'utf8')).walkRules((rule: Rule) => {
            // Rules that apply when the theme is not light would turn on: left out.
            const selectors = rule.selectors.filter((selector) => LIGHT.test(selector) && !/:not\([^)]*data-theme/.test(selector));
            if (selectors.length === 0) return;
            const everyLight = new RegExp(LIGHT.source, 'g');
            const copy = rule.clone({ selectors: selectors.map((selector) => selector.replace(everyLight, '[data-theme=dark]')) });
            // Kept inside its at-rules (a media query of its own, a layer), as built.
            let wrapped: postcss.Container | Rule = copy;
            for (let parent = rule.parent; parent && parent.type === 'atrule'; parent = parent.parent) {
              const atRule = (parent as postcss.AtRule).clone({ nodes: [] });
              atRule.append(wrapped);
              wrapped = atRule;
            }
            light.append(wrapped);
          });
        }
        if (light.nodes.length === 0) throw new Error(`${NO_SCRIPT_LIGHT}: no light-theme rule found in the build's stylesheets`);
        await writeFile(join(root, NO_SCRIPT_LIGHT), light.toString());
        logger.info(`${NO_SCRIPT_LIGHT}: ${light.nodes.length} rules for readers without JavaScript on a light system`);
      },
    },
  };
}
