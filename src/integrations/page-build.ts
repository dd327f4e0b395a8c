import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { sha256 } from './digest.ts';
import { rewritePages } from './html-files.ts';

/**
 * Names the build in every page: `<meta name="asyncio-live-build">`, a digest of the
 * names of the built scripts, styles and Python files (each name carries a hash of its
 * content). Once Python has booted, a link swaps the next page into this one
 * (src/client/page/page-navigation.ts) and keeps this page's scripts; a page of another
 * build (the site was updated since) loads as a new document instead, so a page never
 * runs two builds' scripts together.
 */
export function pageBuild(): AstroIntegration {
  return {
    name: 'asyncio-live:page-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const build = buildName([...(await readdir(join(root, '_astro'))), ...(await readdir(join(root, 'pyodide')))]);
        const pages = await rewritePages(root, (html) => nameBuild(html, build));
        logger.info(`build ${build} named in ${pages} pages`);
      },
    },
  };
}

/** The build's name: the same files, the same name, whatever order they are listed in. */
export function buildName(files: string[]): string {
  return sha256(new TextEncoder().encode([...files].sort().join('\n'))).slice(0, 16);
}

/** The page with the build's name in its head (a page without a head is left as it is). */
export function nameBuild(html: string, build: string): string {
  if (html.includes('name="asyncio-live-build"')) return html;
  return html.replace('</head>', `<meta name="asyncio-live-build" content="${build}"></head>`);
}
