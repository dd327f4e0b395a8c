/** The lessons/ pages in Chromium, each once (see visit-lessons.ts); the other pages are another file, run alongside. */
import { describe } from 'vitest';
import { lessonSlugs, visitEachLesson } from './visit-lessons';

describe('The lessons/ pages, one after another in one browser page', () => {
  visitEachLesson(lessonSlugs.filter((slug) => slug.startsWith('lessons/')));
});
