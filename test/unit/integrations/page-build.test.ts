import { describe, expect, it } from 'vitest';
import { buildName, nameBuild } from '../../../src/integrations/page-build';

describe('the build named in every page', () => {
  it('is the same for the same files in any order, and another for other files', () => {
    expect(buildName(['a.1.js', 'b.2.css'])).toBe(buildName(['b.2.css', 'a.1.js']));
    expect(buildName(['a.1.js', 'b.2.css'])).not.toBe(buildName(['a.3.js', 'b.2.css']));
  });

  it('goes in the head once', () => {
    const named = nameBuild('<html><head><title>x</title></head><body></body></html>', 'abc');
    expect(named).toBe('<html><head><title>x</title><meta name="asyncio-live-build" content="abc"></head><body></body></html>');
    expect(nameBuild(named, 'def')).toBe(named);
  });
});
