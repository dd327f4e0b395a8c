import { createBrowserRuntime, type Runtime } from '../../../runtime/index.ts';
import { HANDOFF_CACHE } from '../../service-worker/cache-names.ts';

/** Where the site serves Pyodide's files (src/integrations/pyodide-files.ts). */
const PYODIDE_URL = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/pyodide/`;

/** The file name of the build's Python snapshot, beside Pyodide's files (src/integrations/python-snapshot.ts). */
declare const __PYTHON_SNAPSHOT__: string | null;
/** The file name of the packages that come with the runtime, beside Pyodide's files (src/integrations/python-snapshot.ts). */
declare const __PYTHON_PACKAGES__: string | null;
/** Subresource Integrity of the files the worker fetches as it boots, by file name (src/integrations/pyodide-files.ts, python-snapshot.ts). */
declare const __PYODIDE_INTEGRITY__: Record<string, string>;
declare const __PYTHON_SNAPSHOT_INTEGRITY__: string | null;
/** Their sizes in bytes (the same integrations): what a boot downloads, for its progress bar. */
declare const __PYODIDE_SIZES__: Record<string, number>;
declare const __PYTHON_SNAPSHOT_SIZE__: number;

let runtime: Runtime | undefined;

/** The page's one runtime, shared by every example on it. */
export function pageRuntime(): Runtime {
  const indexURL = new URL(PYODIDE_URL, location.href).href;
  const integrity: Record<string, string> = {};
  const byName = {
    ...__PYODIDE_INTEGRITY__,
    ...(__PYTHON_SNAPSHOT__ && __PYTHON_SNAPSHOT_INTEGRITY__ ? { [__PYTHON_SNAPSHOT__]: __PYTHON_SNAPSHOT_INTEGRITY__ } : {}),
  };
  for (const [name, metadata] of Object.entries(byName)) integrity[new URL(name, indexURL).href] = metadata;
  runtime ??= createBrowserRuntime({
    indexURL,
    integrity,
    snapshotURL: __PYTHON_SNAPSHOT__ ? new URL(__PYTHON_SNAPSHOT__, indexURL).href : null,
    packagesURL: __PYTHON_PACKAGES__ ? new URL(__PYTHON_PACKAGES__, indexURL).href : null,
    bootBytes: Object.values(__PYODIDE_SIZES__).reduce((sum, size) => sum + size, __PYTHON_SNAPSHOT_SIZE__) || null,
    // Before the service worker controls the page, a boot keeps what it fetches for it
    // to adopt: each of Python's bytes then crosses the network once (offline.ts).
    keepFetchedIn: () => (import.meta.env.PROD && navigator.serviceWorker && !navigator.serviceWorker.controller ? HANDOFF_CACHE : null),
  });
  return runtime;
}
