/**
 * The reader's switches (keys.ts): Wrap, the timeline, loop times. Kept for every page
 * as "on" or "off"; without storage, each choice lasts as long as the page.
 */
import { SETTING_KEYS, type Setting } from './keys.ts';
import { storage } from './storage.ts';

/** The reader's choice: on, off (anything kept but "on"), or null when they never chose. */
export function readSwitch(setting: Setting): boolean | null {
  const kept = storage()?.getItem(SETTING_KEYS[setting]) ?? null;
  return kept === null ? null : kept === 'on';
}

export function writeSwitch(setting: Setting, on: boolean): void {
  try {
    storage()?.setItem(SETTING_KEYS[setting], on ? 'on' : 'off');
  } catch {
    // storage full: the choice lasts as long as the page
  }
}
