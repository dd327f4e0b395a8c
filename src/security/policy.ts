/**
 * The site's Content Security Policy, in one place. Astro writes it into every page
 * (with hashes of the page's scripts, see src/integrations/csp-inline-hashes.ts).
 *
 * - scripts and workers: the site's own files only (plus hashed inline scripts);
 *   'wasm-unsafe-eval' lets Python's WebAssembly compile, and nothing else is eval'd.
 *   Workers may also start from blob: URLs: the runtime's worker starts that way so
 *   that it takes this policy with it (runtime/page/browser.ts). A blob: URL can only be
 *   made by a script that already runs on the page.
 * - connections: the site only
 * - styles: the site's, and inline styles (Shiki colours code with style attributes,
 *   Monaco adds style elements as it runs); CSS cannot run code
 */
export const POLICY_DIRECTIVES = [
  "default-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'none'",
] as const;

export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];
export const STYLE_SOURCES = ["'self'", "'unsafe-inline'"];

/**
 * The part of the policy sent as an HTTP header (by `npm start`, the test server and
 * the service worker) on every response, worker scripts included: a page's meta policy
 * does not cover the workers it starts. Script rules stay in the meta policy, where
 * each page's inline scripts have their hashes.
 */
export const HEADER_POLICY = "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'";

/** The headers that make a page cross-origin isolated (SharedArrayBuffer, so Stop can interrupt). */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;
