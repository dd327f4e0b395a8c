/** The runtime's worker as a Node worker thread (tests and tools); see serve.ts. */
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import type { PageToWorker } from '../protocol/index.ts';
import { serveWorker } from './serve.ts';

if (!parentPort) throw new Error('node-entry.ts runs as a worker thread');
const port = parentPort;
serveWorker(
  {
    postMessage: (message) => port.postMessage(message),
    onMessage: (handler) => port.on('message', (message: PageToWorker) => handler(message)),
  },
  loadPyodide,
);
