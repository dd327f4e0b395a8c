/// <reference lib="webworker" />
/**
 * The runtime's worker in a browser: a module Web Worker around worker-core.ts.
 * Pyodide's loader is bundled with it; its large files (wasm, standard library) come
 * from the `indexURL` the page sends, the site's own copy.
 */
import { loadPyodide } from 'pyodide';
import type { PageToWorker } from './protocol.ts';
import { serveWorker } from './worker-core.ts';

declare const self: DedicatedWorkerGlobalScope;

// Taken now: lockDown() removes `postMessage` from the global scope after boot.
const post = self.postMessage.bind(self);

serveWorker(
  {
    postMessage: (message) => post(message),
    onMessage: (handler) => self.addEventListener('message', (event: MessageEvent<PageToWorker>) => handler(event.data)),
  },
  loadPyodide,
);
