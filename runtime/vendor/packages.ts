import manifest from './manifest.json' with { type: 'json' };

/**
 * Pure-Python packages that come with the runtime (runtime/vendor/site-packages/, taken from
 * Debian's packages; see its README): httpx and what it needs. They are large (2 MB)
 * and few programs use them, so they reach an interpreter only when a program imports
 * one: the page fetches them then and hands them to its worker, and Node reads them
 * from disk. Their top-level import names, from manifest.json, the one list of them.
 */
export const PACKAGE_NAMES: readonly string[] = manifest.packages.flatMap((entry) => entry.imports);

const NAMES = `(?:${PACKAGE_NAMES.join('|')})\\b`;
// `import asyncio, httpx` names it after others; `import os as o, httpx as h` too.
const OTHERS = '(?:[\\w.]+(?:[ \\t]+as[ \\t]+\\w+)?[ \\t]*,[ \\t]*)*';
const IMPORTS = new RegExp(`^[ \\t]*(?:from[ \\t]+${NAMES}|import[ \\t]+${OTHERS}${NAMES})`, 'm');

/** Does this code import one of the packages (at the start of a line, as code does)? */
export function importsPackages(...code: (string | undefined)[]): boolean {
  return code.some((text) => text !== undefined && IMPORTS.test(text));
}
