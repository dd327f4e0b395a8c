/**
 * Each contract between the page's scripts, the components, the browser and the service
 * worker is spelt in one module only: the others go through it. A script that writes a
 * class name, an event's name, a storage key, Python's state attribute or a message to
 * the service worker as a literal again fails here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src/client', 'src/service-worker'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, code: withoutComments(readFileSync(join(ROOT, file), 'utf8')) }));

/** The code without its comments, which may name what they explain. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** The files (besides `owners`) whose code matches `pattern`. */
const spelt = (pattern: RegExp, owners: string[]) =>
  sources.filter(({ file, code }) => !owners.includes(file) && pattern.test(code)).map(({ file }) => file);

describe('declared once', () => {
  it('reads the scripts', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('class names of the markup: in the names modules (the timeline draws and names its own parts)', () => {
    const owners = [
      'src/client/example/dom-names.ts',
      'src/client/output/output-names.ts',
      'src/client/exercise/exercise-list-names.ts',
      'src/client/exercise/progress-names.ts',
    ];
    const timeline = sources.filter(({ file }) => file.startsWith('src/client/timeline/')).map(({ file }) => file);
    expect(
      spelt(/['"`]\.?(live-example__|live-example--|exercise__|output__|exercise-list|course-progress|is-[a-z]|wrap-code)/, [
        ...owners,
        ...timeline,
      ]),
    ).toEqual([]);
    expect(spelt(/['"`]live-example['"`]/, owners)).toEqual([]);
  });

  it('data attributes of the markup: in the names modules', () => {
    const owners = [
      'src/client/example/dom-names.ts',
      'src/client/exercise/exercise-list-names.ts',
      'src/client/timeline/timeline-view.ts',
    ];
    expect(spelt(/data-(action|example-id|legacy-index|runnable|exercise|timeline|passed|line|page|id|forget)\b/, owners)).toEqual([]);
    expect(
      spelt(/dataset\.(action|exampleId|legacyIndex|runnable|exercise|timeline|passed|page|id|forget)\b/, [
        'src/client/timeline/timeline-view.ts',
      ]),
    ).toEqual([]);
  });

  it('events: in example-events.ts', () => {
    // The Wrap event and the Wrap setting's key are the same string.
    expect(
      spelt(/new CustomEvent|'goto-line'|asyncio-live:(solved|wrap)/, [
        'src/client/example/example-events.ts',
        'src/client/storage/keys.ts',
      ]),
    ).toEqual([]);
  });

  it('storage keys, and localStorage itself: in src/client/storage/', () => {
    expect(
      spelt(/asyncio-live:(edit|solved|visited|wrap|timeline|loop-times)/, [
        'src/client/storage/keys.ts',
        'src/client/example/example-events.ts',
      ]),
    ).toEqual([]);
    expect(
      sources.filter(({ file, code }) => !file.startsWith('src/client/storage/') && /\blocalStorage\b/.test(code)).map(({ file }) => file),
    ).toEqual([]);
  });

  it("Python's state on the page: in python-state.ts", () => {
    expect(spelt(/data-python|dataset\.python/, ['src/client/page/python-state.ts'])).toEqual([]);
  });

  it('messages to the service worker: in messages.ts', () => {
    expect(spelt(/asyncio-live\/(warm|update)/, ['src/service-worker/messages.ts'])).toEqual([]);
  });
});
