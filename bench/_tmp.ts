import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { launchBrowser } from '../test/browser/chromium.ts';
import { serveDist } from '../test/site/serve-dist.ts';
const server = await serveDist(join(import.meta.dirname, '../dist'), true);
const browser = await launchBrowser();
const at = 'live-example[data-example-id="squaring-a-number-slowly"]';
const cases: [string, string][] = [
  ['combining 50k', "print('a' + '\\u0301' * 50000)"],
  ['control', "print(1)"],
  ['bidi 50k', "print(('\\u202e\\u05d0\\u0628 x\\u202d' * 10000)[:50000])"],
  ['rtl letters 200k no controls', "print(('\\u05d0\\u0628 x ' * 50000)[:200000])"],
  ['plain 990k one line', "print('z' * 990000)"],
  ['10k lines x 95', "for i in range(10000): print('y' * 95)"],
  ['emoji zwj 100k', "print('\\U0001F468\\u200d' * 50000)"],
];
for (const [label, code] of cases) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/lessons/executing-tasks/#share-squaring-a-number-slowly=${deflateRawSync(Buffer.from(code)).toString('base64url')}`);
  await page.hover(at);
  await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 120_000 });
  await page.waitForTimeout(3000);
  await page.evaluate(() => { (globalThis as any).longest = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) (globalThis as any).longest = Math.max((globalThis as any).longest, e.duration); }).observe({ type: 'long-animation-frame' }); });
  const t0 = Date.now();
  await page.click(`${at} button[data-action="run"]`);
  try { await page.locator(`${at} .output__status`, { hasText: /^(Done|Ended|Stopped)/ }).waitFor({ timeout: 60_000 }); } catch { console.log(label, 'TIMEOUT'); }
  await page.waitForTimeout(1500);
  console.log(await page.locator(`${at} .output__status`).innerText());
  console.log(label.padEnd(30), Math.round(await page.evaluate(() => (globalThis as any).longest)), 'ms longest;', Date.now() - t0, 'ms total');
  await context.close();
}
await browser.close(); await server.close();
