import type { loadPyodide as LoadPyodide } from 'pyodide';
import { Engine } from './engine.ts';
import type { PageToWorker, RunResult, WorkerToPage } from './protocol.ts';

/** The two ends of the message channel, whatever carries it (a Web Worker, a Node worker thread). */
export interface WorkerPort {
  postMessage(message: WorkerToPage): void;
  onMessage(handler: (message: PageToWorker) => void): void;
}

/**
 * The worker's side of the runtime: boots one interpreter, then runs one request at a
 * time (Python runs synchronously, so requests simply wait their turn), streaming
 * output and trace events back as they come.
 */
export function serveWorker(port: WorkerPort, loadPyodide: typeof LoadPyodide): void {
  let engine: Engine | null = null;
  let interrupt: Int32Array | null = null;
  let fatal = false;

  port.onMessage(async (message) => {
    switch (message.type) {
      case 'worker/boot': {
        const started = performance.now();
        try {
          const { snapshotURL } = message;
          engine = await Engine.boot(loadPyodide, message.indexURL, message.files, snapshotURL ? () => download(snapshotURL) : undefined);
          interrupt = message.interruptBuffer;
          if (interrupt) engine.setInterruptBuffer(interrupt);
          // Python is loaded: from here on the worker needs no network and no way out
          // but its port. Readers' code (`import js`) then cannot reach either.
          lockDown(globalThis as unknown as Record<string, unknown>);
          port.postMessage({
            type: 'worker/ready',
            id: message.id,
            boot: { bootMs: performance.now() - started, fromSnapshot: engine.fromSnapshot },
          });
        } catch (error) {
          port.postMessage({ type: 'worker/failed', id: message.id, message: describe(error) });
        }
        return;
      }
      case 'run/start': {
        const { id } = message;
        if (!engine || fatal) {
          port.postMessage({ type: 'run/done', id, result: crashed('Python is not running in this worker.'), memory: 0, fatal: true });
          return;
        }
        // A stop written after the previous run ended must not stop this one.
        if (interrupt) Atomics.store(interrupt, 0, 0);
        let result: RunResult;
        try {
          result = engine.run(
            message.code,
            message.options,
            (chunk) => port.postMessage({ type: 'run/output', id, ...chunk }),
            message.trace ? (event) => port.postMessage({ type: 'run/trace', id, event }) : undefined,
          );
        } catch (error) {
          // Only a crash of the interpreter itself gets here: the runner catches every
          // Python exception. Deep C recursion is the usual cause.
          fatal = true;
          result = crashed(
            'Python crashed (the interpreter ran out of stack or memory) and was restarted. ' +
              'Very deep recursion is the usual cause. ' + describe(error),
          );
        }
        port.postMessage({ type: 'run/done', id, result, memory: fatal ? 0 : engine.memory, fatal });
        return;
      }
      default: {
        const unknown: never = message;
        throw new Error(`unknown message ${JSON.stringify(unknown)}`);
      }
    }
  });
}

/**
 * What the reader's Python could use, through `import js`, to reach beyond the worker:
 * the network, new workers, a channel to other pages, or the worker's own message port
 * (to forge replies). The Content Security Policy refuses other hosts where the server
 * sends it; this holds on any static host.
 */
const ESCAPE_HATCHES = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'postMessage',
  'close',
];

/** Removes the worker's escape hatches; entries keep the references they took before. */
export function lockDown(scope: Record<string, unknown>): void {
  for (const name of ESCAPE_HATCHES) {
    if (!(name in scope)) continue;
    try {
      Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
    } catch {
      delete scope[name];
    }
  }
}

function crashed(message: string): RunResult {
  return { ok: false, time: 0, error: { type: 'FatalError', message, line: null, traceback: '' } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/** A file's bytes, or null when the server does not have it. */
async function download(url: string): Promise<Uint8Array | null> {
  const response = await fetch(url);
  return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
}
