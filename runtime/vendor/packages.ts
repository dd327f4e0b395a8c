/**
 * Pure-Python packages that come with the runtime (runtime/vendor/site-packages/, taken from
 * Debian's packages; see its README): httpx and what it needs. They are large (2 MB)
 * and few programs use them, so they reach an interpreter only when a program imports
 * one: the page fetches them then and hands them to its worker, and Node reads them
 * from disk.
 */
export const PACKAGE_NAMES = ['httpx', 'httpcore', 'h11', 'anyio', 'sniffio', 'idna', 'certifi', 'typing_extensions'] as const;

const IMPORTS = new RegExp(`^[ \\t]*(?:from|import)[ \\t]+(?:${PACKAGE_NAMES.join('|')})\\b`, 'm');

/** Does this code import one of the packages (at the start of a line, as code does)? */
export function importsPackages(...code: (string | undefined)[]): boolean {
  return code.some((text) => text !== undefined && IMPORTS.test(text));
}
