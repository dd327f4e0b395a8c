import type { PythonFiles } from '../protocol/index.ts';

/**
 * The runtime's Python package, file by file. Each is a literal `new URL(...,
 * import.meta.url)`, so bundlers ship the files with the site and plain ES modules
 * find them too. A unit test keeps this list equal to the files in runtime/python/.
 */
export const PYTHON_FILE_URLS: Record<string, URL> = {
  'asyncio_live/__init__.py': new URL('../python/asyncio_live/__init__.py', import.meta.url),
  'asyncio_live/check.py': new URL('../python/asyncio_live/check.py', import.meta.url),
  'asyncio_live/clock.py': new URL('../python/asyncio_live/clock.py', import.meta.url),
  'asyncio_live/errors.py': new URL('../python/asyncio_live/errors.py', import.meta.url),
  'asyncio_live/exits.py': new URL('../python/asyncio_live/exits.py', import.meta.url),
  'asyncio_live/fresh.py': new URL('../python/asyncio_live/fresh.py', import.meta.url),
  'asyncio_live/http.py': new URL('../python/asyncio_live/http.py', import.meta.url),
  'asyncio_live/keyboard.py': new URL('../python/asyncio_live/keyboard.py', import.meta.url),
  'asyncio_live/lateness.py': new URL('../python/asyncio_live/lateness.py', import.meta.url),
  'asyncio_live/loop.py': new URL('../python/asyncio_live/loop.py', import.meta.url),
  'asyncio_live/microscope.py': new URL('../python/asyncio_live/microscope.py', import.meta.url),
  'asyncio_live/naming.py': new URL('../python/asyncio_live/naming.py', import.meta.url),
  'asyncio_live/network.py': new URL('../python/asyncio_live/network.py', import.meta.url),
  'asyncio_live/notebook.py': new URL('../python/asyncio_live/notebook.py', import.meta.url),
  'asyncio_live/options.py': new URL('../python/asyncio_live/options.py', import.meta.url),
  'asyncio_live/packages.py': new URL('../python/asyncio_live/packages.py', import.meta.url),
  'asyncio_live/processes.py': new URL('../python/asyncio_live/processes.py', import.meta.url),
  'asyncio_live/runner.py': new URL('../python/asyncio_live/runner.py', import.meta.url),
  'asyncio_live/signals.py': new URL('../python/asyncio_live/signals.py', import.meta.url),
  'asyncio_live/sockets.py': new URL('../python/asyncio_live/sockets.py', import.meta.url),
  'asyncio_live/stop.py': new URL('../python/asyncio_live/stop.py', import.meta.url),
  'asyncio_live/streams.py': new URL('../python/asyncio_live/streams.py', import.meta.url),
  'asyncio_live/stuck.py': new URL('../python/asyncio_live/stuck.py', import.meta.url),
  'asyncio_live/threads.py': new URL('../python/asyncio_live/threads.py', import.meta.url),
  'asyncio_live/trace.py': new URL('../python/asyncio_live/trace.py', import.meta.url),
  'asyncio_live/warm_up.py': new URL('../python/asyncio_live/warm_up.py', import.meta.url),
  'nest_asyncio.py': new URL('../python/nest_asyncio.py', import.meta.url),
};

export async function fetchPythonFiles(): Promise<PythonFiles> {
  const entries = await Promise.all(
    Object.entries(PYTHON_FILE_URLS).map(async ([path, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return [path, await response.text()] as const;
    }),
  );
  return Object.fromEntries(entries);
}
