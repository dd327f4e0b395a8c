/** The contracts between the page, the worker, Python and the service worker: one file each. */
export * from './fetch-headers.ts';
export * from './limits.ts';
export * from './messages.ts';
export * from './results.ts';
export * from './run-options.ts';
