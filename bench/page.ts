/**
 * Page speed and weight in Chromium, against the built site: `npm run build`, then
 * `npm run bench:page`. Prints medians; asserts nothing (tests check behaviour).
 *
 * - JavaScript loaded before any interaction: ours, and in all (gzipped sizes)
 * - whether any Monaco or Pyodide byte loads before intent (it must not)
 * - layout shift when an example upgrades to the editor (must be 0)
 * - page load to runtime ready (intent given at load)
 * - click to first output, cold with where its time went, against bare Pyodide; warm;
 *   the second page of a visit (cold-start.ts)
 * - a reader who reads 3 s, then runs; the bytes before that click, and with Save-Data
 *   before any intent (reading.ts; `BEFORE=<dist>` adds an interleaved A/B)
 * - what the Python snapshot buys: runtime ready from the snapshot and from an ordinary
 *   boot (the snapshot refused), at localhost speed and over slower links
 * - floods (floods.ts): a sleep(0) spin, a print flood and 5,000 ticking tasks, each
 *   run 6 s, stopped, then drawn: the longest main-thread task, the Stop time, memory
 */
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/browser/chromium.ts';
import { serveDist } from '../test/site/serve-dist.ts';
import { benchColdStart } from './cold-start.ts';
import { benchReading } from './reading.ts';
import { benchFloods } from './floods.ts';
import { slowLink } from './slow-link.ts';

const RUNS = 5;
const PAGE = '/lessons/executing-tasks/';
const NOTEBOOK = 'The notebook version, with nest_asyncio';
// Our own client code, by chunk name; the rest is Astro's and Starlight's.
const OURS = /LiveExample|live-example|saved-edits|preload-helper|Head\.astro|workbox/;
const HEAVY = /monaco|editor\.worker|pyodide|python_stdlib|\/worker-|\.py$/;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const server = await serveDist(join(import.meta.dirname, '../dist'), true);
const browser: Browser = await launchBrowser();

async function fresh(): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

const notebook = (page: Page) => page.locator('live-example', { has: page.locator('figcaption', { hasText: NOTEBOOK }) });

// 1. What loads before any interaction.
{
  const { page, close } = await fresh();
  const scripts = new Map<string, number>();
  const heavy: string[] = [];
  page.on('response', async (response) => {
    const url = response.url();
    if (HEAVY.test(url)) heavy.push(url);
    if (response.request().resourceType() === 'script') {
      scripts.set(url, gzipSync(await response.body()).length);
    }
  });
  await page.goto(server.url + PAGE, { waitUntil: 'networkidle' });
  await page.waitForTimeout(2000);
  const ours = [...scripts].filter(([url]) => OURS.test(url));
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  console.log(
    `JavaScript before interaction: ours ${kb(ours.reduce((a, [, b]) => a + b, 0))} gzipped, all ${kb(total)} gzipped (${scripts.size} files)`,
  );
  for (const [url, size] of ours) console.log(`  ours: ${new URL(url).pathname} ${kb(size)}`);
  console.log(`Monaco or Pyodide bytes before intent: ${heavy.length === 0 ? 'none' : heavy.join(', ')}`);
  await close();
}

// 2. Layout shift when an example becomes an editor.
{
  const shifts: number[] = [];
  const heights: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { page, close } = await fresh();
    await page.goto(server.url + PAGE, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          (window as unknown as { shift: number }).shift += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift' });
    });
    const ex = notebook(page);
    const before = await ex.boundingBox();
    await ex.locator('.live-example__code').click();
    await ex.locator('.monaco-editor .view-lines').waitFor();
    await page.waitForTimeout(500);
    const after = await ex.boundingBox();
    const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
    shifts.push(shift);
    heights.push(Math.abs((after?.height ?? 0) - (before?.height ?? 0)));
    await close();
  }
  console.log(
    `Layout shift on upgrade to the editor, median of ${RUNS}: score ${median(shifts).toFixed(4)}, ` +
      `example height change ${median(heights).toFixed(1)} px`,
  );
}

// 3. Page load to runtime ready, intent given at load.
{
  const ready: number[] = [];
  const phases: Record<string, number[]> = {};
  for (let i = 0; i < RUNS; i++) {
    const { page, close } = await fresh();
    await page.goto(server.url + PAGE, { waitUntil: 'load' });
    const intent = await page.evaluate(() => performance.now());
    await notebook(page).hover();
    await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 60_000 });
    const now = await page.evaluate(() => performance.now());
    ready.push(now);
    // Where the boot's time went (the worker's own marks, from its boot request), and
    // what came before the worker was asked: the page's own scripts and files.
    const boot = JSON.parse((await page.evaluate(() => document.documentElement.dataset.pythonBootPhases)) ?? '{}') as Record<
      string,
      number
    >;
    const total = Math.max(...Object.values(boot), 0);
    phases['intent to boot request'] ??= [];
    phases['intent to boot request'].push(now - intent - total);
    for (const [phase, ms] of Object.entries(boot)) {
      phases[phase] ??= [];
      phases[phase].push(ms);
    }
    await close();
  }
  console.log(`Cold boot, where the time went (medians of ${RUNS}; the worker's steps in ms from its boot request):`);
  for (const [phase, values] of Object.entries(phases)) console.log(`  ${phase}: ${median(values).toFixed(0)} ms`);
  console.log(`Page load to runtime ready (intent at load), median of ${RUNS}: ${median(ready).toFixed(0)} ms`);
}

// 4. A reader's first click, cold and warm, against bare Pyodide; the second page (cold-start.ts).
await benchColdStart(browser, server.url);
// A reader who reads first (reading.ts); BEFORE=<an older build's dist> adds that build, interleaved.
{
  const before = process.env.BEFORE ? await serveDist(process.env.BEFORE, true) : null;
  await benchReading(browser, before ? { before: before.url, after: server.url } : { 'this build': server.url });
  await before?.close();
}

// 5. The snapshot against an ordinary boot. It adds about 6 MB to download and saves
// seconds of start-up work: worth it unless the link is slow.
{
  const readyAt = async (base: string, snapshot: boolean): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (!snapshot) await context.route('**/*.snapshot', (route) => route.fulfill({ status: 404 }));
    const page = await context.newPage();
    await page.goto(base + PAGE, { waitUntil: 'load' });
    await notebook(page).hover();
    await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 120_000 });
    const boot = await page.evaluate(() => document.documentElement.dataset.pythonBoot);
    if (boot !== (snapshot ? 'snapshot' : 'fresh')) throw new Error(`expected a ${snapshot ? 'snapshot' : 'fresh'} boot, got ${boot}`);
    const ms = await page.evaluate(() => performance.now());
    await context.close();
    return ms;
  };
  const links: [string, number | null][] = [
    ['localhost', null],
    ['100 Mbit/s', 100],
    ['20 Mbit/s', 20],
  ];
  for (const [label, speed] of links) {
    const link = speed ? await slowLink(server.url, speed) : { url: server.url, close: async () => {} };
    const runs = speed ? 3 : RUNS;
    const times: Record<string, number[]> = { snapshot: [], fresh: [] };
    for (let i = 0; i < runs; i++) {
      times.snapshot.push(await readyAt(link.url, true));
      times.fresh.push(await readyAt(link.url, false));
    }
    console.log(
      `Page load to runtime ready over ${label} (uncompressed files), median of ${runs}: ` +
        `from the snapshot ${median(times.snapshot).toFixed(0)} ms, ordinary boot ${median(times.fresh).toFixed(0)} ms`,
    );
    await link.close();
  }
}

// 6. Floods: what a hostile or runaway program costs the page.
await benchFloods(browser, server.url);
// And at a phone's speed.
await benchFloods(browser, server.url, 4);

await browser.close();
await server.close();
