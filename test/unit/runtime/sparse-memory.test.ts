/** A snapshot's memory stored without its zero pages (runtime/snapshot/sparse-memory.ts). */
import { describe, expect, it } from 'vitest';
import { dense, sparse } from '../../../runtime/snapshot/sparse-memory';

const PAGE = 65536;

describe('sparse memory', () => {
  it('keeps only the pages that are not all zeros, and gives the same memory back', () => {
    // Five pages and a half: zeros, data, zeros, one byte at the very end, zeros, then half a page of data.
    const memory = new Uint8Array(5.5 * PAGE);
    memory.fill(7, PAGE, 2 * PAGE);
    memory[4 * PAGE - 1] = 1;
    memory.fill(9, 5 * PAGE);
    const stored = sparse(memory);
    expect(stored.length).toBe(8 + 8 + 3 * 4 + 2.5 * PAGE);
    expect(Buffer.compare(dense(stored), memory)).toBe(0);
  });

  it('passes bytes that are not sparse through (an older snapshot), and refuses a damaged one', () => {
    const plain = new Uint8Array([1, 2, 3]);
    expect(dense(plain)).toBe(plain);
    const stored = sparse(new Uint8Array(2 * PAGE).fill(5));
    expect(() => dense(stored.subarray(0, stored.length - 1))).toThrow('the snapshot is damaged');
  });
});
