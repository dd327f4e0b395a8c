import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

/** SHA-256 of `bytes`, base64: the form both the service worker's checks and Subresource Integrity use. */
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

/**
 * The digests a browser may see for a file: a gzipped one has two, as stored and
 * inflated (many hosts send `.gz` files with `Content-Encoding: gzip`, and the browser
 * then keeps the inflated bytes).
 */
export function fileDigests(path: string, bytes: Uint8Array): string[] {
  return path.endsWith('.gz') ? [sha256(bytes), sha256(gunzipSync(bytes))] : [sha256(bytes)];
}

/** Subresource Integrity metadata for a file: each of its digests, `sha256-...`. */
export const integrityOf = (path: string, bytes: Uint8Array) =>
  fileDigests(path, bytes)
    .map((digest) => `sha256-${digest}`)
    .join(' ');
