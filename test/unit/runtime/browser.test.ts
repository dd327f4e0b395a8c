import { describe, expect, it } from 'vitest';
import { PYTHON_FILE_URLS } from '../../../runtime/page/python-files';
import { pythonFiles } from '../../../runtime/node/node-runtime';

describe('the browser runtime', () => {
  it('ships every file of the Python package, and only those', () => {
    expect(Object.keys(PYTHON_FILE_URLS).sort()).toEqual(Object.keys(pythonFiles()).sort());
    for (const [path, url] of Object.entries(PYTHON_FILE_URLS)) expect(url.pathname.endsWith(`/runtime/python/${path}`)).toBe(true);
  });
});
