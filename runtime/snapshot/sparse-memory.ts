/**
 * A memory snapshot without its zero pages. Two thirds of the interpreter's 31 MB are
 * zeros, 227 of its 480 pages of 64 KB wholly so; gzip makes them small on the wire
 * anyway, but the browser still had to inflate every one of them, on the thread that
 * boots Python. Stored sparse, the snapshot inflates to the 16 MB that are not zeros,
 * and the zeros come free with the new memory they are copied into.
 *
 * Layout: the magic "asparse1", the memory's length and its page count (u32, little
 * endian), the index of each page kept (u32), then those pages in that order.
 */
const MAGIC = new TextEncoder().encode('asparse1');
const PAGE = 65536;

export function sparse(memory: Uint8Array): Uint8Array {
  const kept: number[] = [];
  for (let index = 0; index * PAGE < memory.length; index++) {
    if (!allZero(memory.subarray(index * PAGE, (index + 1) * PAGE))) kept.push(index);
  }
  const header = MAGIC.length + 8 + kept.length * 4;
  const pageBytes = kept.reduce((total, index) => total + Math.min(PAGE, memory.length - index * PAGE), 0);
  const out = new Uint8Array(header + pageBytes);
  out.set(MAGIC);
  const view = new DataView(out.buffer);
  view.setUint32(MAGIC.length, memory.length, true);
  view.setUint32(MAGIC.length + 4, kept.length, true);
  let at = header;
  for (const [i, index] of kept.entries()) {
    view.setUint32(MAGIC.length + 8 + i * 4, index, true);
    const page = memory.subarray(index * PAGE, (index + 1) * PAGE);
    out.set(page, at);
    at += page.length;
  }
  return out;
}

function allZero(bytes: Uint8Array): boolean {
  // Four bytes at a time where the bytes are aligned to allow it (a memory always is).
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : new Uint32Array();
  for (const word of words) if (word !== 0) return false;
  for (let i = words.length * 4; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** The whole memory again; bytes that are not sparse (an older snapshot) are returned as they are. */
export function dense(data: Uint8Array): Uint8Array {
  if (data.length < MAGIC.length + 8 || MAGIC.some((byte, i) => data[i] !== byte)) return data;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const length = view.getUint32(MAGIC.length, true);
  const count = view.getUint32(MAGIC.length + 4, true);
  const memory = new Uint8Array(length);
  let at = MAGIC.length + 8 + count * 4;
  for (let i = 0; i < count; i++) {
    const index = view.getUint32(MAGIC.length + 8 + i * 4, true);
    const size = Math.min(PAGE, length - index * PAGE);
    if (size <= 0 || at + size > data.length) throw new Error('the snapshot is damaged: a page lies outside it');
    memory.set(data.subarray(at, at + size), index * PAGE);
    at += size;
  }
  if (at !== data.length) throw new Error('the snapshot is damaged: its pages do not fill it');
  return memory;
}
