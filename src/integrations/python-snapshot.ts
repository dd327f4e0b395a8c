import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { bootNodeEngine, pythonFiles, pythonPackages, snapshotName } from '../../runtime/node/node-runtime.ts';
import { PYODIDE_PATH } from './pyodide-files.ts';
import { cachedSnapshot } from './snapshot-cache.ts';
import { integrityOf } from './digest.ts';

/**
 * A memory snapshot of Python with the runtime installed, made at build time and served
 * beside Pyodide's files: the reader's worker restores it instead of booting Python
 * from scratch (see runtime/snapshot/snapshot.ts). The page learns its name through the
 * constant `__PYTHON_SNAPSHOT__` (null in development, where the worker boots as usual),
 * and its Subresource Integrity through `__PYTHON_SNAPSHOT_INTEGRITY__`.
 * Beside it go the packages that come with the runtime, `__PYTHON_PACKAGES__`.
 */
export function pythonSnapshot(): AstroIntegration {
  const files = pythonFiles();
  const name = snapshotName(files);
  // The packages that come with the runtime (runtime/vendor/packages.ts): one file, named
  // by its content, fetched by the page when a program first imports one of them.
  const packages = JSON.stringify(pythonPackages());
  const packagesName = `python-packages-${createHash('sha256').update(packages).digest('hex').slice(0, 16)}.json`;
  return {
    name: 'asyncio-live:python-snapshot',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig }) => {
        const built = command === 'build';
        // Made here (or kept from before) so the page can carry its integrity.
        const snapshot = built ? (await cachedSnapshot(files)).bytes : null;
        const integrity = snapshot ? integrityOf(name, snapshot) : null;
        updateConfig({
          vite: {
            define: {
              __PYTHON_SNAPSHOT__: JSON.stringify(built ? name : null),
              __PYTHON_SNAPSHOT_INTEGRITY__: JSON.stringify(integrity),
              __PYTHON_SNAPSHOT_SIZE__: JSON.stringify(snapshot?.length ?? 0),
              __PYTHON_PACKAGES__: JSON.stringify(built ? packagesName : null),
            },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        // Made once for these inputs and kept (the tests make the same one).
        const { bytes: snapshot } = await cachedSnapshot(files);
        // A snapshot that does not restore would cost every reader a failed attempt
        // before the ordinary boot: check it here, where it fails the build instead.
        const engine = await bootNodeEngine({ snapshot });
        let printed = '';
        const result = await engine.run(
          'import asyncio\nasyncio.run(asyncio.sleep(1))\nprint("ok")',
          { deterministic: true },
          (chunk) => (printed += chunk.text),
        );
        if (!engine.fromSnapshot || !result.ok || printed !== 'ok\n') {
          throw new Error(`The Python snapshot does not restore (${JSON.stringify(result)}): see runtime/snapshot/snapshot.ts.`);
        }
        const target = join(fileURLToPath(dir), PYODIDE_PATH);
        await mkdir(target, { recursive: true });
        await writeFile(join(target, name), snapshot);
        await writeFile(join(target, packagesName), packages);
        logger.info(
          `${PYODIDE_PATH}${name}: ${(snapshot.length / 1e6).toFixed(1)} MB, made (or kept) and checked in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
