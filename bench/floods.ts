/**
 * Floods in Chromium (part of `npm run bench:page`; alone: `node bench/floods.ts`): for
 * each hostile program, run 6 s with the timeline on, then Stop, then show the
 * timeline. Prints the longest main-thread task (a page stays usable under 100 ms), the
 * Stop time (from the click to "Stopped") and the page's JavaScript heap growth.
 */
import { deflateRawSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

const PAGE = '/lessons/executing-tasks/';
const TARGET = 'squaring-a-number-slowly';

export const FLOODS: [string, string][] = [
  [
    'two tasks spinning on sleep(0)',
    'import asyncio\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\nasync def main():\n    await asyncio.gather(spin(), spin())\nasyncio.run(main())\n',
  ],
  ['a print flood', 'i = 0\nwhile True:\n    i += 1\n    print("flood", i, "x" * 60)\n'],
  [
    '5,000 ticking tasks',
    'import asyncio\nasync def tick():\n    while True:\n        await asyncio.sleep(0.1)\nasync def main():\n    await asyncio.gather(*(tick() for _ in range(5000)))\nasyncio.run(main())\n',
  ],
];

/** `rate`: Chromium's CPU slowed this many times (a phone is 3 to 5 times slower than this machine), from the page's load on. */
export async function benchFloods(browser: Browser, base: string, rate = 1): Promise<void> {
  for (const [label, code] of FLOODS) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await context.addInitScript(() => {
      localStorage.setItem('asyncio-live:timeline', 'on');
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
    };
    const link = `${base}${PAGE}#share-${TARGET}=${deflateRawSync(Buffer.from(code)).toString('base64url')}`;
    await page.goto(link, { waitUntil: 'load' });
    const ex = page.locator(`live-example[data-example-id="${TARGET}"]`);
    await ex.hover();
    await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 60_000 });
    const before = await heap();
    await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
    await ex.getByRole('button', { name: 'Run' }).click();
    await page.waitForTimeout(6000);
    const stopMs = await page.evaluate(async (target) => {
      const example = document.querySelector(`live-example[data-example-id="${target}"]`)!;
      const status = example.querySelector('.output__status')!;
      const started = performance.now();
      const stopped = new Promise<number>((resolve) => {
        const check = () => /^(Stopped|Done|Ended)/.test(status.textContent ?? '') && resolve(performance.now() - started);
        new MutationObserver(check).observe(status, { childList: true, characterData: true, subtree: true });
        check();
      });
      example.querySelector<HTMLButtonElement>('button[data-action="stop"]')!.click();
      return stopped;
    }, TARGET);
    await ex.locator('.timeline__svg').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    const growth = (await heap()) - before;
    const status = await ex.locator('.output__status').innerText();
    console.log(
      `Flood${rate > 1 ? ` at ${rate}× CPU` : ''}: ${label}, 6 s then Stop then the timeline: longest main-thread task ${longest.toFixed(0)} ms, ` +
        `Stop ${stopMs.toFixed(0)} ms, JS heap growth ${(growth / 1e6).toFixed(1)} MB (${status})`,
    );
    await context.close();
  }
}

if (import.meta.main) {
  const { join } = await import('node:path');
  const { launchBrowser } = await import('../test/browser/chromium.ts');
  const { serveDist } = await import('../test/site/serve-dist.ts');
  const server = await serveDist(join(import.meta.dirname, '../dist'), true);
  const browser = await launchBrowser();
  await benchFloods(browser, server.url, Number(process.env.THROTTLE ?? 1));
  await browser.close();
  await server.close();
}
