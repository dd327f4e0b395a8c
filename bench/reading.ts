/**
 * A reader who reads before pressing Run (part of `npm run bench:page`), in Chromium, a
 * new profile each time, medians of RUNS:
 *
 * - opens a lesson, reads 3 s, presses Run: ms from the click to the first output;
 * - bytes fetched before that click; and with Save-Data on, bytes fetched once the page
 *   is idle, before any intent;
 * - a click at load (cold-click, cold-start.ts) and bare Pyodide (the anchor), in the
 *   same runs.
 *
 * With `BEFORE=<an older build's dist>`, both builds are measured, interleaved run by
 * run, so that both meet the same machine. Prints numbers; asserts nothing.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/browser/chromium.ts';
import { serveDist } from '../test/site/serve-dist.ts';
import { bareClick, coldClick } from './cold-start.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const PAGE = '/lessons/executing-tasks/';
const READING_MS = 3000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

/** Bytes of every response the context's pages (and their workers) received, headers included. */
async function counting(context: Awaited<ReturnType<Browser['newContext']>>) {
  let bytes = 0;
  const pending: Promise<void>[] = [];
  context.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then(
        (sizes) => {
          bytes += sizes.responseBodySize + sizes.responseHeadersSize;
        },
        () => {},
      ),
    );
  });
  return async () => {
    await Promise.all(pending);
    return bytes;
  };
}

/** Read, then Run: ms from the click to the first output, and the bytes fetched before the click. */
export async function readThenClick(browser: Browser, url: string): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const bytes = await counting(context);
  const page = await context.newPage();
  await page.goto(url + PAGE, { waitUntil: 'load' });
  await page.waitForTimeout(READING_MS);
  const before = await bytes();
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const example = document.querySelector('live-example[data-runnable="true"]')!;
        const clicked = performance.now();
        new MutationObserver((_, observer) => {
          if (!example.querySelector('.output__text')?.textContent?.trim()) return;
          observer.disconnect();
          resolve(performance.now() - clicked);
        }).observe(example, { subtree: true, childList: true, characterData: true });
        example.querySelector<HTMLButtonElement>('button[data-action="run"]')!.click();
      }),
  );
  await context.close();
  return { ms, bytes: before };
}

/** With Save-Data on: bytes fetched by a lesson page once it has been idle, before any intent. */
export async function savingDataBytes(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true, effectiveType: '4g' }) }),
  );
  const bytes = await counting(context);
  const page = await context.newPage();
  await page.goto(url + PAGE, { waitUntil: 'load' });
  await page.waitForTimeout(READING_MS);
  const total = await bytes();
  await context.close();
  return total;
}

export async function benchReading(browser: Browser, builds: Record<string, string>): Promise<void> {
  const results: Record<string, { read: number[]; bytes: number[]; cold: number[]; saving: number[] }> = {};
  const anchor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [name, url] of Object.entries(builds)) {
      results[name] ??= { read: [], bytes: [], cold: [], saving: [] };
      const read = await readThenClick(browser, url);
      results[name].read.push(read.ms);
      results[name].bytes.push(read.bytes);
      results[name].cold.push((await coldClick(browser, url))['first output']);
      results[name].saving.push(await savingDataBytes(browser, url));
    }
    anchor.push(await bareClick(browser, Object.values(builds)[0]));
  }
  const bare = median(anchor);
  console.log(
    `Reader reads ${READING_MS / 1000} s, then Run (new profile each, medians of ${RUNS}${Object.keys(builds).length > 1 ? ', builds interleaved' : ''}):`,
  );
  for (const [name, r] of Object.entries(results)) {
    const cold = median(r.cold);
    console.log(
      `  ${name}: first output ${median(r.read).toFixed(0)} ms after the click; ${mb(median(r.bytes))} fetched before it; ` +
        `a click at load ${cold.toFixed(0)} ms (ratio to bare Pyodide ${(cold / bare).toFixed(2)}); ` +
        `Save-Data, before any intent: ${mb(median(r.saving))}`,
    );
  }
  console.log(`  bare Pyodide the ordinary way (the anchor), same runs: ${bare.toFixed(0)} ms`);
}

// Alone: `node bench/reading.ts` (after a build); `BEFORE=path/to/older/dist` adds an A/B.
if (import.meta.main) {
  const current = await serveDist(join(import.meta.dirname, '../dist'), true);
  const before = process.env.BEFORE ? await serveDist(process.env.BEFORE, true) : null;
  const browser = await launchBrowser();
  await benchReading(browser, before ? { before: before.url, after: current.url } : { 'this build': current.url });
  await browser.close();
  await current.close();
  await before?.close();
}
