import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { fileDigests } from './digest.ts';
import { injectManifest } from 'workbox-build';
import { EDITOR_FILES } from './editor-files.ts';

/** Python and the editor: cached on a reader's first intent, not at install. */
const RUNTIME_FILES = ['pyodide/**', '_astro/worker-*.js', '_astro/*.py', ...EDITOR_FILES];

/** Where the build writes the digest of each file into sw.js (see src/service-worker/integrity.ts). */
const INTEGRITY_POINT = 'self.__SITE_INTEGRITY';

/** The SHA-256 (base64) of every file of the built site but sw.js itself, by URL path (a gzipped file has two). */
async function digests(root: string, swDest: string): Promise<Record<string, string | string[]>> {
  const integrity: Record<string, string | string[]> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (path === swDest) continue;
    const found = fileDigests(path, await readFile(path));
    integrity[`/${relative(root, path).split(sep).join('/')}`] = found.length === 1 ? found[0] : found;
  }
  return integrity;
}

/**
 * After the build: bundles src/service-worker/sw.ts to /sw.js (Workbox inside), then
 * writes the two file lists into it, each file with its revision, so a new build
 * replaces exactly what changed.
 */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'asyncio-live:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const swDest = join(root, 'sw.js');
        await build({
          entryPoints: [fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url))],
          bundle: true,
          format: 'iife',
          minify: true,
          outfile: swDest,
          logLevel: 'warning',
        });
        const site = await injectManifest({
          swSrc: swDest,
          swDest,
          globDirectory: root,
          globPatterns: ['**/*.{html,css,js,svg,png,ico,xml,txt,json,pf_meta,pf_fragment,pf_index,pagefind}', 'pagefind/**/*'],
          globIgnores: ['sw.js', ...RUNTIME_FILES],
          maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        });
        const runtime = await injectManifest({
          swSrc: swDest,
          swDest,
          globDirectory: root,
          globPatterns: RUNTIME_FILES,
          injectionPoint: 'self.__RUNTIME_MANIFEST',
          maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
        });
        const integrity = await digests(root, swDest);
        const worker = await readFile(swDest, 'utf8');
        if (!worker.includes(INTEGRITY_POINT)) throw new Error(`sw.js: ${INTEGRITY_POINT} not found`);
        await writeFile(swDest, worker.replace(INTEGRITY_POINT, JSON.stringify(integrity)));
        const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
        logger.info(
          `sw.js: ${site.count} site files (${mb(site.size)} MB) precached, ` +
            `${runtime.count} Python and editor files (${mb(runtime.size)} MB) cached on first intent`,
        );
      },
    },
  };
}
