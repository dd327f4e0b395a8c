/**
 * Screenshots of every page for a person to look at: light and dark, desktop and a
 * 390 px phone, and with JavaScript off. Serve the built site first (`npm start`), then:
 *   npm run screenshots [-- http://127.0.0.1:4321 [part-of-a-path]]
 * Pictures go to test-results/screenshots/ (not committed); the README's picture of a
 * run, to test/browser/lesson-page.png.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './chromium.ts';
import { sidebar } from '../../src/sidebar.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:4321';
const only = process.argv[3];
const pages = [
  '/',
  ...sidebar.flatMap((group) => ('items' in group ? (group.items ?? []).map((item) => `/${item.slug}/`) : [])),
  '/no-such-page/',
].filter((path) => !only || path.includes(only));
const out = 'test-results/screenshots';
mkdirSync(out, { recursive: true });

for (const javaScript of [true, false]) {
  const context = await launchChromium({ javaScript });
  const tab = await context.newPage();
  for (const theme of javaScript ? ['light', 'dark'] : ['dark']) {
    for (const [device, width, height] of [
      ['desktop', 1280, 900],
      ['phone', 390, 844],
    ] as const) {
      await tab.setViewportSize({ width, height });
      for (const path of pages) {
        if (javaScript) await tab.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
        await tab.goto(base + path, { waitUntil: 'networkidle' });
        const name = `${path.replace(/\//g, '_') || 'home'}-${theme}-${device}${javaScript ? '' : '-nojs'}`;
        await tab.screenshot({ path: `${out}/${name}.png`, fullPage: true });
      }
    }
  }
  await context.close();
}
// The README's picture: a lesson, an example just run, its output and its timeline.
{
  const context = await launchChromium();
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 1280, height: 1360 });
  await tab.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
  await tab.goto(`${base}/lessons/executing-tasks/`, { waitUntil: 'networkidle' });
  const example = tab.locator('live-example', { has: tab.locator('figcaption', { hasText: 'Three squares in one second' }) });
  await example.getByRole('button', { name: 'Run' }).click();
  await example.locator('.timeline svg').waitFor({ timeout: 60_000 });
  await example.evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 190));
  await tab.waitForTimeout(500);
  await tab.screenshot({ path: 'test/browser/lesson-page.png' });
  await context.close();
}
console.log(`screenshots in ${out}/, and the README's picture in test/browser/lesson-page.png`);
