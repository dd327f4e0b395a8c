import { glob, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The editor's files in the build: Monaco, its worker, Python's grammars and the code
 * themes (about 3.4 MB), loaded when a reader first opens an editor on a desktop.
 */
export const EDITOR_FILES = ['_astro/monaco-editor*.js', '_astro/editor.worker*.js', '_astro/python*.js', '_astro/github-*.js'];

/** Where the build lists them, with their sizes, for the page's progress bar (src/client/editor/editor-download.ts). */
export const EDITOR_FILES_LIST = 'editor-files.json';

/**
 * After the build: writes editor-files.json, `[{ url, bytes }]` (URLs relative to the list). Their names carry
 * content hashes known only once the bundle is written, so the list cannot be built
 * into the page's script as Python's sizes are. (Listed before the service worker in
 * astro.config.mjs: the worker precaches the list too.)
 */
export function editorFiles(): AstroIntegration {
  return {
    name: 'asyncio-live:editor-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files: { url: string; bytes: number }[] = [];
        for await (const path of glob(EDITOR_FILES, { cwd: root })) {
          files.push({ url: path.split('\\').join('/'), bytes: (await stat(join(root, path))).size });
        }
        files.sort((a, b) => b.bytes - a.bytes);
        if (!files.some((file) => file.url.includes('monaco-editor')))
          throw new Error(`${EDITOR_FILES_LIST}: no Monaco chunk matches ${EDITOR_FILES[0]}`);
        await writeFile(join(root, EDITOR_FILES_LIST), JSON.stringify(files));
        const total = files.reduce((sum, file) => sum + file.bytes, 0);
        logger.info(`${EDITOR_FILES_LIST}: ${files.length} editor files, ${(total / 1e6).toFixed(1)} MB`);
      },
    },
  };
}
