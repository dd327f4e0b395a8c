/**
 * Pyodide's WebAssembly, compiled once per page. Every run of edited code gets a new
 * worker (client.ts), and compiling 9.6 MB of WebAssembly took half a second of each
 * boot; a compiled `WebAssembly.Module` can be posted from worker to page to worker, and
 * instantiated again. The first worker hands its module to the page once it has booted
 * (before any program has run in it); later workers instantiate that one.
 *
 * Pyodide's loader has no option for a compiled module: it fetches its `.wasm` and calls
 * `WebAssembly.instantiateStreaming` (a browser) or reads it and calls
 * `WebAssembly.instantiate` (Node). While a boot runs, both are taught the module, and
 * the fetch of the `.wasm` answers at once with nothing (its bytes are not needed).
 */
type Wasm = typeof WebAssembly;

interface Scope {
  WebAssembly?: Wasm;
  fetch?: typeof fetch;
}

/**
 * Runs `boot` so that Pyodide instantiates `given` (when not null) rather than compiling
 * its own; returns what `boot` made and the module the boot used (given or compiled).
 */
export async function withCompiledModule<T>(
  scope: Scope,
  given: WebAssembly.Module | null,
  boot: () => Promise<T>,
): Promise<{ value: T; module: WebAssembly.Module | null }> {
  const wasm = scope.WebAssembly;
  if (!wasm) return { value: await boot(), module: null };
  let used: WebAssembly.Module | null = given;
  const { instantiate, instantiateStreaming } = wasm;
  const plainFetch = scope.fetch;
  const withGiven = async (imports: WebAssembly.Imports | undefined) => ({
    module: given!,
    instance: await instantiate.call(wasm, given!, imports),
  });
  wasm.instantiateStreaming = async (source, imports) => {
    if (given) return withGiven(imports);
    const made = await instantiateStreaming.call(wasm, source, imports);
    used ??= made.module;
    return made;
  };
  wasm.instantiate = (async (source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) => {
    if (source instanceof wasm.Module) return instantiate.call(wasm, source, imports);
    if (given) return withGiven(imports);
    const made = (await instantiate.call(wasm, source, imports)) as unknown as WebAssembly.WebAssemblyInstantiatedSource;
    used ??= made.module;
    return made;
  }) as Wasm['instantiate'];
  if (given && plainFetch) {
    scope.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (new URL(url, 'file:///').pathname.endsWith('.wasm'))
        return Promise.resolve(new Response(new Uint8Array(0), { headers: { 'Content-Type': 'application/wasm' } }));
      return plainFetch(input, init);
    };
  }
  try {
    return { value: await boot(), module: used };
  } finally {
    wasm.instantiate = instantiate;
    wasm.instantiateStreaming = instantiateStreaming;
    if (given && plainFetch) scope.fetch = plainFetch;
  }
}
