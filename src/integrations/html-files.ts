import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every page of the built site (`.html` files under `dir`). */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
    ),
  );
  return nested.flat();
}

/** Rewrites every page of the built site with `change`; returns how many pages it changed. */
export async function rewritePages(dir: string, change: (html: string) => string): Promise<number> {
  let pages = 0;
  for (const file of await htmlFiles(dir)) {
    const html = await readFile(file, 'utf8');
    const changed = change(html);
    if (changed === html) continue;
    await writeFile(file, changed);
    pages++;
  }
  return pages;
}
