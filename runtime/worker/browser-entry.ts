/// <reference lib="webworker" />
/**
 * The runtime's worker in a browser: a module Web Worker around serve.ts.
 * Pyodide's loader is bundled with it; its large files (wasm, standard library) come
 * from the `indexURL` the page sends, the site's own copy.
 *
 * The page talks to it through a MessagePort of its own, sent in the first message
 * (`worker/port`, see page/browser.ts), never through the worker's global `message` event: a listener that
 * a reader's program adds to the worker (`js.addEventListener`) hears nothing, and
 * the port itself is out of Python's reach.
 */
import { loadPyodide } from 'pyodide';
import type { PageToWorker, WorkerToPage } from '../protocol/index.ts';
import { serveWorker } from './serve.ts';

declare const self: DedicatedWorkerGlobalScope;

// The worker's own references to what its messaging uses, taken before any Python runs:
// a program that then replaces `MessagePort.prototype.postMessage` or the `data` getter
// of `MessageEvent.prototype` (through `import js`) changes nothing the worker sends or
// hears. (A worker that has run code other than the site's also runs nothing after it:
// the page's runtime ends it with its run.)
const apply = Reflect.apply;
const post = MessagePort.prototype.postMessage;
const start = MessagePort.prototype.start;
const listen = EventTarget.prototype.addEventListener;
const dataOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')!.get!;

self.addEventListener(
  'message',
  (event: MessageEvent<PageToWorker>) => {
    const [port] = event.ports;
    if (event.data?.type !== 'worker/port' || !port) throw new Error('the runtime worker expects its port first');
    serveWorker(
      {
        postMessage: (message: WorkerToPage) => apply(post, port, [message]),
        onMessage: (handler) => {
          apply(listen, port, ['message', (message: MessageEvent<PageToWorker>) => handler(apply(dataOf, message, []) as PageToWorker)]);
          apply(start, port, []);
        },
      },
      loadPyodide,
    );
  },
  { once: true },
);
