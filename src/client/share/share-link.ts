/**
 * Share links: an example's code in the URL fragment (`#share-three-squares=...`, by the
 * example's id), compressed (deflate) and base64url-encoded. Links made before examples
 * had ids name the example by its position (`#share-2=...`); they still open it. The
 * fragment never reaches a server. Code from a
 * link is shown with a notice and is never run by itself.
 */

import { ID_PATTERN } from '../../fence/example-data.ts';
import { CODE_LIMITS, withinCodeLimits } from '../storage/code-limits.ts';

/** Encoded code longer than this makes links that chat apps and browsers cut. */
export const MAX_LINK_CHARS = 16_000;

const PREFIX = 'share-';

const tooLong = `the code is longer than an example here may be (${CODE_LIMITS.lines.toLocaleString('en')} lines, ${CODE_LIMITS.chars.toLocaleString('en')} characters)`;

export class ShareLinkError extends Error {
  readonly type = 'ShareLinkError';
}

/** What `stream` makes of `bytes`; null as soon as it makes more than `limit` bytes (a link can inflate a thousandfold). */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      void reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareLinkError('it contains characters a share link never has');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The fragment that carries `code` for the example `id`. */
export async function shareFragment(id: string, code: string): Promise<string> {
  if (!withinCodeLimits(code)) throw new ShareLinkError(tooLong);
  const payload = toBase64Url((await pipe(new TextEncoder().encode(code), new CompressionStream('deflate-raw')))!);
  if (payload.length > MAX_LINK_CHARS) {
    throw new ShareLinkError(
      `this code is too long to share as a link (${Math.ceil(payload.length / 1000)} KB encoded, at most ${MAX_LINK_CHARS / 1000} KB)`,
    );
  }
  return `#${PREFIX}${id}=${payload}`;
}

/** The example a share link is for: by id, or (an older link) by its position then. */
export type ShareTarget = { id: string } | { legacyIndex: number };

/** Which example a fragment is for, if it is a share link at all (cheap, synchronous). */
export function shareTarget(hash: string): ShareTarget | null {
  const match = new RegExp(`^#${PREFIX}(?:(\\d+)|(${ID_PATTERN}))=`).exec(hash);
  if (!match) return null;
  return match[1] !== undefined ? { legacyIndex: Number(match[1]) } : { id: match[2] };
}

/** Is the share link in `hash` for this example? */
export function isSharedWith(hash: string, example: { id: string; legacyIndex: number | null }): boolean {
  const target = shareTarget(hash);
  if (!target) return false;
  return 'id' in target ? target.id === example.id : target.legacyIndex === example.legacyIndex;
}

/** The code a share link carries; throws ShareLinkError saying why it cannot be read. */
export async function readShareFragment(hash: string): Promise<string> {
  const payload = hash.slice(hash.indexOf('=') + 1);
  if (payload.length > MAX_LINK_CHARS) throw new ShareLinkError('the link is longer than any share link this site makes');
  let bytes: Uint8Array | null;
  try {
    // UTF-8 takes at least a byte a character: more bytes than that is too long already.
    bytes = await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), CODE_LIMITS.chars * 4);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('the link is damaged (perhaps cut short when it was copied)');
  }
  if (bytes === null) throw new ShareLinkError(tooLong);
  let code: string;
  try {
    code = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError('the link does not hold text');
  }
  if (!withinCodeLimits(code)) throw new ShareLinkError(tooLong);
  return code;
}
