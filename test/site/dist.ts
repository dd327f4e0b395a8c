import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Helpers for reading the built site in tests. */
export const DIST = join(import.meta.dirname, '../../dist');
export const CONTENT = join(import.meta.dirname, '../../content');

/** Every HTML file of the build, as paths relative to `dist/`. */
export function htmlFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [relative(DIST, path)] : [];
  });
}

const pages = new Map<string, HTMLElement>();

/** A built page, parsed once. */
export function page(file: string): HTMLElement {
  let root = pages.get(file);
  if (!root) {
    // Parse <pre> as markup: highlighted code is spans inside it.
    root = parse(readFileSync(join(DIST, file), 'utf8'), { blockTextElements: { script: true, style: true } });
    pages.set(file, root);
  }
  return root;
}

/** The file a site-absolute URL path is served from, or null when there is none. */
export function fileFor(pathname: string): string | null {
  const clean = decodeURIComponent(pathname).replace(/^\//, '');
  for (const candidate of [clean, join(clean, 'index.html'), `${clean}.html`]) {
    const full = join(DIST, candidate);
    if (candidate !== '' && existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return null;
}
