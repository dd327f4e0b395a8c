import { describe, expect, it } from 'vitest';
import { compareWithPrediction, whereItDiffers } from '../../../src/client/exercise/prediction';

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

describe("where a predict exercise's wrong prediction parts from the output, without giving it away", () => {
  const printed = 'start\ncup 1 poured\ncup 2 poured\neggs on\n';

  it('says nothing when they agree (blank lines and spaces aside)', () => {
    expect(whereItDiffers(' start\n\ncup 1 poured\ncup 2 poured\neggs on ', printed)).toBe('');
  });

  it('names the first line that is wrong, never what the program printed', () => {
    expect(whereItDiffers('eggs on\nstart', printed)).toBe('Your first line is not what the program prints first.');
    const third = whereItDiffers('start\ncup 1 poured\neggs on\ncup 2 poured', printed);
    expect(third).toBe('Your first 2 lines are right; line 3 is not what the program prints there.');
    expect(third).not.toContain('cup 2');
  });

  it('counts lines missing and lines too many', () => {
    expect(whereItDiffers('start', printed)).toBe('Your first line is right, but the program prints more.');
    expect(whereItDiffers(`${printed}done`, printed)).toBe('Your prediction has one line more than the program prints.');
    expect(whereItDiffers(`${printed}a\nb`, printed)).toBe('Your prediction has 2 lines more than the program prints.');
  });
});
