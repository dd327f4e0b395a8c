/** The reader's localStorage, or null where the browser refuses it (privacy settings, a sandboxed frame). */
export function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
