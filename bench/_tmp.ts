import { join } from 'node:path';
import { launchBrowser } from '../test/browser/chromium.ts';
import { serveDist } from '../test/site/serve-dist.ts';
const server = await serveDist(join(import.meta.dirname, '../dist'), true);
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const created: [number, any][] = [];
page.on('worker', (w) => { if (w.url().startsWith('blob:')) created.push([Date.now(), w]); });
await page.goto(`${server.url}/lessons/executing-tasks/`);
const ex = page.locator('live-example').nth(1);
await ex.hover();
await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 120_000 });
await page.waitForTimeout(3000);
const mem = async () => { const m: any = await page.evaluate(() => (performance as any).measureUserAgentSpecificMemory()); return Math.round(m.bytes / 1e6) + ' MB (' + m.breakdown.filter((b: any) => b.bytes > 1e6).map((b: any) => `${Math.round(b.bytes/1e6)} MB ${b.types.join('/')} ${b.attribution.map((a: any) => a.scope).join(',')}`).join('; ') + ')'; };
console.log('after first boot (one worker):', await mem());
// an edited run: spare consumed, a new spare boots
await ex.locator('.live-example__code').click();
await page.locator('.monaco-editor .view-lines').first().waitFor();
await page.keyboard.press('End'); await page.keyboard.type(' ');
await page.waitForTimeout(4000);
console.log('workers created so far', created.length);
console.log('with the spare booted:', await mem());
// time the spare boot: from the worker's creation to its lock-down
for (let i = 0; i < 3; i++) {
  const before = created.length;
  const t0 = Date.now();
  await ex.getByRole('button', { name: 'Run', exact: true }).click();
  await ex.locator('.output__status', { hasText: /^Done/ }).waitFor();
  while (created.length === before) await page.waitForTimeout(10);
  const [at, w] = created[created.length - 1];
  for (;;) { try { if (await w.evaluate(() => typeof (globalThis as any).fetch === 'undefined')) break; } catch {} await page.waitForTimeout(20); }
  console.log('spare boot (created -> locked down):', Date.now() - at, 'ms; created', at - t0, 'ms after the click');
  await page.evaluate(() => { document.querySelectorAll('.output__status').forEach((s) => (s.textContent = '')); });
}
console.log('after runs:', await mem());
await browser.close(); await server.close();
