/** When Python starts before the reader asks (src/client/page/boot-policy.ts). */
import { describe, expect, it } from 'vitest';
import { bootsEarly } from '../../../src/client/page/boot-policy';

describe('starting Python while the reader reads', () => {
  it('is the default on a fast connection and a device of 2 GB or more, or when the browser says nothing', () => {
    expect(bootsEarly({}, null)).toBe(true);
    expect(bootsEarly({ saveData: false, effectiveType: '4g', deviceMemory: 2 }, null)).toBe(true);
  });

  it.each([
    ['Save-Data', { saveData: true, effectiveType: '4g' }],
    ['a 3g connection', { effectiveType: '3g' }],
    ['a 2g connection', { effectiveType: '2g' }],
    ['slow-2g', { effectiveType: 'slow-2g' }],
    ['a device under 2 GB', { deviceMemory: 1 }],
  ])('waits for the first intent with %s', (_, hints) => {
    expect(bootsEarly(hints, null)).toBe(false);
  });

  it("follows the reader's own choice, both ways", () => {
    expect(bootsEarly({ saveData: true }, true)).toBe(true);
    expect(bootsEarly({ effectiveType: '4g', deviceMemory: 8 }, false)).toBe(false);
  });
});
