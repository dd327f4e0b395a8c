/**
 * Share links read in Node (the page's own module: CompressionStream, atob and
 * TextDecoder are in Node too): code survives the round trip, and every way a link can
 * be broken ends in a ShareLinkError that says why, never in a crash.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LINK_CHARS, readShareFragment, shareFragment, ShareLinkError } from '../../../src/client/share/share-link';

describe('share links', () => {
  it('carry code there and back, by example id', async () => {
    const code = 'import asyncio\nprint("é, 漢字, and a tab:\\t")\n';
    const fragment = await shareFragment('three-squares', code);
    expect(fragment).toMatch(/^#share-three-squares=[A-Za-z0-9_-]+$/);
    await expect(readShareFragment(fragment)).resolves.toBe(code);
  });

  it('refuse to make a link longer than chat apps and browsers keep', async () => {
    // Random text compresses little: 40,000 characters stay far over the limit.
    const noise = (await import('node:crypto')).randomBytes(30_000).toString('base64');
    await expect(shareFragment('x', noise)).rejects.toThrow(
      new RegExp(`too long to share as a link .* at most ${MAX_LINK_CHARS / 1000} KB`),
    );
  });

  it.each([
    ['malformed', '#share-x=%%%not-base64%%%', 'it contains characters a share link never has'],
    ['damaged', '#share-x=AAAA', 'the link is damaged (perhaps cut short when it was copied)'],
    ['oversized', `#share-x=${'A'.repeat(20_000)}`, 'the link is longer than any share link this site makes'],
  ])('say why a %s link cannot be read', async (_name, hash, why) => {
    const read = readShareFragment(hash);
    await expect(read).rejects.toBeInstanceOf(ShareLinkError);
    await expect(read).rejects.toThrow(why);
  });

  it('refuse a link that holds bytes but no text', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const payload = deflateRawSync(Buffer.from([0xff, 0xfe, 0xfd])).toString('base64url');
    await expect(readShareFragment(`#share-x=${payload}`)).rejects.toThrow('the link does not hold text');
  });

  it.each([
    ['40,000 short lines (a 452-character link)', 'pass\n'.repeat(40_000)],
    ['a thousandfold inflate (a deflate bomb)', '#'.repeat(10_000_000)],
  ])('refuse code past the code limits: %s', async (_name, code) => {
    const { deflateRawSync } = await import('node:zlib');
    const hash = `#share-x=${deflateRawSync(Buffer.from(code)).toString('base64url')}`;
    expect(hash.length).toBeLessThan(MAX_LINK_CHARS);
    await expect(readShareFragment(hash)).rejects.toThrow(
      'the code is longer than an example here may be (2,000 lines, 50,000 characters)',
    );
  });

  it('refuse to share code past the code limits', async () => {
    await expect(shareFragment('x', 'pass\n'.repeat(3_000))).rejects.toThrow('the code is longer than an example here may be');
  });
});
