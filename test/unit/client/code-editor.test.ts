import { describe, expect, it } from 'vitest';
import { escapeThenTab } from '../../../src/client/editor/code-editor';

const keys = (...events: [string, boolean?][]) => {
  const leave = escapeThenTab();
  return events.map(([key, shiftKey = false]) => leave({ key, shiftKey }));
};

describe('Escape then Tab leaves the editor', () => {
  it('forwards with Tab, backwards with Shift+Tab (pressing Shift keeps the Escape)', () => {
    expect(keys(['Escape'], ['Tab'])).toEqual([null, 'next']);
    expect(keys(['Escape'], ['Shift', true], ['Tab', true])).toEqual([null, null, 'previous']);
  });

  it('indents with Tab alone, or after another key came between', () => {
    expect(keys(['Tab'])).toEqual([null]);
    expect(keys(['Escape'], ['a'], ['Tab'])).toEqual([null, null, null]);
  });
});
