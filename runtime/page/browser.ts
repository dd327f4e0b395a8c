import type { PageToWorker } from '../protocol/index.ts';
import type { RuntimeOptions, WorkerLike } from './api.ts';
import { Runtime } from './runtime.ts';
import { fetchPythonFiles } from './python-files.ts';
// The bundled worker's URL (Vite builds browser-entry.ts and its imports as a worker of its own).
import workerScript from '../worker/browser-entry.ts?worker&url';

/**
 * The runtime's worker, started from a blob: URL that imports the real script. A worker
 * started from a blob: URL takes the Content Security Policy of the page that made it
 * (a worker from an http: URL has only what its own response headers say, and a
 * static host may send none). So the page's policy binds the reader's code however
 * the site is served: scripts, fonts and connections from the site only, no eval.
 */
function browserWorker(): WorkerLike {
  const script = new URL(workerScript, location.href).href;
  const starter = URL.createObjectURL(new Blob([`import ${JSON.stringify(script)};\n`], { type: 'text/javascript' }));
  const worker = new Worker(starter, { type: 'module', name: 'asyncio-live' });
  // Everything but the first message goes through a port of its own (see browser-entry.ts).
  const { port1: port, port2 } = new MessageChannel();
  const handOver: PageToWorker = { type: 'worker/port', id: 0 };
  worker.postMessage(handOver, [port2]);
  const forget = () => URL.revokeObjectURL(starter);
  port.addEventListener('message', forget, { once: true });
  worker.addEventListener('error', forget, { once: true });
  port.start();
  return {
    postMessage: (message, transfer = []) => port.postMessage(message, transfer),
    onMessage: (handler) => port.addEventListener('message', (event) => handler(event.data)),
    onError: (handler) => worker.addEventListener('error', (event) => handler(event.message || 'the worker failed to load')),
    terminate: () => {
      forget();
      port.close();
      worker.terminate();
    },
  };
}

/** The page's runtime: one per page, shared by every example on it. */
export function createBrowserRuntime(options: { indexURL: string } & Partial<RuntimeOptions>): Runtime {
  // The page inflates the snapshot: its thread is idle while the worker's boots Python.
  return new Runtime({ createWorker: browserWorker, loadFiles: fetchPythonFiles, snapshotOnPage: true, ...options });
}
