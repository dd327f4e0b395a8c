/**
 * The bytes a booting worker downloads (Pyodide's files, the snapshot), counted as they
 * arrive, so the page can show a progress bar: `fetch` is wrapped for the boot only.
 */
type Fetch = typeof fetch;

/** `fetch`, with every response body counted as it is read; `report` gets the total so far. */
export function countingFetch(original: Fetch, report: (loaded: number) => void): Fetch {
  let loaded = 0;
  return async (input, init) => {
    const response = await original(input, init);
    if (!response.body) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          loaded += chunk.byteLength;
          report(loaded);
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** `report`, called at most every `ms` (and always with the latest count). */
export function throttled(report: (loaded: number) => void, ms: number): (loaded: number) => void {
  let last = -Infinity;
  return (loaded) => {
    const now = performance.now();
    if (now - last < ms) return;
    last = now;
    report(loaded);
  };
}
