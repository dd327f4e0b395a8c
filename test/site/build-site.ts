import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDist } from './serve-dist';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site, served with cross-origin isolation (COOP/COEP). */
    isolatedURL: string;
    /** The same site with no special headers, as on a plain static host. */
    plainURL: string;
  }
}

/**
 * Builds the site once before the site tests read `dist/`, and serves it for the
 * browser tests. The build runs on the Node that runs the tests (the project's own
 * Node 24, through `npm test`). Set SKIP_SITE_BUILD=1 to test a fresh `dist/` as it is.
 */
export default async function buildSite(project: TestProject): Promise<() => Promise<void>> {
  const root = join(import.meta.dirname, '../..');
  if (process.env.SKIP_SITE_BUILD !== '1') {
    const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
    try {
      const env = productionEnv(process.env);
      execFileSync(process.execPath, [astro, 'build', '--silent'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`The site does not build (npm run build):\n${stderr}`);
    }
  }
  const isolated = await serveDist(join(root, 'dist'), true);
  const plain = await serveDist(join(root, 'dist'), false);
  project.provide('isolatedURL', isolated.url);
  project.provide('plainURL', plain.url);
  return async () => {
    await isolated.close();
    await plain.close();
  };
}

/**
 * The environment of `npm run build`, without what Vitest adds. Vitest sets NODE_ENV=test
 * and mirrors `import.meta.env` into process.env (DEV=1, PROD='', MODE=test, SSR=1,
 * BASE_URL): Astro would read those and build a site whose search box says "only
 * available in production builds", so the tests would not test the site readers get.
 */
function productionEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(env).filter(([name]) => !/^(DEV|PROD|MODE|SSR|BASE_URL|TEST|VITEST.*)$/.test(name)));
  return { ...clean, NODE_ENV: 'production' };
}
