import { createReadStream, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { integrityOf } from './digest.ts';

/** Where the site serves Pyodide's files: its own copy, never a CDN. */
export const PYODIDE_PATH = '/pyodide/';

/** The files loadPyodide fetches (its loader itself is bundled into the worker). */
const FILES: Record<string, string> = {
  'pyodide.asm.mjs': 'text/javascript',
  'pyodide.asm.wasm': 'application/wasm',
  'python_stdlib.zip': 'application/zip',
  'pyodide-lock.json': 'application/json',
};

const pyodideDir = () => dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

/** What the worker fetches itself while it boots (pyodide.asm.mjs is imported, which takes no integrity). */
const FETCHED = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

/**
 * Serves Pyodide's files at /pyodide/ in development, and copies them into the build,
 * so the site (and its offline export) carries Python with it. A build tells the page
 * their Subresource Integrity, `__PYODIDE_INTEGRITY__` (by file name; runtime/download/checked-fetch.ts).
 */
export function pyodideFiles(): AstroIntegration {
  return {
    name: 'asyncio-live:pyodide-files',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const integrity =
          command === 'build'
            ? Object.fromEntries(FETCHED.map((name) => [name, integrityOf(name, readFileSync(join(pyodideDir(), name)))]))
            : {};
        // Their sizes too, so the page can show how much of Python has downloaded.
        const sizes = Object.fromEntries(FETCHED.map((name) => [name, statSync(join(pyodideDir(), name)).size]));
        updateConfig({ vite: { define: { __PYODIDE_INTEGRITY__: JSON.stringify(integrity), __PYODIDE_SIZES__: JSON.stringify(sizes) } } });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const name = request.url?.startsWith(PYODIDE_PATH) ? request.url.slice(PYODIDE_PATH.length).split('?')[0] : '';
          if (!(name in FILES)) return next();
          response.setHeader('Content-Type', FILES[name]);
          createReadStream(join(pyodideDir(), name)).pipe(response);
        });
      },
      'astro:build:done': async ({ dir }) => {
        const target = join(fileURLToPath(dir), PYODIDE_PATH);
        await mkdir(target, { recursive: true });
        await Promise.all(Object.keys(FILES).map((name) => copyFile(join(pyodideDir(), name), join(target, name))));
      },
    },
  };
}
