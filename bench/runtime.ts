/**
 * Runtime speed, in Node: `npm run bench:runtime`. Prints medians; it asserts nothing
 * (tests check behaviour, this measures). Stop latency is not measured yet: stopping
 * needs the worker and its interrupt buffer, which come with the client.
 */
import { bootNodeEngine } from '../runtime/node.ts';

const BOOTS = 5;
const RUNS = 20;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

const GATHER = `
import asyncio

async def square(x):
    print('Square', x)
    await asyncio.sleep(1)
    print('End square', x)
    return x * x

async def main():
    print(await asyncio.gather(square(1), square(2)))

asyncio.run(main())
`;

const NOTEBOOK = `
import nest_asyncio
nest_asyncio.apply()
import asyncio

async def square(x):
    print('Square', x)
    await asyncio.sleep(1)
    print('End square', x)
    return x * x

loop = asyncio.get_event_loop()
results = loop.run_until_complete(square(1))
print(results)
`;

const SLEEPERS = `
import asyncio

async def sleeper():
    await asyncio.sleep(1)

async def main():
    await asyncio.gather(*(sleeper() for _ in range(10_000)))

asyncio.run(main())
`;

const boots: number[] = [];
let engine;
for (let i = 0; i < BOOTS; i++) {
  const started = performance.now();
  engine = await bootNodeEngine();
  boots.push(performance.now() - started);
}

function timeRuns(code: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = engine!.run(code, { deterministic: true });
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`benchmark program failed: ${JSON.stringify(result.error)}`);
  }
  return median(times);
}

console.log(`boot (loadPyodide + runtime), median of ${BOOTS}: ${ms(median(boots))}`);
console.log(`gather example, warm, median of ${RUNS}:       ${ms(timeRuns(GATHER, RUNS))}`);
console.log(`notebook cell, warm, median of ${RUNS}:        ${ms(timeRuns(NOTEBOOK, RUNS))}`);
console.log(`10,000 sleepers, median of 5:             ${ms(timeRuns(SLEEPERS, 5))}`);
