/// <reference lib="webworker" />
/**
 * The runtime's worker in a browser: a module Web Worker around worker-core.ts.
 * Pyodide's loader is bundled with it; its large files (wasm, standard library) come
 * from the `indexURL` the page sends, the site's own copy.
 *
 * The page talks to it through a MessagePort of its own, sent in the first message
 * (see browser.ts), never through the worker's global `message` event: a listener that
 * a reader's program adds to the worker (`js.addEventListener`) hears nothing, and
 * the port itself is out of Python's reach.
 */
import { loadPyodide } from 'pyodide';
import type { PageToWorker, WorkerToPage } from './protocol.ts';
import { serveWorker } from './worker-core.ts';

declare const self: DedicatedWorkerGlobalScope;

self.addEventListener(
  'message',
  (event) => {
    const [port] = event.ports;
    if (!port) throw new Error('the runtime worker expects its port first');
    serveWorker(
      {
        postMessage: (message: WorkerToPage) => port.postMessage(message),
        onMessage: (handler) => {
          port.addEventListener('message', (message: MessageEvent<PageToWorker>) => handler(message.data));
          port.start();
        },
      },
      loadPyodide,
    );
  },
  { once: true },
);
