/**
 * The editor's files, fetched before its module is imported, so that their bytes can be
 * counted for a progress bar (a dynamic import tells nothing until it is done). The
 * import then finds them in the browser's cache (or the service worker's) and crosses
 * the network no second time. The build lists the files and their sizes
 * (src/integrations/editor-files.ts); where there is no list (the dev server), nothing
 * is counted and the import goes ahead alone.
 */

export interface EditorProgress {
  loaded: number;
  total: number;
}

type Listener = (progress: EditorProgress) => void;

const LIST_URL = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/editor-files.json`;

const listeners = new Set<Listener>();
let latest: EditorProgress | null = null;
let downloading: Promise<void> | undefined;

/** Fetch the editor's files once per page (whoever asks first), telling `listener` how far it got. */
export async function downloadEditor(listener: Listener): Promise<void> {
  listeners.add(listener);
  if (latest) listener(latest);
  downloading ??= fetchAll();
  try {
    await downloading;
  } finally {
    listeners.delete(listener);
  }
}

async function fetchAll(): Promise<void> {
  const files = await listed();
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  let loaded = 0;
  const tell = () => {
    latest = { loaded: Math.min(loaded, total), total };
    for (const listener of listeners) listener(latest);
  };
  await Promise.all(
    files.map(async ({ url }) => {
      try {
        const response = await fetch(url);
        const reader = response.ok ? response.body?.getReader() : undefined;
        if (!reader) return;
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          loaded += chunk.value.byteLength;
          tell();
        }
      } catch {
        // Offline, or refused: the import that follows meets the same failure and reports it.
      }
    }),
  );
}

async function listed(): Promise<{ url: string; bytes: number }[]> {
  try {
    const response = await fetch(LIST_URL);
    const files: unknown = response.ok ? await response.json() : [];
    const valid = (file: unknown): file is { url: string; bytes: number } =>
      typeof file === 'object' &&
      file !== null &&
      typeof (file as { url: unknown }).url === 'string' &&
      Number.isFinite((file as { bytes: unknown }).bytes);
    // Only the site's own files: the list is fetched, and a fetch is not a place to follow a stranger's URL.
    const base = new URL(LIST_URL, location.href);
    return (Array.isArray(files) ? files.filter(valid) : [])
      .map((file) => ({ url: new URL(file.url, base).href, bytes: file.bytes }))
      .filter((file) => new URL(file.url).origin === location.origin);
  } catch {
    return [];
  }
}
