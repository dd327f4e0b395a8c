import { createBrowserRuntime, type Runtime } from '../../runtime/index.ts';

/** Where the site serves Pyodide's files (src/integrations/pyodide-files.ts). */
const PYODIDE_URL = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/pyodide/`;

let runtime: Runtime | undefined;

/** The page's one runtime, shared by every example on it. */
export function pageRuntime(): Runtime {
  runtime ??= createBrowserRuntime({ indexURL: new URL(PYODIDE_URL, location.href).href });
  return runtime;
}
