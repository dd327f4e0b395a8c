import { describe, expect, it } from 'vitest';
import { describeMatch, matchOutput } from '../../../src/client/output/output-match';

describe('a run’s output against the expected output', () => {
  it('matches line by line, a time within 0.1 s counting as the same', () => {
    expect(matchOutput('Square 1\nbeat at 1.05 s', 'Square 1\nbeat at 1.0 s')).toEqual({ matches: true });
    expect(matchOutput('', '')).toEqual({ matches: true });
  });

  it('names the first line that differs, or the one missing or extra', () => {
    expect(matchOutput('a\nc', 'a\nb')).toEqual({ matches: false, line: 2, expected: 'b', printed: 'c' });
    expect(matchOutput('beat at 1.3 s', 'beat at 1.0 s')).toMatchObject({ matches: false, line: 1 });
    expect(matchOutput('a', 'a\nb')).toEqual({ matches: false, line: 2, expected: 'b', printed: null });
    expect(matchOutput('a\nb', 'a')).toEqual({ matches: false, line: 2, expected: null, printed: 'b' });
  });

  it('says so in words', () => {
    expect(describeMatch({ matches: true })).toBe('✓ Matches the expected output.');
    expect(describeMatch(matchOutput('a\nc', 'a\nb'))).toBe(
      'Differs from the expected output at output line 2: the lesson shows "b", this run printed "c".',
    );
    // A run that ended in an error: the error is named, not quoted again (the pane shows it).
    const error = { line: "NameError: name 'x' is not defined", type: 'NameError' };
    expect(describeMatch(matchOutput(`a\n${error.line}`, 'a\nb'), error)).toBe(
      'Differs from the expected output: this run ended with NameError at output line 2, where the lesson shows "b".',
    );
    expect(describeMatch(matchOutput(`a\nb\n${error.line}`, 'a\nb'), error)).toBe(
      'Differs from the expected output: this run ended with NameError after output line 2.',
    );
    expect(describeMatch(matchOutput('a', 'a\nb'))).toBe(
      'Differs from the expected output: it ends before output line 2, where the lesson shows "b".',
    );
  });
});
