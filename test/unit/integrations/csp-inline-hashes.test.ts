import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addInlineScriptHashes, inlineScriptHashes } from '../../../src/integrations/csp-inline-hashes';

const hash = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
const page = (policy: string, scripts: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}">${scripts}</head></html>`;

describe('addInlineScriptHashes', () => {
  it('adds the hash of each inline script the page runs, once', () => {
    const html = page(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
      '<script>a()</script><script type="module">b()</script><script>a()</script>',
    );
    const content = /content="([^"]*)"/.exec(addInlineScriptHashes(html))![1];
    expect(content).toBe(`default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash('a()')} ${hash('b()')}; style-src 'self'`);
  });

  it('leaves out scripts with a src and data scripts, and keeps hashes already there', () => {
    const html = page(
      `script-src 'self' ${hash('c()')}`,
      '<script src="/x.js"></script><script type="application/json">{"a":1}</script><script>c()</script>',
    );
    expect(addInlineScriptHashes(html)).toBe(html);
  });

  it('does nothing to a page without a policy', () => {
    expect(addInlineScriptHashes('<script>a()</script>')).toBe('<script>a()</script>');
  });

  it("adds every page's hashes to each page when given them (a page swapped in keeps the first page's policy)", () => {
    const first = page("script-src 'self'", '<script>a()</script>');
    const second = page("script-src 'self'", '<script>b()</script>');
    const site = new Set([...inlineScriptHashes(first), ...inlineScriptHashes(second)]);
    for (const html of [first, second]) {
      expect(/content="([^"]*)"/.exec(addInlineScriptHashes(html, site))![1]).toBe(`script-src 'self' ${hash('a()')} ${hash('b()')}`);
    }
  });
});
