import { describe, expect, it } from 'vitest';
import { compareWithPrediction } from '../../../src/client/prediction';

describe('a surprise example compares the reader’s prediction with what it prints', () => {
  const expected = 'eager starts\nboth created\nlazy starts';

  it('says nothing when the reader wrote nothing', () => {
    expect(compareWithPrediction('  \n', expected)).toBe('');
  });

  it('matches line by line, blank lines and surrounding spaces aside', () => {
    expect(compareWithPrediction(' eager starts\n\nboth created \nlazy starts\n', expected)).toBe('Your prediction matches.');
  });

  it('names the first line that differs, and what the program prints there', () => {
    expect(compareWithPrediction('both created\neager starts', expected)).toBe(
      'Your prediction differs from line 1 on: the program prints "eager starts" there.',
    );
    expect(compareWithPrediction('eager starts\nboth created', expected)).toBe(
      'Your prediction differs from line 3 on: the program prints "lazy starts" there.',
    );
    expect(compareWithPrediction(`${expected}\nlazy ends`, expected)).toBe('Your prediction has 1 line(s) more than the program prints.');
  });
});
