/**
 * The names the components, the scripts and the style sheets share are declared once
 * (src/client/example/dom-names.ts and its neighbours). The components and the scripts
 * use the declarations, so they cannot drift apart; the style sheets keep literal class
 * names, so these tests hold them together: a name renamed on one side fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUTTON_ACTIONS } from '../../../src/client/example/actions';
import * as dom from '../../../src/client/example/dom-names';
import { EXERCISE_LIST } from '../../../src/client/exercise/exercise-list-names';
import { PROGRESS } from '../../../src/client/exercise/progress-names';
import { OUTPUT } from '../../../src/client/output/output-names';
import { EXAMPLE_RECORDS } from '../../../src/client/storage/keys';

const ROOT = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every group of class names, by the name the sources use for it. */
const GROUPS: Record<string, Record<string, string>> = {
  EXAMPLE: dom.EXAMPLE,
  RUN_BAR: dom.RUN_BAR,
  NOTICE: dom.NOTICE,
  CODE: dom.CODE,
  EXPECTED: dom.EXPECTED,
  EXERCISE: dom.EXERCISE,
  MICROSCOPE: dom.MICROSCOPE,
  STATE: dom.STATE,
  OUTPUT,
  EXERCISE_LIST,
  PROGRESS,
};
const declared = new Set(Object.values(GROUPS).flatMap((group) => Object.values(group)));

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
const css = withoutComments(read('src/styles/live-example.css') + read('src/styles/lesson.css'));
const styled = new Set([...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map(([, name]) => name));

/**
 * Names no style sheet styles: the scripts or the site tests find the part by them, or
 * they only mark it. Each is listed, so a name that drifts from here fails as well.
 */
const UNSTYLED = new Set([
  'live-example__announce', // button-feedback.ts says a press's result in it
  'live-example__hint', // the editor's label takes its text
  'live-example__data', // the example's JSON, read by the session
  'live-example__editor-status', // the editor's download says its state in it
  'live-example__undo', // the session gives Undo the focus after a Reset
  'live-example__badge--cell', // marks the notebook cell badge
  'exercise__hint', // a hint's disclosure (the site tests open them)
  'exercise__verdict-message', // the verdict's words, set by exercise.ts
  'output__input-label', // marks the label of input()'s box
  'output__timeline-toggle', // the pane finds its timeline checkbox by it
  'exercise-list__page', // marks one page's exercises
  'exercise-list__done', // marks a solved exercise's item
  'exercise-list__reset-said', // what Start over did, said
  'microscope__ran', // the microscope's lists, found by the view to fill (styled as a group)
  'microscope__tasks',
  'microscope__ready',
  'microscope__timers',
  'microscope__io',
]);

describe('the names the markup and the scripts share', () => {
  it('are each styled by src/styles/, or one of the few names only scripts find', () => {
    const neither = [...declared].filter((name) => !styled.has(name) && !UNSTYLED.has(name));
    expect(neither).toEqual([]);
    // The list stays true: a name styled after all leaves it.
    expect([...UNSTYLED].filter((name) => !declared.has(name) || styled.has(name))).toEqual([]);
  });

  it('cover every class of ours the style sheets style', () => {
    const ours = [...styled].filter((name) => /^(live-example|exercise|output__|is-|course-progress|wrap-code|microscope)/.test(name));
    expect(ours.length).toBeGreaterThan(50);
    expect(ours.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('are not declared twice', () => {
    const names = Object.values(GROUPS).flatMap((group) => Object.values(group));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('give typed selectors', () => {
    expect(dom.selector(dom.CODE.box)).toBe('.live-example__code');
    expect(dom.actionButton('run')).toBe('button[data-action="run"]');
    expect(dom.actionAttribute('wrap')).toEqual({ 'data-action': 'wrap' });
    expect(dom.captionId('example-x')).toBe('example-x-label');
    expect(dom.CAPTION_TEXT).toBe('figcaption > span[id$="-label"]');
  });
});

describe('the components', () => {
  const components = readdirSync(join(ROOT, 'src/components'))
    .filter((file) => file.endsWith('.astro'))
    .map((file) => [file, read(`src/components/${file}`)] as const);

  // Nothing type-checks .astro files (tsc reads only .ts): a misspelt name would render no class at all.
  it('name only classes that are declared', () => {
    const uses = components.flatMap(([file, text]) =>
      [...text.matchAll(/\b([A-Z][A-Z_]+)\.(\w+)\b/g)]
        .filter(([, group]) => group in GROUPS)
        .map(([use, group, key]) => ({ file, use, group, key })),
    );
    expect(uses.length).toBeGreaterThan(60);
    expect(uses.filter(({ group, key }) => GROUPS[group][key] === undefined).map(({ file, use }) => `${file}: ${use}`)).toEqual([]);
  });

  it('mark buttons with actions and records that exist', () => {
    const marked = (helper: string) =>
      components.flatMap(([, text]) => [...text.matchAll(new RegExp(`${helper}\\('([^']*)'\\)`, 'g'))].map(([, name]) => name));
    expect(marked('actionAttribute').filter((action) => !(BUTTON_ACTIONS as readonly string[]).includes(action))).toEqual([]);
    expect(marked('actionAttribute').length).toBeGreaterThan(10);
    expect(marked('forgetAttribute').filter((record) => !(EXAMPLE_RECORDS as readonly string[]).includes(record))).toEqual([]);
  });

  it('write no class of ours as a literal, and the element the scripts define', () => {
    const literal = /class(?::list)?=(?:"|\{\[?\s*')[^"']*\b(live-example|exercise|output__|course-progress)/;
    expect(components.filter(([, text]) => literal.test(text)).map(([file]) => file)).toEqual([]);
    expect(read('src/components/LiveExample.astro')).toContain(`<${dom.EXAMPLE_TAG}\n`);
  });
});
