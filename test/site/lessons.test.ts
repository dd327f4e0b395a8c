import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { collectExamples } from '../../src/fence/collect-fences';
import { legacyIndex } from '../../src/fence/legacy-indexes';
import type { Example } from '../../src/fence/parse-fence';
import { sidebar } from '../../src/sidebar';
import { CONTENT, DIST, page } from './dist';

/** The lesson pages in course order, as the sidebar lists them. */
const lessons = sidebar.flatMap((group) => ('items' in group ? (group.items ?? []).map((item) => item.slug) : []));
/** The pages that mirror the source lesson: the sidebar's first group. */
const mirrored = lessons.slice(0, 4);

/**
 * Each section of the source lesson and the page and heading that now hold it.
 * The source lesson is the course's origin: none of its sections may go missing.
 */
const SOURCE_SECTIONS: Record<string, [string, string]> = {
  'Synchronous Programming': ['lessons/synchronous-programming', 'one-line-after-another'],
  'Why Asynchronous Programming': ['lessons/why-asynchronous-programming', 'concurrency'],
  Concurrency: ['lessons/why-asynchronous-programming', 'concurrency'],
  'Minimum Memory Usage': ['lessons/why-asynchronous-programming', 'minimum-memory-usage'],
  'Write an asynchronous code': ['lessons/writing-asynchronous-code', 'the-three-components'],
  Components: ['lessons/writing-asynchronous-code', 'the-three-components'],
  Coroutine: ['lessons/writing-asynchronous-code', 'coroutines'],
  'Event Loop': ['lessons/writing-asynchronous-code', 'the-event-loop'],
  Future: ['lessons/writing-asynchronous-code', 'futures'],
  'Execute Single and Multiple Tasks': ['lessons/executing-tasks', 'calling-now-running-later'],
  'Co-operative Multitasking': ['lessons/executing-tasks', 'co-operative-multitasking'],
  'Execute a single task': ['lessons/executing-tasks', 'executing-a-single-task'],
  'The notebook example': ['lessons/executing-tasks', 'in-a-jupyter-notebook'],
  'Multiple tasks (promised by the title)': ['lessons/executing-tasks', 'executing-multiple-tasks'],
};

const built = (slug: string) => page(`${slug}/index.html`);
const source = (slug: string) => readFileSync(join(CONTENT, `${slug}.mdx`), 'utf8');

/** The python fences of a lesson, parsed as the build parses them. */
function examplesOf(slug: string): Example[] {
  return collectExamples(join(CONTENT, `${slug}.mdx`)).map(({ example }) => example);
}

describe('lesson pages', () => {
  it('the sidebar lists the four lessons of the source in its order, first', () => {
    expect(mirrored).toEqual([
      'lessons/synchronous-programming',
      'lessons/why-asynchronous-programming',
      'lessons/writing-asynchronous-code',
      'lessons/executing-tasks',
    ]);
    const links = built(lessons[0])
      .querySelectorAll('nav.sidebar a')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/', ...lessons.map((slug) => `/${slug}/`), '/playground/']);
  });

  it.each(Object.entries(SOURCE_SECTIONS))('source section "%s" has its page and heading', (_name, [slug, id]) => {
    expect(built(slug).getElementById(id)?.tagName).toMatch(/^H[23]$/);
  });

  it.each(lessons)('%s has every heading of its MDX, and a table of contents linking them', (slug) => {
    const slugger = new GithubSlugger();
    const ids = [...source(slug).matchAll(/^#{2,3} (.+)$/gm)].map(([, text]) => slugger.slug(text.replace(/`/g, '')));
    expect(ids.length).toBeGreaterThan(1);
    const toc = built(slug)
      .querySelectorAll('starlight-toc a')
      .map((a) => a.getAttribute('href'));
    for (const id of ids) {
      expect(built(slug).getElementById(id), `#${id}`).not.toBeNull();
      expect(toc).toContain(`#${id}`);
    }
  });

  it.each(lessons)('%s shows each python fence as highlighted code with its output', (slug) => {
    const examples = examplesOf(slug);
    const ids = collectExamples(join(CONTENT, `${slug}.mdx`)).map(({ id }) => id);
    const elements = built(slug).querySelectorAll('live-example');
    expect(elements).toHaveLength(examples.length);
    examples.forEach((example, i) => {
      const figure = elements[i];
      const code = figure.querySelector('.live-example__code pre.shiki');
      expect(code, `example ${i + 1}`).not.toBeNull();
      // Highlighted: coloured spans for both themes, and the code's text intact.
      const coloured = code!.querySelectorAll('span').filter((span) => span.getAttribute('style')?.includes('--shiki-dark:'));
      expect(coloured.length).toBeGreaterThan(0);
      expect(code!.textContent).toBe(example.code);
      if (example.title) expect(figure.querySelector('figcaption')!.textContent).toContain(example.title);
      const output = figure.querySelector('.live-example__expected pre');
      if (example.expected) expect(output?.textContent).toBe(example.expected);
      const hidden = figure.querySelector('details.live-example__setup');
      expect(hidden !== null).toBe(example.before !== '' || example.after !== '');
      expect(figure.getAttribute('data-runnable')).toBe(example.norun === null ? 'true' : 'false');
      // Known by its stable id (links, saved edits), and by its position before ids.
      expect(figure.getAttribute('data-example-id')).toBe(ids[i]);
      expect(figure.getAttribute('id')).toBe(`example-${ids[i]}`);
      // Pages written after ids came have no older positions to keep.
      const legacy = legacyIndex(`content/${slug}.mdx`, ids[i]);
      expect(figure.getAttribute('data-legacy-index')).toBe(legacy === null ? undefined : String(legacy));
      // No dead buttons without JavaScript: the run bar starts hidden.
      if (example.norun === null) expect(figure.querySelector('.live-example__actions')?.hasAttribute('hidden')).toBe(true);
      if (example.exercise) {
        // Hints and the solution read without JavaScript, behind disclosures; the
        // prediction box and the verdict need JavaScript to mean anything, so start hidden.
        const { kind, hints, solution } = example.exercise;
        expect(figure.getAttribute('data-exercise')).toBe(kind);
        expect(figure.querySelectorAll('details.exercise__hint')).toHaveLength(hints.length);
        expect(figure.querySelector('details.exercise__solution')?.textContent).toContain(solution.split('\n')[0]);
        expect(figure.querySelector('.exercise__prediction')?.hasAttribute('hidden') ?? true).toBe(true);
        expect(figure.querySelector('.exercise__verdict')?.hasAttribute('hidden')).toBe(true);
        expect(figure.querySelector('button[data-action="solution"]')?.hasAttribute('hidden') ?? kind === 'predict').toBe(true);
        expect(figure.querySelector('.live-example__expected')).toBeNull();
      }
    });
  });

  it('every lesson page has two or more exercises of at least two kinds, every page of the sidebar reached by the Next links of the course walk (course-walk.test.ts)', () => {
    const kinds = (slug: string) => new Set(examplesOf(slug).flatMap((example) => (example.exercise ? [example.exercise.kind] : [])));
    const withExercises = lessons.filter((slug) => kinds(slug).size >= 2);
    expect(withExercises).toEqual(lessons.filter((slug) => /^(lessons|beyond|network|os)\//.test(slug)));
    expect(lessons.filter((slug) => !/^(lessons|beyond|network|os)\//.test(slug))).toEqual([
      'reference/cheat-sheet',
      'reference/exercises',
    ]);
  });

  it.each(lessons)('%s links to the previous and next lesson', (slug) => {
    const i = lessons.indexOf(slug);
    const pagination = built(slug).querySelector('.pagination-links');
    const hrefs = pagination?.querySelectorAll('a').map((a) => a.getAttribute('href')) ?? [];
    if (i > 0) expect(hrefs).toContain(`/${lessons[i - 1]}/`);
    if (i < lessons.length - 1) expect(hrefs).toContain(`/${lessons[i + 1]}/`);
  });
});

describe('the site around the lessons', () => {
  it('the landing page says what the site is and where to start', () => {
    const home = page('index.html');
    expect(home.querySelector('title')?.textContent).toContain('asyncio-live');
    expect(home.querySelector('.hero a[href="/lessons/synchronous-programming/"]')).not.toBeNull();
    expect(home.getElementById('how-the-examples-work')).not.toBeNull();
  });

  it('has a 404 page that leads back to the lessons', () => {
    const notFound = page('404.html');
    expect(notFound.querySelector('h1')?.textContent).toBe('Page not found');
    expect(notFound.querySelector('a[href="/lessons/synchronous-programming/"]')).not.toBeNull();
  });

  it('has a search index, a search box and a theme switch', () => {
    expect(existsSync(join(DIST, 'pagefind/pagefind.js'))).toBe(true);
    const lesson = built(lessons[0]);
    expect(lesson.querySelector('site-search')).not.toBeNull();
    expect(lesson.querySelector('starlight-theme-select')).not.toBeNull();
  });
});
