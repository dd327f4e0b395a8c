/**
 * The site's Content Security Policy, in one place. Astro writes it into every page
 * (with hashes of the page's scripts, see src/integrations/csp-inline-hashes.ts).
 *
 * - scripts and workers: the site's own files only (plus hashed inline scripts);
 *   'wasm-unsafe-eval' lets Python's WebAssembly compile, and nothing else is eval'd
 * - connections: the site only
 * - styles: the site's, and inline styles (Shiki colours code with style attributes,
 *   Monaco adds style elements as it runs); CSS cannot run code
 */
export const POLICY_DIRECTIVES = [
  "default-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'none'",
] as const;

export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];
export const STYLE_SOURCES = ["'self'", "'unsafe-inline'"];
