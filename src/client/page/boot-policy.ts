/**
 * When Python starts before the reader asks (boot-early.ts): as soon as an example is on
 * screen and the page is idle, so that a reader who reads first and then presses Run
 * waits for nothing. Not when the browser asks to save data, the connection is slow
 * (below 4g), or the device is small (under 2 GB): then Python comes at the reader's
 * first intent, as before. The reader's own choice, when they made one, wins both ways.
 */

/** What the browser says of the connection and the device (each may be unknown). */
export interface DeviceHints {
  saveData?: boolean;
  /** `slow-2g`, `2g`, `3g` or `4g` (Network Information API). */
  effectiveType?: string;
  /** Rounded GB of memory (Device Memory API). */
  deviceMemory?: number;
}

/** Connections too slow to download Python (about 19 MB) unasked. */
const SLOW = ['slow-2g', '2g', '3g'];
/** GB of memory under which a phone should not hold an interpreter it was not asked for. */
const SMALL_DEVICE_GB = 2;

/** Start Python early? `choice`: the reader's setting (null: they never chose). */
export function bootsEarly(hints: DeviceHints, choice: boolean | null): boolean {
  if (choice !== null) return choice;
  if (hints.saveData) return false;
  if (hints.effectiveType && SLOW.includes(hints.effectiveType)) return false;
  if (hints.deviceMemory !== undefined && hints.deviceMemory < SMALL_DEVICE_GB) return false;
  return true;
}

/** The hints this browser gives. */
export function deviceHints(): DeviceHints {
  const nav = navigator as Navigator & {
    connection?: { saveData?: boolean; effectiveType?: string };
    deviceMemory?: number;
  };
  return { saveData: nav.connection?.saveData, effectiveType: nav.connection?.effectiveType, deviceMemory: nav.deviceMemory };
}
