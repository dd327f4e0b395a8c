/**
 * Python for the Node tests: one interpreter per test file, restored from the snapshot
 * that the global setup made once (test/python-snapshot.ts).
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { RuntimeOptions } from '../runtime/page/api.ts';
import type { Runtime } from '../runtime/page/runtime.ts';
import type { Engine } from '../runtime/worker/engine.ts';
import { bootNodeEngine, createNodeRuntime } from '../runtime/node/node-runtime.ts';

let snapshot: Uint8Array | undefined;

/** The run's snapshot, gzipped, as the build serves it. */
export function snapshotBytes(): Uint8Array {
  snapshot ??= readFileSync(inject('pythonSnapshot').path);
  return snapshot;
}

/** A new interpreter, restored from the snapshot (fails the test if it only booted). */
export async function restoredEngine(): Promise<Engine> {
  const engine = await bootNodeEngine({ snapshot: snapshotBytes() });
  if (!engine.fromSnapshot) throw new Error("The tests' Python snapshot did not restore: see test/python-snapshot.ts.");
  return engine;
}

/** The page's runtime client on Node worker threads, whose workers restore the snapshot. */
export function snapshotRuntime(options: Partial<RuntimeOptions> = {}): Runtime {
  return createNodeRuntime({ snapshotURL: inject('pythonSnapshot').url, ...options });
}
