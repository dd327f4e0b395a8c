import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every page of the built site (`.html` files under `dir`). */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
    ),
  );
  return nested.flat();
}
