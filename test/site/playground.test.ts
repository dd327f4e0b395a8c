/**
 * The playground in Chromium: Playground on a lesson's example opens its whole program
 * there (hidden setup included) and it runs as in the lesson; a notebook cell opens as a
 * cell; the practice hosts answer only when asked for; the reader's program is shared and
 * reopened by its link; the home page leads back to the example last worked on.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { assembleProgram, type ExampleData } from '../../src/fence/example-data';
import { editorText, example, finished, open } from './page-helpers';

/** The cheat sheet's Tasks program, as CPython 3.13 prints it (test/unit/playground/cheat-sheet.test.ts). */
const CPYTHON_TASKS = 'work done? False\nresult: 10\ndone? True result() 10\ncancelled: True\nready\ntasks not done: 4\nkept: 0';

const pg = (page: Page) => example(page, 'Your program');

/** The lesson's own data of an example: its code and hidden setup. */
const dataOf = (ex: Locator) => ex.evaluate((e) => JSON.parse(e.querySelector('.live-example__data')!.textContent!) as ExampleData);

/** Follow an example's Playground link (behind More on a phone), once its address carries the code. */
async function openInPlayground(page: Page, ex: Locator): Promise<void> {
  await ex.scrollIntoViewIfNeeded();
  await ex.hover();
  const link = ex.locator('a.live-example__playground');
  // Its address is made when the pointer comes to it (behind More on a phone).
  if (await ex.locator('.live-example__more').isVisible()) await ex.locator('.live-example__more').click();
  await link.hover();
  await expect.poll(() => link.getAttribute('href'), { timeout: 30_000 }).toContain('#share-playground=');
  await Promise.all([page.waitForURL(/\/playground\/(\?notebook)?#share-playground=/), link.click()]);
  await pg(page).locator('.live-example__notice', { hasText: 'This code came from a link' }).waitFor({ timeout: 30_000 });
}

describe('the playground', () => {
  it("opens a lesson example's whole program, hidden setup included, and runs it as the lesson does", async () => {
    const { page, close } = await open(inject('isolatedURL'), '/network/talking-to-the-network/');
    const lesson = example(page, 'Asking a server far away');
    const data = await dataOf(lesson);
    expect(data.before).toContain('network.host("time.example"');
    await openInPlayground(page, lesson);
    const ex = pg(page);
    // (Blank lines aside: Monaco's drawing leaves them out.)
    const lines = (text: string) => text.split('\n').filter((line) => line.trim());
    await expect.poll(async () => lines(await editorText(ex)), { timeout: 30_000 }).toEqual(lines(assembleProgram(data, data.code)));
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await finished(ex)).toBe('connected after 0.2 s\n09:00, after 0.4 s');
    // No expected output in the playground: the program is the reader's own.
    expect(await ex.locator('.live-example__expected, .output__match:not([hidden])').count()).toBe(0);
    await close();
  });

  it("opens a cheat sheet table's lines, as a program, in the playground", async () => {
    const { page, close } = await open(inject('isolatedURL'), '/reference/cheat-sheet/');
    const link = page.locator('.cheat-sheet__try a').nth(1);
    expect(await link.innerText()).toBe('▶ Run these lines in the playground');
    await Promise.all([page.waitForURL(/\/playground\/#share-playground=/), link.click()]);
    const ex = pg(page);
    await ex.locator('.live-example__notice', { hasText: 'This code came from a link' }).waitFor({ timeout: 30_000 });
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await finished(ex)).toBe(CPYTHON_TASKS);
    await close();
  });

  it('opens a notebook cell as a cell, with the notebook option on', async () => {
    const { page, close } = await open(inject('isolatedURL'), '/lessons/executing-tasks/');
    await openInPlayground(page, example(page, 'A notebook cell that awaits'));
    expect(new URL(page.url()).search).toBe('?notebook');
    await expect.poll(() => page.locator('.playground-options input[name="notebook"]').isChecked()).toBe(true);
    await pg(page).getByRole('button', { name: 'Run', exact: true }).click();
    expect(await finished(pg(page))).toBe('Square 1\nEnd square 1\n1');
    await close();
  });

  it('answers from the practice hosts only when they are on, and keeps the choice', async () => {
    const program =
      'import asyncio\n\nasync def main():\n    reader, writer = await asyncio.open_connection("echo.example", 7)\n    writer.write(b"hi\\n")\n    print(await reader.readline())\n    writer.close()\n\nasyncio.run(main())\n';
    const { shareFragment } = await import('../../src/client/share/share-link');
    const { page, close } = await open(inject('isolatedURL'), `/playground/${await shareFragment('playground', program)}`);
    const ex = pg(page);
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    await finished(ex);
    expect(await ex.locator('.output__error').innerText()).toContain('gaierror');
    await page.locator('.playground-options input[name="hosts"]').check();
    await ex.locator('.output__status').evaluate((status) => (status.textContent = ''));
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await finished(ex)).toBe("b'HI\\n'");
    expect(await page.evaluate(() => localStorage.getItem('asyncio-live:playground-hosts'))).toBe('on');
    await close();
  });

  it("shares the reader's program, reopens it from the link, and the home page leads back to it", async () => {
    const { page, context, close } = await open(inject('isolatedURL'), '/playground/');
    const ex = pg(page);
    await ex.locator('.live-example__code').click();
    const lines = ex.locator('.monaco-editor .view-lines');
    await lines.waitFor({ timeout: 30_000 });
    await lines.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('print("mine, from the playground")');
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await finished(ex)).toBe('mine, from the playground');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await ex.getByRole('button', { name: 'Share' }).click();
    const field = ex.locator('.live-example__notice-link');
    await field.waitFor();
    const link = new URL(await field.inputValue());

    // Home: the way back to the playground's example.
    await page.goto(`${inject('isolatedURL')}/`);
    const back = page.locator('.continue-work');
    await back.waitFor({ timeout: 30_000 });
    expect(await back.innerText()).toBe('Continue where you left off: Your program, in Playground');
    expect(
      new URL(await back.locator('a').evaluate((a) => (a as HTMLAnchorElement).href)).pathname +
        new URL(await back.locator('a').evaluate((a) => (a as HTMLAnchorElement).href)).hash,
    ).toBe('/playground/#example-playground');
    await close();

    // Another reader opens the link: the code is there, and runs only when they press Run.
    const second = await open(inject('isolatedURL'), link.pathname + link.hash);
    const shared = pg(second.page);
    await expect.poll(async () => (await editorText(shared)).trim(), { timeout: 30_000 }).toBe('print("mine, from the playground")');
    await shared.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await finished(shared)).toBe('mine, from the playground');
    await second.close();
  });
});
