/**
 * The static export: after one visit the site works offline; on a host that sends no
 * headers the service worker makes pages cross-origin isolated; a new build takes over
 * only when the reader agrees. (Every page runs with the network closed to everything
 * but the site in pages-*.test.ts.)
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST } from './dist';
import { example, finished, open, replaceCode, status } from './page-helpers';
import { serveDist } from './serve-dist';

async function whenControlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

describe('offline, and on a host that sends no headers', () => {
  let site: Awaited<ReturnType<typeof serveDist>>;
  let dir: string;
  beforeAll(async () => {
    // A copy of dist/, so the update test can publish a "new build" without touching it.
    dir = await mkdtemp(join(tmpdir(), 'asyncio-live-dist-'));
    await cp(DIST, dir, { recursive: true });
    site = await serveDist(dir, false);
  });
  afterAll(async () => site?.close());

  it('makes pages cross-origin isolated through the service worker (Stop interrupts); after that visit, pages reload offline and run', async () => {
    const servedBefore = site.served.length;
    const { page, context, close } = await open(site.url, '/lessons/executing-tasks/', { serviceWorkers: 'allow' });
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await whenControlled(page);
    await page.reload();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const ex = example(page, 'Squaring a number, slowly');
    await replaceCode(page, ex, 'while True: pass');
    await ex.getByRole('button', { name: 'Run' }).click();
    await status(ex).filter({ hasText: 'Running' }).waitFor({ timeout: 30_000 });
    await ex.getByRole('button', { name: 'Stop' }).click();
    await status(ex)
      .filter({ hasText: /^Stopped/ })
      .waitFor({ timeout: 15_000 });

    // Python and the editor were cached when the reader first showed intent.
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open('asyncio-live-runtime')).keys()).length), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(10);
    // The page and the service worker both want Python's files: each crossed the network once.
    const python = site.served.slice(servedBefore).filter((path) => path.startsWith('/pyodide/'));
    expect(python.length).toBeGreaterThanOrEqual(4);
    expect(python).toEqual([...new Set(python)]);

    // Anything that runs on the site's origin can rewrite the service worker's caches
    // (a program in the worker could, before it lost `caches`): a page and a script
    // that are not the build's are never served.
    const rewritten = await page.evaluate(
      async (targets) => {
        const done: string[] = [];
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            const path = new URL(request.url).pathname;
            if (!targets.includes(path)) continue;
            const body = path.endsWith('.html') ? '<h1>poisoned</h1><script>top.poisoned = true</script>' : 'self.poisoned = true;';
            await cache.put(
              request,
              new Response(body, { headers: { 'Content-Type': path.endsWith('.html') ? 'text/html' : 'text/javascript' } }),
            );
            done.push(path);
          }
        }
        return done.sort();
      },
      ['/lessons/synchronous-programming/index.html', '/pyodide/pyodide.asm.mjs', '/pyodide/python_stdlib.zip'],
    );
    expect(rewritten).toEqual(['/lessons/synchronous-programming/index.html', '/pyodide/pyodide.asm.mjs', '/pyodide/python_stdlib.zip']);
    await page.goto(`${site.url}/lessons/synchronous-programming/`, { waitUntil: 'load' });
    expect(await page.locator('h1').first().innerText()).toBe('Synchronous programming');
    expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
    expect(await page.evaluate(() => 'poisoned' in window)).toBe(false);
    const first = page.locator('live-example').first();
    await first.getByRole('button', { name: 'Run' }).click();
    expect(await finished(first)).not.toBe('');
    expect(await status(first).innerText()).toMatch(/^Done/);
    // The standard library reaches the worker unread by the service worker, and the
    // worker checks it (runtime/download/checked-fetch.ts): it asked again, and the rewritten copy
    // was replaced by the build's.
    const cachedStdlib = () =>
      page.evaluate(async () => {
        const cache = await caches.open('asyncio-live-runtime');
        const key = (await cache.keys()).find((request) => new URL(request.url).pathname === '/pyodide/python_stdlib.zip');
        return key ? (await (await cache.match(key))!.arrayBuffer()).byteLength : 0;
      });
    await expect.poll(cachedStdlib, { timeout: 30_000 }).toBe(statSync(join(dir, 'pyodide/python_stdlib.zip')).size);

    await context.setOffline(true);
    await page.goto(`${site.url}/lessons/why-asynchronous-programming/`, { waitUntil: 'load' });
    const wrong = example(page, 'An await in the wrong place');
    // A surprise: it runs once the reader has written a prediction (predict-first.ts).
    await wrong.getByRole('textbox', { name: 'Predict first: what will it print?' }).fill('Ana got a ticket');
    await wrong.getByRole('button', { name: 'Run' }).click();
    expect(await finished(wrong)).toBe('Ana got a ticket, 0 left\nBen got a ticket, -1 left');
    await page.reload();
    const fixed = example(page, 'Check and take, then wait');
    await fixed.getByRole('button', { name: 'Run' }).click();
    expect(await finished(fixed)).toBe('Ben: sold out\nAna got a ticket, 0 left');
    await close();
  });

  for (const validators of [false, true]) {
    it(`a first visit downloads each of Python's files once: the service worker takes what the page fetched (a host that sends ${validators ? 'ETag and Last-Modified' : 'no validators'})`, async () => {
      const host = await serveDist(dir, false, { validators });
      const { page, close } = await open(host.url, '/lessons/executing-tasks/', { serviceWorkers: 'allow' });
      const ex = example(page, 'Squaring a number, slowly');
      await ex.getByRole('button', { name: 'Run' }).click();
      expect(await finished(ex)).toBe('Square 1\nEnd square 1\n1');
      // Python and the editor are cached after the boot.
      await expect
        .poll(() => page.evaluate(async () => (await (await caches.open('asyncio-live-runtime')).keys()).length), { timeout: 60_000 })
        .toBeGreaterThanOrEqual(10);
      const python = host.sent.filter(({ path }) => path.startsWith('/pyodide/'));
      expect(python.length).toBeGreaterThanOrEqual(4);
      // What the page fetched, the service worker took (runtime/download/keep-fetched.ts). Only the
      // script Pyodide imports (1.25 MB) is not handed over: a host without validators
      // sends it again, as the HTTP cache cannot keep it for the service worker to find.
      const bytes = python.reduce((sum, { path }) => sum + statSync(join(dir, path)).size, 0);
      console.log(`first visit, ${validators ? 'validators' : 'no validators'}: ${(bytes / 1e6).toFixed(1)} MB of Python sent`);
      const twice = python.map(({ path }) => path).filter((path, i, all) => all.indexOf(path) !== i);
      expect(twice).toEqual(validators ? [] : ['/pyodide/pyodide.asm.mjs']);
      await close();
      await host.close();
    });
  }

  it('says when a new build is ready, and switches only when the reader asks', async () => {
    const { page, close } = await open(site.url, '/lessons/synchronous-programming/', { serviceWorkers: 'allow' });
    await whenControlled(page);
    const before = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.active!.scriptURL);
    // Publish a new build: the service worker file changes.
    const sw = join(dir, 'sw.js');
    await writeFile(sw, `${await readFile(sw, 'utf8')}\n// a new build\n`);
    await page.reload();
    const notice = page.locator('.update-notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain('A new version of this site is ready.');
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), notice.getByRole('button', { name: 'Reload to update' }).click()]);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();
    expect(before).toContain('/sw.js');
    await close();
  });
});
