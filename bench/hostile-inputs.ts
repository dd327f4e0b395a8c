/**
 * The longest main-thread frame (a long animation frame: scripts, style, layout and
 * paint together, which the Long Tasks API leaves out) each hostile input makes on the page, in Chromium, at full
 * speed and with the CPU throttled 4x (a phone): huge exception messages and class names,
 * thousands of long task names with the timeline shown, a tampered saved edit, tens of
 * thousands of planted storage keys, a share link that inflates to 40,000 lines. The
 * figures the security review reported before the fix are in the comments.
 *
 * `node bench/hostile-inputs.ts` after a build. Prints numbers; asserts nothing.
 */
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/browser/chromium.ts';
import { serveDist } from '../test/site/serve-dist.ts';

const PAGE = '/lessons/executing-tasks/';
const ID = 'squaring-a-number-slowly';
const at = `live-example[data-example-id="${ID}"]`;

/** Programs, each run from a share link and then by Run (the review's figure before the fix). */
const PROGRAMS: [string, string][] = [
  ['control: a program that prints one line', 'print(1)'],
  ['a 60 MB exception message (45 s)', 'raise ValueError("A" * 60_000_000)'],
  ['a 5 MB exception message (2.2 s)', 'raise ValueError("A" * 5_000_000)'],
  ['a 20 MB class name (8-18 s)', 'raise type("A" * 20_000_000, (Exception,), {})()'],
  ['a letter with 50,000 combining accents, printed (3.3-6.4 s)', "print('a' + '\\u0301' * 50000)"],
  ['500 KB of right-to-left text and bidi controls on one line (409 s)', "print(('\\u202e\\u05d0\\u0628 x\\u202d' * 100000)[:499000])"],
  ['200,000 right-to-left characters on one line (5.6 s)', "print(('\\u05d0\\u0628 x ' * 50000)[:200000])"],
  ['an exception message of 10,000 combining accents', "raise ValueError('a' + '\\u0301' * 10000)"],
  [
    '2,000 tasks named with 100 KB each, timeline shown (1.2 GB of heap)',
    'import asyncio\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        for i in range(2000):\n            tg.create_task(asyncio.sleep(0.01), name=str(i) * 100_000)\nasyncio.run(main())',
  ],
];

/** Starts recording main-thread frames over 50 ms (long animation frames). */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as { longest: number }).longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const scope = globalThis as unknown as { longest: number };
        scope.longest = Math.max(scope.longest, entry.duration);
      }
    }).observe({ type: 'long-animation-frame' });
  });
}

const longest = (page: Page) => page.evaluate(() => (globalThis as unknown as { longest: number }).longest);

async function throttle(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

async function runFromLink(browser: Browser, url: string, code: string, rate: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}${PAGE}#share-${ID}=${deflateRawSync(Buffer.from(code)).toString('base64url')}`, { waitUntil: 'load' });
  await page.locator(`${at} .live-example__notice`, { hasText: 'came from a link' }).waitFor({ timeout: 60_000 });
  await page.locator(`${at} .output__timeline-toggle`).count();
  // Booted first, so that what is measured is the input, not Python's start.
  await page.hover(at);
  await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 120_000 });
  // The editor a link opens, and the spare interpreter, are done loading.
  await page.waitForTimeout(3000);
  await throttle(page, rate);
  await recordLongTasks(page);
  await page.click(`${at} button[data-action="run"]`);
  await page.locator(`${at} .output__status`, { hasText: /^(Done|Stopped|Ended|Failed)/ }).waitFor({ timeout: 120_000 });
  const toggle = page.locator(`${at} .output__timeline-toggle`);
  if ((await toggle.count()) && !(await toggle.isChecked())) await toggle.check();
  // What the timeline draws, and the page's drawing of the output, come after the status.
  await page.waitForTimeout(1500);
  const ms = await longest(page);
  await context.close();
  return ms;
}

/** The page opened with `plant` run in its storage first: the longest task of the load. */
async function loadWithStorage(
  browser: Browser,
  url: string,
  plant: (page: Page) => Promise<void>,
  path: string,
  rate: number,
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}${PAGE}`, { waitUntil: 'load' });
  await plant(page);
  await throttle(page, rate);
  await page.addInitScript(() => {
    const scope = globalThis as unknown as { longest: number };
    scope.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) scope.longest = Math.max(scope.longest, entry.duration);
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  await page.goto(`${url}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const ms = await longest(page);
  await context.close();
  return ms;
}

async function plantEdit(page: Page): Promise<void> {
  await page.evaluate(
    ([at, key]) => {
      const { code } = JSON.parse(document.querySelector(`${at} .live-example__data`)!.textContent!) as { code: string };
      localStorage.setItem(key, JSON.stringify({ v: 1, original: code, code: 'print(1)\n'.repeat(270_000) }));
    },
    [at, `asyncio-live:edit:${PAGE}#${ID}`] as const,
  );
}

async function plantKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (let i = 0; i < 87_000; i++) localStorage.setItem(`asyncio-live:solved:/x/${i}#y`, '1');
  });
}

const server = await serveDist(join(import.meta.dirname, '../dist'), true);
const browser = await launchBrowser();
const bomb = `${PAGE}#share-${ID}=${deflateRawSync(Buffer.from('pass\n'.repeat(40_000))).toString('base64url')}`;
for (const rate of [1, 4]) {
  console.log(`Longest main-thread frame, CPU ${rate === 1 ? 'at full speed' : `throttled ${rate}x`} (ms):`);
  for (const [label, code] of PROGRAMS)
    console.log(`  ${(await runFromLink(browser, server.url, code, rate)).toFixed(0).padStart(6)}  ${label}`);
  console.log(
    `  ${(await loadWithStorage(browser, server.url, async () => {}, PAGE, rate)).toFixed(0).padStart(6)}  control: the lesson's load, nothing planted`,
  );
  console.log(
    `  ${(await loadWithStorage(browser, server.url, plantEdit, PAGE, rate)).toFixed(0).padStart(6)}  a 4.9 MB saved edit (2.4 million characters), on load (93 s)`,
  );
  console.log(
    `  ${(await loadWithStorage(browser, server.url, plantKeys, '/reference/exercises/', rate)).toFixed(0).padStart(6)}  87,000 planted storage keys, the exercises page's load (5.5 s)`,
  );
  const benign = `${PAGE}#share-${ID}=${deflateRawSync(Buffer.from('print(1)\n')).toString('base64url')}`;
  console.log(
    `  ${(await loadWithStorage(browser, server.url, async () => {}, benign, rate)).toFixed(0).padStart(6)}  control: a share link of one line, on load`,
  );
  console.log(
    `  ${(await loadWithStorage(browser, server.url, async () => {}, bomb, rate)).toFixed(0).padStart(6)}  a ${bomb.length - PAGE.length}-character share link of 40,000 lines, on load (0.4-4.0 s)`,
  );
}
await browser.close();
await server.close();
