/**
 * Python's state on the page's root element: the site tests and the page benchmark wait
 * on these attributes, so their names and values are the contract.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pythonState, reportBoot, setPythonState, whenNotBooting } from '../../../src/client/page/python-state';

let attributes: Map<string, string>;

beforeEach(() => {
  attributes = new Map();
  const documentElement = {
    getAttribute: (name: string) => attributes.get(name) ?? null,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
  };
  vi.stubGlobal('document', { documentElement });
});
afterEach(() => vi.unstubAllGlobals());

describe("Python's state", () => {
  it('is absent before the first intent, then as set, on data-python', () => {
    expect(pythonState()).toBeNull();
    setPythonState('booting');
    expect(attributes.get('data-python')).toBe('booting');
    expect(pythonState()).toBe('booting');
    setPythonState('ready');
    expect(pythonState()).toBe('ready');
  });

  it('is nothing it does not know', () => {
    attributes.set('data-python', 'maybe');
    expect(pythonState()).toBeNull();
  });

  it('tells how the boot went', () => {
    reportBoot({ bootMs: 900, fromSnapshot: true });
    expect(Object.fromEntries(attributes)).toEqual({
      'data-python-boot': 'snapshot',
      'data-python-boot-phases': '{}',
      'data-python-boot-timing': 'null',
    });
  });

  it('is waited on only while Python boots', async () => {
    setPythonState('ready');
    await expect(whenNotBooting()).resolves.toBeUndefined();
  });
});
