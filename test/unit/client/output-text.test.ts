import { describe, expect, it } from 'vitest';
import { CODE_LIMITS, withinCodeLimits } from '../../../src/client/storage/code-limits';
import { MAX_DRAWN_LINE, drawnLine, drawnText } from '../../../src/client/output/output-text';

describe('a line of output as the page draws it', () => {
  it('is the line itself when it is short, its newline kept', () => {
    expect(drawnLine('Square 1\n')).toBe('Square 1\n');
    expect(drawnLine('partial')).toBe('partial');
  });

  it('is cut past MAX_DRAWN_LINE characters, saying how many more there are', () => {
    const drawn = drawnLine(`${'z'.repeat(990_000)}\n`);
    expect(drawn.startsWith(`${'z'.repeat(MAX_DRAWN_LINE)} … (988,000 more characters on this line`)).toBe(true);
    expect(drawn.endsWith(')\n')).toBe(true);
  });

  it('keeps 30 combining marks on a character, as Unicode’s stream-safe format does', () => {
    expect(drawnLine(`a${'\u0301'.repeat(50)}b`)).toBe(`a${'\u0301'.repeat(30)}…b`);
    expect(drawnLine(`e${'\u0301'.repeat(30)}`)).toBe(`e${'\u0301'.repeat(30)}`);
  });

  it('does the same line by line for a text of several lines', () => {
    expect(drawnText(`one\n${'x'.repeat(MAX_DRAWN_LINE + 1)}\nthree`)).toBe(
      `one\n${'x'.repeat(MAX_DRAWN_LINE)} … (1 more character on this line: Copy output has them)\nthree`,
    );
  });
});

describe('the limits of code from outside the page', () => {
  it('takes up to 2,000 lines and 50,000 characters', () => {
    expect(withinCodeLimits('print(1)\n'.repeat(CODE_LIMITS.lines - 1))).toBe(true);
    expect(withinCodeLimits('pass\n'.repeat(CODE_LIMITS.lines))).toBe(false);
    expect(withinCodeLimits('#'.repeat(CODE_LIMITS.chars + 1))).toBe(false);
  });
});
