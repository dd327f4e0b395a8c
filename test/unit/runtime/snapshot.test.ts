/**
 * Booting from a memory snapshot: the interpreter as it stood once the runtime was
 * installed, made at build time in Node and restored in the reader's browser, so that
 * Python starts in a fraction of a second instead of several. A restored interpreter
 * must run exactly as a freshly booted one, and a missing or damaged snapshot must
 * fall back to an ordinary boot.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootNodeEngine, createNodeRuntime, pythonFiles, snapshotName } from '../../../runtime/node/node-runtime';
import { snapshotBytes } from '../../python';
import { program } from './programs/index';
import { dedent } from './run-python';

let snapshot: Uint8Array;
let server: Server;
let base: string;

beforeAll(async () => {
  // Made once for the whole test run, by runtime/snapshot/snapshot.ts (test/python-snapshot.ts).
  snapshot = snapshotBytes();
  // The snapshot as a static host serves it; and a damaged one.
  server = createServer((request, response) => {
    if (request.url === '/python.snapshot.gz') return response.end(snapshot);
    if (request.url === '/damaged.snapshot.gz') return response.end(snapshot.subarray(0, 1000));
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

async function runOn(engine: Awaited<ReturnType<typeof bootNodeEngine>>, code: string): Promise<string> {
  let output = '';
  const result = await engine.run(dedent(code), { deterministic: true }, (chunk) => (output += chunk.text));
  return result.ok ? output : `${output}${result.error.type}: ${result.error.message}`;
}

describe('a memory snapshot of the runtime', () => {
  it('is gzipped, and named after what it holds: a new name when the runtime changes', () => {
    expect([...snapshot.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const files = pythonFiles();
    expect(snapshotName(files)).toMatch(/^python-[0-9a-f]{16}\.snapshot$/);
    expect(snapshotName(files)).toBe(snapshotName(pythonFiles()));
    const changed = { ...files, 'asyncio_live/clock.py': `${files['asyncio_live/clock.py']}\n# changed\n` };
    expect(snapshotName(changed)).not.toBe(snapshotName(files));
  });

  it('restores an interpreter that runs the source lesson as a fresh boot does', async () => {
    const engine = await bootNodeEngine({ snapshot });
    expect(engine.fromSnapshot).toBe(true);
    expect(await runOn(engine, program('lesson/notebook_cell'))).toBe('Square 1\nEnd square 1\n1\n');
    expect(
      await runOn(
        engine,
        `
        import asyncio, time
        async def main():
            start = time.monotonic()
            await asyncio.gather(asyncio.sleep(1), asyncio.sleep(1))
            print(asyncio.current_task().get_name(), time.monotonic() - start)
        asyncio.run(main())
        `,
      ),
    ).toBe('Task-1 1.0\n');
  });

  it('gives every restored interpreter its own random numbers, and keeps no trace of the machine that made it', async () => {
    const probe = `
      import os, random, sys
      print(random.random())
      print(sys.executable, os.environ.get("_"), sys.path.count(""))
    `;
    const one = await runOn(await bootNodeEngine({ snapshot }), probe);
    const two = await runOn(await bootNodeEngine({ snapshot }), probe);
    expect(one.split('\n')[0]).not.toBe(two.split('\n')[0]);
    // What a browser's Pyodide reports; never the path of the build's own script.
    expect(one.split('\n')[1]).toBe('/home/pyodide/this.program ./this.program 1');
  });

  // A missing snapshot (HTTP 404) takes the same fallback without even trying a restore.
  // Downloaded by the worker, or by the page and handed over (as browser.ts does).
  it('boots the page runtime from its URL, and a damaged one falls back to an ordinary boot', async () => {
    for (const [name, fromSnapshot, snapshotOnPage] of [
      ['python.snapshot.gz', true, false],
      ['damaged.snapshot.gz', false, false],
      ['python.snapshot.gz', true, true],
      ['damaged.snapshot.gz', false, true],
    ] as const) {
      const runtime = createNodeRuntime({ snapshotURL: `${base}/${name}`, snapshotOnPage });
      try {
        expect((await runtime.preload()).fromSnapshot, `${name}, on the page: ${snapshotOnPage}`).toBe(fromSnapshot);
        const run = runtime.run('print("ready")');
        let output = '';
        run.listen((event) => {
          if (event.type === 'output') output += event.text;
        });
        expect((await run.done).result.ok).toBe(true);
        expect(output, name).toBe('ready\n');
      } finally {
        runtime.destroy();
      }
    }
  }, 60_000);
});
