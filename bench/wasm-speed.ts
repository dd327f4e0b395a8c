/**
 * How much slower Python computes in WebAssembly than python3 on the same machine:
 * `node bench/wasm-speed.ts [path/to/python3]`. Prints, for a few CPU-bound programs,
 * the median time in the runtime, in python3, and their ratio. The clock charges a
 * stretch of computation as python3 would take it (`WASM_SLOWDOWN` in
 * runtime/python/asyncio_live/clock.py): this is where that number comes from.
 */
import { execFileSync } from 'node:child_process';
import { bootNodeEngine } from '../runtime/node/node-runtime.ts';

const PYTHON = process.argv[2] ?? 'python3';
const RUNS = 5;

// Each program computes for a while and nothing else: no waits, no output.
const PROGRAMS: [string, string][] = [
  [
    '10,000 tasks created and gathered',
    `
import asyncio
async def nothing():
    pass
async def main():
    await asyncio.gather(*(nothing() for _ in range(10_000)))
asyncio.run(main())
`,
  ],
  [
    'arithmetic loop',
    `
total = 0
for i in range(2_000_000):
    total += i * i % 7
`,
  ],
  [
    'strings and dicts',
    `
counts = {}
for i in range(300_000):
    word = f"w{i % 1000}"
    counts[word] = counts.get(word, 0) + len(word)
`,
  ],
  [
    'sorting',
    `
import random
random.seed(1)
for _ in range(20):
    sorted(random.random() for _ in range(50_000))
`,
  ],
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function nativeSeconds(code: string): number {
  const timed = `import time\n_t = time.perf_counter()\nexec(compile(${JSON.stringify(code)}, "main.py", "exec"), {"__name__": "__main__"})\nprint(time.perf_counter() - _t)`;
  return Number(execFileSync(PYTHON, ['-c', timed], { encoding: 'utf8' }).trim());
}

const engine = await bootNodeEngine();
async function wasmSeconds(code: string): Promise<number> {
  const started = performance.now();
  const result = await engine.run(code, { deterministic: true });
  if (!result.ok) throw new Error(`benchmark program failed: ${JSON.stringify(result.error)}`);
  return (performance.now() - started) / 1000;
}

const version = execFileSync(PYTHON, ['--version'], { encoding: 'utf8' }).trim();
console.log(`WebAssembly (Pyodide, Node ${process.versions.node}) against ${version}, medians of ${RUNS}:`);
const ratios: number[] = [];
for (const [label, code] of PROGRAMS) {
  await wasmSeconds(code); // the first run warms WebAssembly's tiers; a page's first run is slower still
  const wasm: number[] = [];
  for (let i = 0; i < RUNS; i++) wasm.push(await wasmSeconds(code));
  const wasmSecondsMedian = median(wasm);
  const native = median(Array.from({ length: RUNS }, () => nativeSeconds(code)));
  ratios.push(wasmSecondsMedian / native);
  console.log(
    `  ${label.padEnd(36)} ${(wasmSecondsMedian * 1000).toFixed(0).padStart(6)} ms  ${(native * 1000).toFixed(0).padStart(6)} ms  ×${(wasmSecondsMedian / native).toFixed(2)}`,
  );
}
console.log(`median ratio: ×${median(ratios).toFixed(2)}`);
