/**
 * Live examples in Chromium where a reader's visit differs: with JavaScript off, on a
 * host that sends no isolation headers (Stop ends the worker), and on a touch device.
 * (One reader's visit to one page is reader-visit.test.ts.)
 */
import { describe, expect, inject, it } from 'vitest';
import { example, finished, open, resetAndRun, spinThenStop } from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const NOTEBOOK = 'The notebook version, with nest_asyncio';
const SQUARING = 'Squaring a number, slowly';
const SQUARING_OUTPUT = 'Square 1\nEnd square 1\n1';

describe('live examples in Chromium, elsewhere', () => {
  it('with JavaScript off, shows the code and expected output, and no buttons', async () => {
    const { page, close } = await open(inject('isolatedURL'), PAGE, { javaScript: false });
    const ex = example(page, NOTEBOOK);
    await expect(ex.locator('.live-example__code').innerText()).resolves.toContain('nest_asyncio.apply()');
    await expect(ex.locator('.live-example__expected pre').innerText()).resolves.toBe(SQUARING_OUTPUT);
    expect(await page.locator('live-example button:visible').count()).toBe(0);
    await close();
  });

  it('stops while True: pass without isolation by replacing the worker, and the next run works', async () => {
    const { page, close } = await open(inject('plainURL'), PAGE);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const ex = example(page, SQUARING);
    await spinThenStop(page, ex);
    expect(await resetAndRun(ex)).toBe(SQUARING_OUTPUT);
    await close();
  });

  it('gives touch devices a plain editor, opened by a tap into the code, not by Run', async () => {
    const { page, close } = await open(inject('isolatedURL'), PAGE, { touch: true });
    const ex = example(page, SQUARING);
    // Run keeps the highlighted code: the plain editor has no colours.
    await ex.getByRole('button', { name: 'Run' }).tap();
    expect(await finished(ex)).toBe(SQUARING_OUTPUT);
    expect(await ex.locator('.live-example__code pre.shiki, .live-example__code pre').count()).toBeGreaterThan(0);
    expect(await ex.locator('textarea.live-example__textarea').count()).toBe(0);
    await ex.locator('.live-example__code').tap();
    await ex.locator('textarea.live-example__textarea').waitFor();
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    await close();
  });
});
