import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Astro writes each page's Content Security Policy (a meta tag) with the hashes of the
 * scripts it bundles, but not of `is:inline` scripts, which Starlight uses (the theme
 * switch, the sidebar's scroll position). Without their hashes the browser refuses
 * them. After the build, this adds the hash of every inline script of each page to
 * that page's own policy, so the policy can stay free of 'unsafe-inline'.
 */
export function cspInlineHashes(): AstroIntegration {
  return {
    name: 'asyncio-live:csp-inline-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        let pages = 0;
        for (const file of await htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const updated = addInlineScriptHashes(html);
          if (updated !== html) {
            await writeFile(file, updated);
            pages++;
          }
        }
        logger.info(`inline script hashes added to the policy of ${pages} pages`);
      },
    },
  };
}

/** The page with the hash of each inline script it runs added to its meta policy. */
export function addInlineScriptHashes(html: string): string {
  const policy = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i.exec(html);
  if (!policy) return html;
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc=/.test(attributes)) continue;
    const type = /\btype="([^"]*)"/.exec(attributes)?.[1];
    if (type && type !== 'module' && type !== 'text/javascript') continue; // data, not code
    hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  const content = policy[2].replace(/script-src ([^;]*)/, (directive, sources: string) => {
    const missing = [...hashes].filter((hash) => !sources.includes(hash));
    return missing.length ? `${directive.trimEnd()} ${missing.join(' ')}` : directive;
  });
  return html.slice(0, policy.index) + policy[1] + content + policy[3] + html.slice(policy.index + policy[0].length);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
    ),
  );
  return nested.flat();
}
