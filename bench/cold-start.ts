/**
 * The first output of a reader's first click, in Chromium (part of `npm run bench:page`):
 *
 * - click to first output, cold (a new browser profile, the click as soon as the page
 *   has loaded), with where the time went, on one clock from the click;
 * - the anchor: bare Pyodide loaded the ordinary way (its own loader, in the page) and
 *   printing one line, from a click, also cold; and our ratio to it;
 * - click to first output with the runtime warm;
 * - the second page of a visit: reached by a link (the page keeps its Python,
 *   src/client/page/page-navigation.ts), from the click to the new page shown with Python
 *   ready, and its first click to first output; and loaded as a new document (typed
 *   into the address bar, a new tab), intent to runtime ready, its files in the
 *   service worker's cache.
 *
 * Medians of RUNS. Prints numbers; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BootPhases, BootTiming } from '../runtime/protocol/index.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const PAGE = '/lessons/executing-tasks/';
const SECOND_PAGE = '/lessons/synchronous-programming/';
const NOTEBOOK = 'The notebook version, with nest_asyncio';
const FIRST_LINE = 'Square 1';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Click Run (or the anchor's button) in the page and resolve when `text` shows (for '': any line the run prints): ms since the epoch of both. */
function clickAndWait(page: Page, button: string, output: string, text: string): Promise<{ clicked: number; shown: number }> {
  return page.evaluate(
    ([button, output, text]) =>
      new Promise<{ clicked: number; shown: number }>((resolve) => {
        const now = () => performance.timeOrigin + performance.now();
        const box = document.querySelector(output)!;
        let clicked = 0;
        new MutationObserver((_, observer) => {
          const printed = (text ? box : box.querySelector('.output__text'))?.textContent ?? '';
          if (text ? !printed.includes(text) : printed.trim() === '') return;
          observer.disconnect();
          resolve({ clicked, shown: now() });
        }).observe(box, { subtree: true, childList: true, characterData: true });
        clicked = now();
        document.querySelector<HTMLButtonElement>(button)!.click();
      }),
    [button, output, text],
  );
}

/** One cold click on the notebook example: the total and each step's end, in ms from the click. */
export async function coldClick(browser: Browser, url: string): Promise<Record<string, number>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + PAGE, { waitUntil: 'load' });
  const id = await page.locator('live-example', { has: page.locator('figcaption', { hasText: NOTEBOOK }) }).getAttribute('data-example-id');
  const at = `live-example[data-example-id="${id}"]`;
  const { clicked, shown } = await clickAndWait(page, `${at} button[data-action="run"]`, `${at} .live-example__output`, FIRST_LINE);
  await page.waitForFunction(() => document.documentElement.dataset.python === 'ready');
  const { timing, phases, pageFiles } = await page.evaluate(() => ({
    timing: JSON.parse(document.documentElement.dataset.pythonBootTiming ?? 'null') as BootTiming | null,
    phases: JSON.parse(document.documentElement.dataset.pythonBootPhases ?? '{}') as BootPhases,
    pageFiles: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
      name: entry.name.slice(entry.name.lastIndexOf('/') + 1),
      end: performance.timeOrigin + entry.responseEnd,
    })),
  }));
  await context.close();
  const steps: Record<string, number> = {};
  const from = (epoch: number) => Math.round(epoch - clicked);
  const lastOf = (files: { name: string; end: number }[], pattern: RegExp) => {
    const ends = files.filter((file) => pattern.test(file.name)).map((file) => file.end);
    return ends.length ? Math.max(...ends) : null;
  };
  const sessionScripts = lastOf(pageFiles, /^example-session|^page-runtime|^output-pane/);
  if (sessionScripts) steps['page: the example’s scripts loaded'] = from(sessionScripts);
  const pythonFiles = lastOf(pageFiles, /\.py$/);
  if (pythonFiles) steps['page: the runtime’s .py files fetched'] = from(pythonFiles);
  if (timing) {
    steps['worker: started'] = from(timing.workerStarted);
    steps['worker: boot requested'] = from(timing.bootRequested);
    for (const [label, pattern] of [
      ['pyodide.asm.mjs', /^pyodide\.asm\.mjs$/],
      ['pyodide.asm.wasm', /^pyodide\.asm\.wasm$/],
      ['python_stdlib.zip', /^python_stdlib\.zip$/],
      ['pyodide-lock.json', /^pyodide-lock\.json$/],
      ['snapshot', /\.snapshot$/],
    ] as const) {
      const end = lastOf(timing.files, pattern);
      if (end) steps[`worker: ${label} downloaded`] = from(end);
    }
    for (const [phase, ms] of Object.entries(phases)) steps[`worker: ${phase}`] = from(timing.bootRequested + ms);
  }
  steps['first output'] = Math.round(shown - clicked);
  return steps;
}

/** The anchor: a page with one button that loads Pyodide the ordinary way and prints a line. */
const BARE_PAGE = `<!doctype html><meta charset="utf-8"><title>bare Pyodide</title>
<button id="run">Run</button><pre id="out"></pre>
<script type="module">
document.getElementById('run').addEventListener('click', async () => {
  const { loadPyodide } = await import('/pyodide/pyodide.mjs');
  const out = document.getElementById('out');
  const pyodide = await loadPyodide({ indexURL: '/pyodide/', stdout: (line) => (out.textContent += line + '\\n') });
  pyodide.runPython('print(${JSON.stringify(FIRST_LINE)})');
});
</script>`;

export async function bareClick(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Pyodide's own loader is not in the build (ours is bundled into the runtime's worker).
  const loader = readFileSync(join(createRequire(import.meta.url).resolve('pyodide/package.json'), '../pyodide.mjs'));
  await context.route(`${url}/bare-pyodide/`, (route) => route.fulfill({ contentType: 'text/html', body: BARE_PAGE }));
  await context.route(`${url}/pyodide/pyodide.mjs`, (route) => route.fulfill({ contentType: 'text/javascript', body: loader }));
  const page = await context.newPage();
  await page.goto(`${url}/bare-pyodide/`, { waitUntil: 'load' });
  const { clicked, shown } = await clickAndWait(page, '#run', '#out', FIRST_LINE);
  await context.close();
  return shown - clicked;
}

/**
 * Click to first output with the runtime warm. `edited`: the example's code is the
 * reader's own (put in storage before the page loads, as an earlier edit would be), so it
 * runs in an interpreter of its own (runtime/page/runtime.ts), the spare booted while the page
 * was idle; between its runs, the reader's few seconds of editing.
 */
export async function warmClicks(browser: Browser, url: string, edited = false): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + PAGE, { waitUntil: 'load' });
  const example = page.locator('live-example', { has: page.locator('figcaption', { hasText: NOTEBOOK }) });
  const id = await example.getAttribute('data-example-id');
  const at = `live-example[data-example-id="${id}"]`;
  if (edited) {
    await page.evaluate(
      ([at, key]) => {
        const { code } = JSON.parse(document.querySelector(`${at} .live-example__data`)!.textContent!) as { code: string };
        localStorage.setItem(key, JSON.stringify({ v: 1, original: code, code: `${code}\n# edited` }));
      },
      [at, `asyncio-live:edit:${PAGE}#${id}`] as const,
    );
    await page.reload({ waitUntil: 'load' });
  }
  await example.hover();
  await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 60_000 });
  // The service worker caches Python and the editor once the boot is over: the runtime
  // alone is measured here, after that.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(5000);
  const warm: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await page.evaluate((at) => (document.querySelector(`${at} .output__text`)!.textContent = ''), at);
    const { clicked, shown } = await clickAndWait(page, `${at} button[data-action="run"]`, `${at} .output__text`, FIRST_LINE);
    await example.locator('.output__status', { hasText: /^Done/ }).waitFor();
    if (i > 0) warm.push(shown - clicked); // the first run pays for code paths used the first time
    if (edited) await page.waitForTimeout(3000);
  }
  await context.close();
  return warm;
}

/** The second page loaded as a new document: intent to runtime ready, files from the service worker's cache. */
async function secondPageLoaded(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let ms = 0;
  for (const path of [PAGE, SECOND_PAGE]) {
    await page.goto(url + path, { waitUntil: 'load' });
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
    const intent = await page.evaluate(() => performance.now());
    await page.locator('live-example').first().hover();
    await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 60_000 });
    // The first page's runtime files are being cached by the service worker meanwhile.
    if (path === PAGE) await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 3000)));
    else ms = (await page.evaluate(() => performance.now())) - intent;
  }
  await context.close();
  return ms;
}

/**
 * The second page reached by a link, as a reader follows "Next": from the click to the
 * new page drawn with Python ready, and then its first example's click to first output.
 */
async function secondPageLinked(browser: Browser, url: string): Promise<{ shown: number; firstOutput: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + PAGE, { waitUntil: 'load' });
  await page.locator('live-example').first().hover();
  await page.waitForFunction(() => document.documentElement.dataset.python === 'ready', null, { timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(3000);
  const shown = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const clicked = performance.now();
        document.addEventListener(
          'astro:after-swap',
          () =>
            requestAnimationFrame(() =>
              document.documentElement.dataset.python === 'ready'
                ? resolve(performance.now() - clicked)
                : reject(new Error('Python was not kept')),
            ),
          { once: true },
        );
        document.querySelector<HTMLAnchorElement>('a[rel="next"]')!.click();
      }),
  );
  const at = `live-example[data-example-id="${await page.locator('live-example[data-runnable="true"]').first().getAttribute('data-example-id')}"]`;
  const { clicked, shown: output } = await clickAndWait(page, `${at} button[data-action="run"]`, `${at} .live-example__output`, '');
  await context.close();
  return { shown, firstOutput: output - clicked };
}

export async function benchColdStart(browser: Browser, url: string): Promise<void> {
  const cold: Record<string, number>[] = [];
  const bare: number[] = [];
  // Interleaved, so that both meet the same machine.
  for (let i = 0; i < RUNS; i++) {
    cold.push(await coldClick(browser, url));
    bare.push(await bareClick(browser, url));
  }
  const total = median(cold.map((steps) => steps['first output']));
  const anchor = median(bare);
  console.log(`Click to first output, cold (new profile, click at load), median of ${RUNS}: ${total} ms`);
  console.log(`  bare Pyodide the ordinary way (the anchor), same runs: ${anchor.toFixed(0)} ms; ratio ${(total / anchor).toFixed(2)}`);
  console.log(`  where the time went (median ms from the click at which each step ended):`);
  const labels = [...new Set(cold.flatMap((steps) => Object.keys(steps)))];
  const rows = labels.map((label) => [label, median(cold.map((steps) => steps[label]).filter((ms) => ms !== undefined))] as const);
  for (const [label, ms] of rows.sort((a, b) => a[1] - b[1])) console.log(`    ${String(ms).padStart(5)}  ${label}`);
  console.log(`Click to first output, warm runtime, median of ${RUNS}: ${median(await warmClicks(browser, url)).toFixed(1)} ms`);
  console.log(
    `Click to first output of edited code (its own interpreter, the spare), warm, median of ${RUNS}: ${median(await warmClicks(browser, url, true)).toFixed(1)} ms`,
  );
  const linked: { shown: number; firstOutput: number }[] = [];
  for (let i = 0; i < RUNS; i++) linked.push(await secondPageLinked(browser, url));
  console.log(
    `Second page of a visit, by a link, click to the page shown with Python ready, median of ${RUNS}: ${median(linked.map((run) => run.shown)).toFixed(0)} ms`,
  );
  console.log(`  then its first click to first output: ${median(linked.map((run) => run.firstOutput)).toFixed(1)} ms`);
  const loaded: number[] = [];
  for (let i = 0; i < RUNS; i++) loaded.push(await secondPageLoaded(browser, url));
  console.log(
    `Second page of a visit, as a new document (typed address, new tab), intent to runtime ready (service worker's cache), median of ${RUNS}: ${median(loaded).toFixed(0)} ms`,
  );
}

// Alone: `node bench/cold-start.ts` (after a build), without the rest of bench:page.
if (import.meta.main) {
  const { launchBrowser } = await import('../test/browser/chromium.ts');
  const { serveDist } = await import('../test/site/serve-dist.ts');
  const server = await serveDist(join(import.meta.dirname, '../dist'), true);
  const browser = await launchBrowser();
  await benchColdStart(browser, server.url);
  await browser.close();
  await server.close();
}
