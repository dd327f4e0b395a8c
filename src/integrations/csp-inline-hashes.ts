import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles, rewritePages } from './html-files.ts';

/**
 * Astro writes each page's Content Security Policy (a meta tag) with the hashes of the
 * scripts it bundles, but not of `is:inline` scripts, which Starlight uses (the theme
 * switch, the sidebar's scroll position). Without their hashes the browser refuses
 * them. After the build, this adds the hash of every inline script of the site to
 * each page's policy, so the policy can stay free of 'unsafe-inline'.
 *
 * Every page gets every page's hashes: once Python has booted, a link swaps the next
 * page into this one (src/client/page/page-navigation.ts), and the document keeps the
 * policy it loaded with. The next page's inline scripts must pass it. They are the
 * site's own scripts either way.
 */
export function cspInlineHashes(): AstroIntegration {
  return {
    name: 'asyncio-live:csp-inline-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = await htmlFiles(root);
        const hashes = new Set<string>();
        for (const file of files) for (const hash of inlineScriptHashes(await readFile(file, 'utf8'))) hashes.add(hash);
        const pages = await rewritePages(root, (html) => addInlineScriptHashes(html, hashes));
        logger.info(`inline script hashes added to the policy of ${pages} pages`);
      },
    },
  };
}

/** The hashes of the inline scripts a page runs, as policy sources. */
export function inlineScriptHashes(html: string): Set<string> {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc=/.test(attributes)) continue;
    const type = /\btype="([^"]*)"/.exec(attributes)?.[1];
    if (type && type !== 'module' && type !== 'text/javascript') continue; // data, not code
    hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return hashes;
}

/** The page with `hashes` (by default its own inline scripts') added to its meta policy. */
export function addInlineScriptHashes(html: string, hashes: Set<string> = inlineScriptHashes(html)): string {
  const policy = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i.exec(html);
  if (!policy) return html;
  const content = policy[2].replace(/script-src ([^;]*)/, (directive, sources: string) => {
    const missing = [...hashes].filter((hash) => !sources.includes(hash));
    return missing.length ? `${directive.trimEnd()} ${missing.join(' ')}` : directive;
  });
  return html.slice(0, policy.index) + policy[1] + content + policy[3] + html.slice(policy.index + policy[0].length);
}
