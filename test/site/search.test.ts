/**
 * Search in Chromium, on the production build: the box opens, Pagefind's index loads
 * under the page's Content Security Policy, and a query finds the lesson that holds it.
 */
import { describe, expect, inject, it } from 'vitest';
import { open } from './page-helpers';

describe('search', () => {
  it('finds the lesson that explains nest_asyncio, with no policy refusal and no page error', async () => {
    const { page, close, errors } = await open(inject('isolatedURL'), '/lessons/synchronous-programming/');
    await page.getByRole('button', { name: 'Search' }).first().click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('.pagefind-ui__search-input').fill('nest_asyncio');
    const hit = dialog.locator('a[href*="/lessons/executing-tasks/"]').first();
    await hit.waitFor({ timeout: 20_000 });
    expect(await dialog.innerText()).not.toContain('only available in production builds');
    await Promise.all([page.waitForURL(/\/lessons\/executing-tasks\//), hit.click()]);
    expect(errors).toEqual([]);
    await close();
  });
});
