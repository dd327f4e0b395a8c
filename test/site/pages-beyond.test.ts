/** The beyond/ pages and the cheat sheet in Chromium, each once (see visit-lessons.ts); the other half runs in parallel. */
import { describe, expect, inject, it } from 'vitest';
import { open } from './page-helpers';
import { lessonSlugs, visitLesson } from './visit-lessons';

const slugs = lessonSlugs.filter((slug) => !slug.startsWith('lessons/'));

describe('the beyond/ pages, one after another in one browser page', () => {
  it('each runs its first example and checks its exercises, with no request outside the site', async () => {
    const { page, errors, blocked, requests, close } = await open(inject('isolatedURL'), '/', { blockOutside: true });
    const solved: [string, string[]][] = [];
    for (const slug of slugs) solved.push([slug, await visitLesson(page, slug)]);
    // Solved marks are remembered: on a reload of the last page, and in storage for the others.
    await page.reload();
    expect(await page.locator('.exercise__solved:not([hidden])').count()).toBe(solved.at(-1)![1].length);
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('asyncio-live:solved:')));
    expect(keys.sort()).toEqual(solved.flatMap(([slug, ids]) => ids.map((id) => `asyncio-live:solved:/${slug}/#${id}`)).sort());
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    expect(requests.every((url) => url.startsWith(inject('isolatedURL')))).toBe(true);
    await close();
  }, 240_000);

});
