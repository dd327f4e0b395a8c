/** The beyond/ and network/ pages and the cheat sheet in Chromium, each once (see visit-lessons.ts); the other pages are another file, run alongside. */
import { describe } from 'vitest';
import { lessonSlugs, visitEachLesson } from './visit-lessons';

describe('The beyond/ and network/ pages and the cheat sheet, one after another in one browser page', () => {
  visitEachLesson(lessonSlugs.filter((slug) => !slug.startsWith('lessons/')));
});
