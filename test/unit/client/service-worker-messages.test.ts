import { describe, expect, it } from 'vitest';
import { readMessage, UPDATE, WARM } from '../../../src/service-worker/messages';

describe('what a page says to the service worker', () => {
  it('is read as the message it is, whatever object carried it', () => {
    expect(readMessage({ type: 'asyncio-live/warm' })).toBe(WARM);
    expect(readMessage(structuredClone(UPDATE))).toBe(UPDATE);
  });

  it('keeps its words: a page of an older build says them to a newer worker', () => {
    expect([WARM, UPDATE]).toEqual([{ type: 'asyncio-live/warm' }, { type: 'asyncio-live/update' }]);
  });

  it('is nothing when it is not one of the page’s', () => {
    for (const data of [null, undefined, 'asyncio-live/warm', 3, {}, { type: 'asyncio-live/other' }, { kind: 'asyncio-live/warm' }]) {
      expect(readMessage(data)).toBeNull();
    }
  });
});
