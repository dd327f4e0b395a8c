/**
 * Runtime speed, in Node: `npm run bench:runtime`. Prints medians; it asserts nothing
 * (tests check behaviour, this measures).
 */
import type { RunHandle } from '../runtime/page/api.ts';
import { bootNodeEngine, createNodeRuntime, makeSnapshot, PYODIDE_DIR, pythonFiles } from '../runtime/node/node-runtime.ts';
import { program } from '../test/unit/runtime/programs/index.ts';

const BOOTS = 5;
const RUNS = 20;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

const GATHER = program('gather_squares');

const NOTEBOOK = program('lesson/notebook_cell');

const SLEEPERS = `
import asyncio

async def sleeper():
    await asyncio.sleep(1)

async def main():
    await asyncio.gather(*(sleeper() for _ in range(10_000)))

asyncio.run(main())
`;

const boots: number[] = [];
let engine: Awaited<ReturnType<typeof bootNodeEngine>> | undefined;
for (let i = 0; i < BOOTS; i++) {
  const started = performance.now();
  engine = await bootNodeEngine();
  boots.push(performance.now() - started);
}

async function timeRuns(code: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await engine!.run(code, { deterministic: true });
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`benchmark program failed: ${JSON.stringify(result.error)}`);
  }
  return median(times);
}

console.log(`boot (loadPyodide + runtime), median of ${BOOTS}: ${ms(median(boots))}`);
console.log(`gather example, warm, median of ${RUNS}:       ${ms(await timeRuns(GATHER, RUNS))}`);
console.log(`notebook cell, warm, median of ${RUNS}:        ${ms(await timeRuns(NOTEBOOK, RUNS))}`);
console.log(`10,000 sleepers, median of 5:             ${ms(await timeRuns(SLEEPERS, 5))}`);

// Stop latency: from stop() to the run's end, through the page client and a worker
// thread, with the interrupt buffer (cross-origin isolated page) and without it.
async function stopLatency(interrupts: boolean, code: string): Promise<number> {
  const runtime = createNodeRuntime({ interrupts });
  const latencies: number[] = [];
  for (let i = 0; i < 7; i++) {
    await runtime.preload();
    const run: RunHandle = runtime.run(code);
    await new Promise<void>((resolve) => run.listen((e) => e.type === 'status' && e.status === 'running' && resolve()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    run.stop();
    await run.done;
    latencies.push(performance.now() - started);
  }
  runtime.destroy();
  return median(latencies);
}
console.log(`stop 'while True: pass', interrupt buffer:  ${ms(await stopLatency(true, 'while True: pass'))}`);
console.log(
  `stop busy asyncio.run, interrupt buffer:    ${ms(await stopLatency(true, 'import asyncio\nasync def spin():\n    while True: pass\nasyncio.run(spin())'))}`,
);
console.log(
  `stop 'while True: pass', ending the worker: ${ms(await stopLatency(false, 'while True: pass'))} (the next run then waits for a new boot)`,
);

// Boot from the memory snapshot the site ships (runtime/snapshot/snapshot.ts): restore it, write
// the runtime's files, set up and warm up, as the browser's worker does.
const snapshot = await makeSnapshot(PYODIDE_DIR, pythonFiles());
const snapshotBoots: number[] = [];
for (let i = 0; i < BOOTS; i++) {
  const started = performance.now();
  const restored = await bootNodeEngine({ snapshot });
  snapshotBoots.push(performance.now() - started);
  if (!restored.fromSnapshot) throw new Error('the snapshot did not restore');
}
console.log(
  `boot from the site's snapshot, median of ${BOOTS}: ${ms(median(snapshotBoots))} (${(snapshot.length / 1e6).toFixed(1)} MB gzipped)`,
);
