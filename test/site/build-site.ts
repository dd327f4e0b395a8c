import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Builds the site once before the site tests read `dist/`. The build runs on the
 * Node that runs the tests (the project's own Node 24, through `npm test`).
 * Set SKIP_SITE_BUILD=1 to test a `dist/` you have just built yourself.
 */
export default function buildSite(): void {
  if (process.env.SKIP_SITE_BUILD === '1') return;
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  try {
    execFileSync(process.execPath, [astro, 'build', '--silent'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`The site does not build (npm run build):\n${stderr}`);
  }
}
