/**
 * What Step costs (the runtime's `steps` option, microscope.py), in Node: each program run
 * traced (as every run on the page is) and stepped, medians of RUNS, and how many turns
 * the stepped run recorded. `node bench/steps.ts`. Prints numbers; asserts nothing.
 */
import type { TraceEvent } from '../runtime/protocol/index.ts';
import { bootNodeEngine } from '../runtime/node/node-runtime.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const PROGRAMS: Record<string, string> = {
  'a gather of three sleepers (a lesson example)': `
import asyncio
async def square(x):
    await asyncio.sleep(1)
    return x * x
async def main():
    print(await asyncio.gather(square(1), square(2), square(3)))
asyncio.run(main())
`,
  '5,000 tasks, three sleeps each': `
import asyncio, random
random.seed(1)
async def tick():
    for _ in range(3):
        await asyncio.sleep(random.random())
async def main():
    await asyncio.gather(*(tick() for _ in range(5000)))
asyncio.run(main())
`,
  '100,000 timers and 1,100 short sleeps': `
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    timers = [loop.call_later(1000 + i, print, i) for i in range(100_000)]
    for _ in range(1100):
        await asyncio.sleep(0.001)
    for timer in timers:
        timer.cancel()
asyncio.run(main())
`,
};

const engine = await bootNodeEngine();
for (const [name, code] of Object.entries(PROGRAMS)) {
  const times: Record<'traced' | 'stepped', number[]> = { traced: [], stepped: [] };
  let turns = 0;
  for (let i = 0; i < RUNS; i++) {
    for (const steps of [false, true]) {
      const events: TraceEvent[] = [];
      const started = performance.now();
      const result = await engine.run(
        code,
        { deterministic: true, steps },
        () => {},
        (batch) => events.push(...batch),
      );
      times[steps ? 'stepped' : 'traced'].push(performance.now() - started);
      if (!result.ok) throw new Error(`${name}: ${result.error.type}: ${result.error.message}`);
      if (steps) turns = events.filter((event) => event.type === 'turn').length;
    }
  }
  const traced = median(times.traced);
  const stepped = median(times.stepped);
  console.log(
    `${name}: traced ${traced.toFixed(0)} ms, stepped ${stepped.toFixed(0)} ms (×${(stepped / traced).toFixed(2)}), ${turns} turns recorded`,
  );
}
