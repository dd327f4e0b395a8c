import { defineConfig } from 'vitest/config';

/** Python, booted once into a memory snapshot that each Node test file restores. */
const SNAPSHOT = 'test/python-snapshot.ts';

/**
 * Projects: unit tests; doc-tests (every python fence of content/ run on the runtime);
 * site tests that read the built `dist/` (built once, in the site project's global setup).
 */
export default defineConfig({
  test: {
    // Two test files at a time, on a two-core machine: while one waits on Chromium or on a
    // worker thread, the other computes. (More only adds contention: the suite is CPU-bound.)
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], globalSetup: [SNAPSHOT], testTimeout: 20_000 } },
      { extends: true, test: { name: 'doc', include: ['test/doc/**/*.test.ts'], globalSetup: [SNAPSHOT], testTimeout: 20_000 } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          // The snapshot too: a test may run a program on the runtime in Node to judge the page by.
          globalSetup: [SNAPSHOT, 'test/site/build-site.ts'],
          // Generous: a test waits for events, never for a time; this only ends a hung one.
          testTimeout: 90_000,
        },
      },
    ],
  },
});
