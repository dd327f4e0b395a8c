/**
 * Python's state on this page, on the root element: absent until the reader's first
 * intent, then booting, and ready or failed (page-intent.ts sets it). The page waits
 * on it (offline.ts: no service worker while Python boots; the session: a spare
 * interpreter only once Python is under way), a link's page swapped in keeps it
 * (page-navigation.ts), and the site tests and page benchmark wait for "ready" there.
 */
import type { BootInfo } from '../../../runtime/index.ts';

export type PythonState = 'booting' | 'ready' | 'failed';

const STATES: Record<PythonState, true> = { booting: true, ready: true, failed: true };

/** Every attribute of Python's starts so: the state and how the boot went ({@link reportBoot}). */
export const PYTHON_ATTRIBUTES_PREFIX = 'data-python';

const STATE = PYTHON_ATTRIBUTES_PREFIX;
/** How Python started: "snapshot" or "fresh". */
const BOOT = `${PYTHON_ATTRIBUTES_PREFIX}-boot`;
/** Where the boot's time went (JSON), for the page benchmark. */
const BOOT_PHASES = `${PYTHON_ATTRIBUTES_PREFIX}-boot-phases`;
const BOOT_TIMING = `${PYTHON_ATTRIBUTES_PREFIX}-boot-timing`;

const root = () => document.documentElement;

const isPythonState = (value: string | null): value is PythonState => value !== null && Object.hasOwn(STATES, value);

/** Python's state here, or null before the reader's first intent. */
export function pythonState(): PythonState | null {
  const state = root().getAttribute(STATE);
  return isPythonState(state) ? state : null;
}

export function setPythonState(state: PythonState): void {
  root().setAttribute(STATE, state);
}

/** How the boot went, for the tests and the page benchmark to read. */
export function reportBoot(boot: BootInfo): void {
  root().setAttribute(BOOT, boot.fromSnapshot ? 'snapshot' : 'fresh');
  root().setAttribute(BOOT_PHASES, JSON.stringify(boot.phases ?? {}));
  root().setAttribute(BOOT_TIMING, JSON.stringify(boot.timing ?? null));
}

/** Resolves once no Python boot is under way on this page: now, or when the boot ends. */
export function whenNotBooting(): Promise<void> {
  return new Promise((resolve) => {
    const settled = () => pythonState() !== 'booting';
    if (settled()) return resolve();
    const observer = new MutationObserver(() => {
      if (!settled()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root(), { attributes: true, attributeFilter: [STATE] });
  });
}

/** Resolves once Python has booted on this page, or failed to (never, if it never starts). */
export function whenBooted(): Promise<void> {
  return new Promise((resolve) => {
    const booted = () => pythonState() === 'ready' || pythonState() === 'failed';
    if (booted()) return resolve();
    const observer = new MutationObserver(() => {
      if (!booted()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root(), { attributes: true, attributeFilter: [STATE] });
  });
}
