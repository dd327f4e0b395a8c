/**
 * Where the page answers `input()` (protocol's INPUT): a SharedArrayBuffer the worker
 * blocks on, so it needs a cross-origin isolated page.
 */
import { INPUT } from '../protocol/index.ts';

/** A buffer for a worker's `input()` answers: the state, the answer's length, its bytes. */
export function createInputBuffer(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(INPUT.BYTES_AT + INPUT.MAX_BYTES));
}

/** Answer the `input()` the worker waits in with `text`. */
export function answerInput(buffer: Int32Array, text: string): void {
  write(buffer, INPUT.ANSWERED, text);
}

/** Wake the worker waiting in `input()`, saying the reader stopped the run. */
export function stopWaitingForInput(buffer: Int32Array): void {
  write(buffer, INPUT.STOPPED, '');
}

/**
 * Writes an answer where the worker waits, then wakes it. An answer longer than the
 * buffer is cut at a character's edge.
 */
function write(buffer: Int32Array, state: number, text: string): void {
  // Encoded apart first: an encoder does not write into shared memory (Chromium refuses).
  const encoded = new Uint8Array(INPUT.MAX_BYTES);
  const { written } = new TextEncoder().encodeInto(text, encoded);
  new Uint8Array(buffer.buffer, INPUT.BYTES_AT, INPUT.MAX_BYTES).set(encoded.subarray(0, written));
  Atomics.store(buffer, 1, written);
  Atomics.store(buffer, 0, state);
  Atomics.notify(buffer, 0);
}
